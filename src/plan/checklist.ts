import { differenceInCalendarDays, startOfWeek } from 'date-fns';
import { daysFromToday, dueDate, parseDay } from './dates';
import { LIMITS, type Plan, type Section, type Step } from './schema';

/*
 * Checklist operations as pure functions: each takes a plan and returns a new one (or the same
 * object when nothing changes), touching only the section and step concerned, so unchanged rows
 * keep their identity and don't re-render.
 */

export interface StepLocation {
  sectionIndex: number;
  stepIndex: number;
  section: Section;
  step: Step;
}

export function findStep(plan: Plan, stepId: string): StepLocation | undefined {
  const sections = plan.checklist.sections;
  for (let sectionIndex = 0; sectionIndex < sections.length; sectionIndex += 1) {
    const section = sections[sectionIndex]!;
    const stepIndex = section.steps.findIndex((s) => s.id === stepId);
    if (stepIndex >= 0)
      return { sectionIndex, stepIndex, section, step: section.steps[stepIndex]! };
  }
  return undefined;
}

/**
 * The step shown nearest to a place in a section that a step has left: the one now at `index`
 * or the first shown after it, else the last shown before it; when the section shows none, the
 * first shown in the sections after it, else the last shown in those before it; null when no
 * step is shown at all (or the section is gone). Where focus goes when the step that had it is
 * no longer there.
 */
export function stepNear(
  plan: Plan,
  sectionId: string,
  index: number,
  shown: (step: Step) => boolean,
): string | null {
  const sections = plan.checklist.sections;
  const at = sections.findIndex((s) => s.id === sectionId);
  if (at < 0) return null;
  const steps = sections[at]!.steps;
  const from = Math.min(Math.max(0, index), steps.length);
  for (let i = from; i < steps.length; i += 1) if (shown(steps[i]!)) return steps[i]!.id;
  for (let i = from - 1; i >= 0; i -= 1) if (shown(steps[i]!)) return steps[i]!.id;
  for (const section of sections.slice(at + 1)) {
    const step = section.steps.find(shown);
    if (step) return step.id;
  }
  for (const section of sections.slice(0, at).reverse()) {
    const step = section.steps.findLast(shown);
    if (step) return step.id;
  }
  return null;
}

function withSections(plan: Plan, sections: Section[]): Plan {
  return { ...plan, checklist: { ...plan.checklist, sections } };
}

/** Replaces one step through `recipe`; returns the same plan when the recipe changes nothing. */
export function updateStep(plan: Plan, stepId: string, recipe: (step: Step) => Step): Plan {
  const at = findStep(plan, stepId);
  if (!at) return plan;
  const next = recipe(at.step);
  if (next === at.step) return plan;
  const steps = at.section.steps.slice();
  steps[at.stepIndex] = next;
  const sections = plan.checklist.sections.slice();
  sections[at.sectionIndex] = { ...at.section, steps };
  return withSections(plan, sections);
}

export function setStepDone(plan: Plan, stepId: string, done: boolean, now: Date): Plan {
  return updateStep(plan, stepId, (step) =>
    step.done === done ? step : { ...step, done, doneAt: done ? now.toISOString() : null },
  );
}

/** Picking an optional idea makes it count; un-picking also clears its tick. */
export function setIdeaPicked(plan: Plan, stepId: string, picked: boolean): Plan {
  return updateStep(plan, stepId, (step) =>
    step.picked === picked
      ? step
      : { ...step, picked, ...(picked ? {} : { done: false, doneAt: null }) },
  );
}

/**
 * The user's own text replaces the template key for good (see plan/text.ts); the key the step
 * came from is kept as `originKey`, so a reworded step still offers its draft.
 */
export function setStepText(plan: Plan, stepId: string, text: string): Plan {
  return updateStep(plan, stepId, (step) =>
    step.textKey === null && step.text === text
      ? step
      : { ...step, textKey: null, originKey: step.originKey ?? step.textKey, text },
  );
}

export function setStepFields(
  plan: Plan,
  stepId: string,
  fields: Partial<Pick<Step, 'owner' | 'note' | 'dueOffsetDays' | 'link'>>,
): Plan {
  return updateStep(plan, stepId, (step) => {
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).some(
      (k) => step[k] !== fields[k],
    );
    return changed ? { ...step, ...fields } : step;
  });
}

/** How many steps the checklist has, in all its sections. */
export function countSteps(plan: Plan): number {
  return plan.checklist.sections.reduce((n, section) => n + section.steps.length, 0);
}

/** Whether the checklist holds as many steps as a plan may have (`LIMITS.maxSteps`). */
export function checklistFull(plan: Plan): boolean {
  return countSteps(plan) >= LIMITS.maxSteps;
}

/** The step added to a section (at `index`, or last); the plan unchanged when it is full. */
export function addStep(plan: Plan, sectionId: string, step: Step, index?: number): Plan {
  if (checklistFull(plan)) return plan;
  const sectionIndex = plan.checklist.sections.findIndex((s) => s.id === sectionId);
  const section = plan.checklist.sections[sectionIndex];
  if (!section) return plan;
  const steps = section.steps.slice();
  steps.splice(index ?? steps.length, 0, step);
  const sections = plan.checklist.sections.slice();
  sections[sectionIndex] = { ...section, steps };
  return withSections(plan, sections);
}

/** Undo of a deletion: the step back at its place, unless it is there already. */
export function restoreStep(plan: Plan, sectionId: string, step: Step, index: number): Plan {
  return findStep(plan, step.id) ? plan : addStep(plan, sectionId, step, index);
}

export function removeStep(plan: Plan, stepId: string): Plan {
  const at = findStep(plan, stepId);
  if (!at) return plan;
  const sections = plan.checklist.sections.slice();
  sections[at.sectionIndex] = {
    ...at.section,
    steps: at.section.steps.filter((s) => s.id !== stepId),
  };
  return withSections(plan, sections);
}

/** Moves a step to `toIndex` in the section `toSectionId` (the index counts without the step). */
export function moveStep(plan: Plan, stepId: string, toSectionId: string, toIndex: number): Plan {
  const at = findStep(plan, stepId);
  if (!at) return plan;
  const without = removeStep(plan, stepId);
  const target = without.checklist.sections.find((s) => s.id === toSectionId);
  if (!target) return plan;
  const index = Math.max(0, Math.min(toIndex, target.steps.length));
  if (at.section.id === toSectionId && index === at.stepIndex) return plan;
  return addStep(without, toSectionId, at.step, index);
}

/**
 * One place up or down among the steps in view (`shown`; all by default), as a drag by the
 * keyboard goes: at the top or bottom of a section the step crosses into the neighbouring
 * section (to its end or start), so the keyboard can reach every position. In a filtered view it
 * passes the next step shown, not a hidden one (which would change nothing on screen). The same
 * plan when there is no place to go.
 */
export function nudgeStep(
  plan: Plan,
  stepId: string,
  direction: -1 | 1,
  shown: (step: Step) => boolean = () => true,
): Plan {
  const at = findStep(plan, stepId);
  if (!at) return plan;
  const list = dragList(plan, (step) => step.id === stepId || shown(step));
  const dragId = stepDragId(stepId);
  const to = list.indexOf(dragId) + direction;
  // The list opens with the first heading: above it, or past the end, there is no place to go.
  const over = to > 0 ? list[to] : undefined;
  const place = over === undefined ? undefined : dropPlace(plan, list, dragId, over);
  if (!place || (place.sectionId === at.section.id && place.index === at.stepIndex)) return plan;
  return moveStep(plan, stepId, place.sectionId, place.index);
}

// ---- Drag and drop ------------------------------------------------------------------------

/**
 * A drag works on one sortable list for the whole checklist: each section's heading followed by
 * its steps in view. Moving a step past a heading moves it into that section, so the arrow keys
 * reach every place, across sections, one at a time, and nothing moves in the page until the
 * step is dropped (one edit, one undo step).
 *
 * The list holds drag ids, not the plan's ids: a heading's is "section:" and its section's id, a
 * step's "step:" and its id. A hand-made file may give a step a section's id, and one id for two
 * entries of the list would make the drag take the step for the heading.
 */
const HEADING = 'section:';
const STEP = 'step:';
export const headingDragId = (sectionId: string) => `${HEADING}${sectionId}`;
export const stepDragId = (stepId: string) => `${STEP}${stepId}`;
/** The step a drag id names, or null for a heading (or anything else). */
export const stepOfDragId = (dragId: string | number): string | null =>
  typeof dragId === 'string' && dragId.startsWith(STEP) ? dragId.slice(STEP.length) : null;
const sectionOfDragId = (dragId: string | undefined): string | null =>
  dragId?.startsWith(HEADING) ? dragId.slice(HEADING.length) : null;

export function dragList(plan: Plan, shown: (step: Step) => boolean = () => true): string[] {
  return plan.checklist.sections.flatMap((section) => [
    headingDragId(section.id),
    ...section.steps.filter(shown).map((step) => stepDragId(step.id)),
  ]);
}

/**
 * Where the step `dragId` lands when dropped over `overId` (drag ids of `list`), as the sortable
 * list shows it: it takes the place of what it is over (over a heading from below, it goes to
 * the end of the section before; from above, to the start of that section), before the next step
 * in view or after the one before it. The index counts without the step, as `moveStep` takes it.
 * Undefined when an id is unknown.
 */
export function dropPlace(
  plan: Plan,
  list: readonly string[],
  dragId: string,
  overId: string,
): { sectionId: string; index: number } | undefined {
  const stepId = stepOfDragId(dragId);
  const from = list.indexOf(dragId);
  const to = list.indexOf(overId);
  if (stepId === null || from < 0 || to < 0 || !findStep(plan, stepId)) return undefined;
  const moved = list.slice();
  moved.splice(from, 1);
  moved.splice(to, 0, dragId);
  const sections = plan.checklist.sections;
  const sectionAt = (i: number) => {
    const id = sectionOfDragId(moved[i]);
    return id === null ? undefined : sections.find((s) => s.id === id);
  };
  let head = to - 1;
  while (head >= 0 && !sectionAt(head)) head -= 1;
  // Above the first heading: the first place of the first section.
  const section = head >= 0 ? sectionAt(head)! : sections[0]!;
  const steps = section.steps.filter((s) => s.id !== stepId);
  const indexOf = (dragId: string | undefined) => {
    const id = dragId === undefined ? null : stepOfDragId(dragId);
    return id === null ? -1 : steps.findIndex((s) => s.id === id);
  };
  const next = indexOf(moved[to + 1]);
  if (next >= 0) return { sectionId: section.id, index: next };
  const previous = indexOf(moved[to - 1]);
  return { sectionId: section.id, index: previous >= 0 ? previous + 1 : 0 };
}

// ---- Due dates, lateness and filters ------------------------------------------------------

export function stepDueDate(step: Step, eventDate: string): Date | null {
  return step.dueOffsetDays === null ? null : dueDate(eventDate, step.dueOffsetDays);
}

/** Late: not done and its due day is before today (a step due today is not late yet). */
export function isLate(step: Step, eventDate: string, now: Date): boolean {
  if (step.done || (step.optional && !step.picked)) return false;
  const due = stepDueDate(step, eventDate);
  return due !== null && daysFromToday(due, now) < 0;
}

/** Due in the current week (Monday to Sunday), not done. */
export function isDueThisWeek(step: Step, eventDate: string, now: Date): boolean {
  if (step.done || (step.optional && !step.picked)) return false;
  const due = stepDueDate(step, eventDate);
  if (!due) return false;
  const monday = startOfWeek(now, { weekStartsOn: 1 });
  const days = differenceInCalendarDays(due, monday);
  return days >= 0 && days < 7 && daysFromToday(due, now) >= 0;
}

/** The offset that puts a step's due date on `day` ("YYYY-MM-DD"), or null if it can't be read. */
export function offsetForDay(eventDate: string, day: string): number | null {
  const event = parseDay(eventDate);
  const target = parseDay(day);
  if (!event || !target) return null;
  return differenceInCalendarDays(target, event);
}

/**
 * A due day as picked in the step editor: empty (no due date) or a day within the limit of the
 * event, as the offset to save; null when it can't be used.
 */
export function dueOffsetFor(
  eventDate: string,
  day: string,
): { ok: true; value: number | null } | { ok: false } {
  if (!day) return { ok: true, value: null };
  const offset = offsetForDay(eventDate, day);
  return offset === null || Math.abs(offset) > LIMITS.maxOffsetDays
    ? { ok: false }
    : { ok: true, value: offset };
}

/**
 * The step editor's save: the text (only when the user changed what they saw, so an untouched
 * guide step keeps its key), due offset, owner and note, as one edit.
 */
export function editStep(
  plan: Plan,
  stepId: string,
  edit: { text: string | null; dueOffsetDays: number | null; owner: string; note: string },
): Plan {
  const next = edit.text === null ? plan : setStepText(plan, stepId, edit.text);
  return setStepFields(next, stepId, {
    dueOffsetDays: edit.dueOffsetDays,
    owner: edit.owner.trim(),
    note: edit.note.trim(),
  });
}

export type ChecklistFilter =
  | { kind: 'all' }
  | { kind: 'todo' }
  | { kind: 'late' }
  | { kind: 'week' }
  | { kind: 'owner'; owner: string };

export function matchesFilter(
  step: Step,
  filter: ChecklistFilter,
  eventDate: string,
  now: Date,
): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'todo':
      return !step.done && (!step.optional || step.picked);
    case 'late':
      return isLate(step, eventDate, now);
    case 'week':
      return isDueThisWeek(step, eventDate, now);
    case 'owner':
      return step.owner.trim().toLocaleLowerCase() === filter.owner.trim().toLocaleLowerCase();
  }
}

/** Names already used in the plan (step owners and run-of-show "who"), for suggestions. */
export function ownersInPlan(plan: Plan): string[] {
  const names = new Map<string, string>();
  const add = (name: string) => {
    const trimmed = name.trim();
    if (trimmed && !names.has(trimmed.toLocaleLowerCase()))
      names.set(trimmed.toLocaleLowerCase(), trimmed);
  };
  for (const section of plan.checklist.sections) for (const step of section.steps) add(step.owner);
  for (const item of plan.runOfShow.items) add(item.who);
  if (plan.event.contactName) add(plan.event.contactName);
  return [...names.values()].sort((a, b) => a.localeCompare(b));
}

export function summarize(plan: Plan, now: Date): { late: number; thisWeek: number } {
  let late = 0;
  let thisWeek = 0;
  for (const section of plan.checklist.sections) {
    for (const step of section.steps) {
      if (isLate(step, plan.event.date, now)) late += 1;
      else if (isDueThisWeek(step, plan.event.date, now)) thisWeek += 1;
    }
  }
  return { late, thisWeek };
}
