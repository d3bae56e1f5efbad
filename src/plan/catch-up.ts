import { differenceInCalendarDays } from 'date-fns';
import { isLate, stepDueDate } from './checklist';
import { daysFromToday, parseDay } from './dates';
import type { Plan, Step } from './schema';
import type { GuideTextKey } from './text';

/*
 * A plan created close to its date starts with steps already late (the guide counts back four
 * weeks). Once, the plan offers to spread those steps over the days left, the ones that matter
 * most first; accepting is one edit (undoable like any other), and either answer is remembered
 * in the plan (`catchUpOffered`), so the offer is not made again.
 */

/**
 * Guide steps that wait on other people (a place to book, a guest or the press to say yes,
 * schools to join), most urgent first: late, they cost the most. Steps not listed follow, in the
 * order they were due.
 */
export const MATTERS_MOST: readonly string[] = [
  'step.prepareVenue',
  'step.prepareInviteSpeaker',
  'step.mediaInvite',
  'step.officialHost',
  'step.officialRecruit',
  'step.prepareParents',
  'step.mediaFindReporters',
  'step.officialPressRelease',
  'step.officialOpEd',
  'step.officialProclamation',
] satisfies readonly GuideTextKey[];

/** How many steps the offer names as the ones to do first. */
export const FIRST_STEPS = 3;

export interface CatchUpOffer {
  /** The late steps, most important first. */
  stepIds: string[];
  /** The first few of them, named to the organizer as the ones that matter most now. */
  mostImportant: string[];
  /** Days from today to the event (the steps are spread over today and the days before it). */
  daysLeft: number;
}

function rank(step: Step): number {
  const key = step.textKey ?? step.originKey;
  const index = key ? MATTERS_MOST.indexOf(key) : -1;
  return index < 0 ? MATTERS_MOST.length : index;
}

function lateSteps(plan: Plan, today: Date): Step[] {
  return plan.checklist.sections
    .flatMap((section) => section.steps)
    .filter((step) => isLate(step, plan.event.date, today))
    .sort((a, b) => rank(a) - rank(b) || (a.dueOffsetDays ?? 0) - (b.dueOffsetDays ?? 0));
}

/**
 * The offer, or null: when it was made before, when the event is today or past (no days to
 * spread over), when nothing is late, or when the plan did not start late (steps that fell
 * behind later are the organizer's to judge, not a new plan's arithmetic).
 */
export function catchUpOffer(plan: Plan, today: Date): CatchUpOffer | null {
  if (plan.catchUpOffered) return null;
  const event = parseDay(plan.event.date);
  if (!event) return null;
  const daysLeft = daysFromToday(event, today);
  if (daysLeft < 1) return null;
  const late = lateSteps(plan, today);
  const created = new Date(plan.createdAt);
  const startedLate = late.some((step) => {
    const due = stepDueDate(step, plan.event.date);
    return due !== null && differenceInCalendarDays(due, created) < 0;
  });
  if (late.length === 0 || !startedLate) return null;
  const stepIds = late.map((step) => step.id);
  return { stepIds, mostImportant: stepIds.slice(0, FIRST_STEPS), daysLeft };
}

/**
 * The late steps spread evenly over today and the days up to the event's eve, most important
 * first (today), and the offer marked as answered. The same plan when there is nothing to offer.
 */
export function spreadLateSteps(plan: Plan, today: Date): Plan {
  const offer = catchUpOffer(plan, today);
  if (!offer) return plan;
  const { stepIds, daysLeft } = offer;
  const offsets = new Map(
    stepIds.map((id, i) => [id, -daysLeft + Math.floor((i * daysLeft) / stepIds.length)]),
  );
  return {
    ...plan,
    catchUpOffered: true,
    checklist: {
      ...plan.checklist,
      sections: plan.checklist.sections.map((section) =>
        section.steps.some((step) => offsets.has(step.id))
          ? {
              ...section,
              steps: section.steps.map((step) =>
                offsets.has(step.id) ? { ...step, dueOffsetDays: offsets.get(step.id)! } : step,
              ),
            }
          : section,
      ),
    },
  };
}

/** The offer declined: the dates stay, and it is not made again. */
export function declineCatchUp(plan: Plan): Plan {
  return plan.catchUpOffered ? plan : { ...plan, catchUpOffered: true };
}
