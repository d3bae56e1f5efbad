import type { EventField } from './event-fields';
import type { Plan, PlanEvent, ShowRecord } from './schema';

/*
 * Edits of a plan's own fields as pure functions, like the checklist's and the run of show's:
 * each returns the same plan when nothing changes, so a no-op is no undo step.
 */

export function setPlanTitle(plan: Plan, title: string): Plan {
  return plan.title === title ? plan : { ...plan, title };
}

export function setPlanNotes(plan: Plan, notes: string): Plan {
  return plan.notes === notes ? plan : { ...plan, notes };
}

export function setEventField<F extends EventField | 'startTime'>(
  plan: Plan,
  field: F,
  value: PlanEvent[F],
): Plan {
  return plan.event[field] === value ? plan : { ...plan, event: { ...plan.event, [field]: value } };
}

/**
 * The plan's recorded runs of the show changed by one of live-show.ts's functions (`addRun`,
 * `updateRun`, `restoreRun`…); the same plan when they come back the same.
 */
export function changeRuns(
  plan: Plan,
  change: (shows: readonly ShowRecord[]) => readonly ShowRecord[],
): Plan {
  const shows = change(plan.shows);
  return shows === plan.shows ? plan : { ...plan, shows: shows.slice() };
}

/** A draft as the user edited it, with the time of the edit. */
export function saveDraft(
  plan: Plan,
  draftId: string,
  draft: { subject: string; body: string },
  now: Date,
): Plan {
  return {
    ...plan,
    drafts: { ...plan.drafts, [draftId]: { ...draft, editedAt: now.toISOString() } },
  };
}

/** Back to the draft made from the plan: the user's edit is dropped. */
export function resetDraft(plan: Plan, draftId: string): Plan {
  if (!(draftId in plan.drafts)) return plan;
  const { [draftId]: _removed, ...rest } = plan.drafts;
  return { ...plan, drafts: rest };
}
