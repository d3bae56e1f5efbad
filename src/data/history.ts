import { deepEqual } from '@/plan/equal';
import type { Plan } from '@/plan/schema';

/*
 * Undo history, as pure functions of a plan's history and its versions; the store keeps the
 * histories in memory (never in storage) and calls these.
 *
 * What undo history covers: the live show's runs (`shows`) are saved outside it. They follow the
 * clock, not a choice the organizer would take back. So no history step ever changes them, and a
 * change to them alone is not an edit that makes earlier steps wrong.
 */

/** Undo history of one plan. Kept in memory only: it is not written to storage. */
export interface PlanHistory {
  past: Plan[];
  future: Plan[];
  /** The `coalesce` key of the last edit: further edits with the same key join its undo step. */
  lastKey: string | null;
}

/** Up to this many undo steps per plan; older ones are forgotten. */
export const HISTORY_LIMIT = 100;

export const EMPTY_HISTORY: PlanHistory = { past: [], future: [], lastKey: null };

/**
 * The history after an edit that replaced `before`. Edits with the same non-null `key` in a row
 * make one step (typing a title); a new edit clears the redo steps.
 */
export function recordEdit(
  history: PlanHistory | undefined,
  before: Plan,
  key: string | null = null,
): PlanHistory {
  const current = history ?? EMPTY_HISTORY;
  const joins = key !== null && current.lastKey === key && current.past.length > 0;
  const past = joins ? current.past : [...current.past, before].slice(-HISTORY_LIMIT);
  return { past, future: [], lastKey: key };
}

/**
 * One undo (`back`) or redo (`forward`) step: the plan to put back (the snapshot's edits with
 * the current show record, see `applySnapshot`) and the history after it; null when there is
 * nothing to take back or redo.
 */
export function travel(
  history: PlanHistory | undefined,
  current: Plan,
  direction: 'back' | 'forward',
  updatedAt: string,
): { plan: Plan; history: PlanHistory } | null {
  const source = direction === 'back' ? history?.past : history?.future;
  if (!history || !source?.length) return null;
  const target = source[source.length - 1]!;
  const rest = source.slice(0, -1);
  return {
    plan: applySnapshot(current, target, updatedAt),
    history:
      direction === 'back'
        ? { past: rest, future: [...history.future, current], lastKey: null }
        : { past: [...history.past, current], future: rest, lastKey: null },
  };
}

/**
 * The plan an undo or redo step puts back: the snapshot's edits with the current show record
 * (the snapshot's own runs are older, or none from before the show started).
 */
export function applySnapshot(current: Plan, snapshot: Plan, updatedAt: string): Plan {
  return { ...snapshot, shows: current.shows, updatedAt };
}

/**
 * Whether two versions of a plan differ in anything undo covers (not the show record, the time
 * of the last change, or the merge stamps that come with any change).
 */
export function differsInEdits(a: Plan, b: Plan): boolean {
  const strip = (p: Plan) => ({ ...p, shows: [], updatedAt: '', sync: undefined });
  return !deepEqual(strip(a), strip(b));
}

/**
 * The histories once another tab's changes came in: a plan the other tab edited loses its undo
 * history (undoing would revert their edit too). A new show record alone (the live view in
 * another tab) keeps it: undo never changes the record. The one place this rule is written.
 */
export function forgetOverwritten(
  histories: Readonly<Record<string, PlanHistory>>,
  before: readonly Plan[],
  after: readonly Plan[],
): Record<string, PlanHistory> {
  const mine = new Map(before.map((plan) => [plan.id, plan]));
  const kept = { ...histories };
  for (const plan of after) {
    const previous = mine.get(plan.id);
    if (previous && previous !== plan && differsInEdits(previous, plan)) delete kept[plan.id];
  }
  return kept;
}
