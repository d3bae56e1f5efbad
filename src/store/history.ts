import type { Plan } from '@/plan/schema';
import { deepEqual } from './merge';

/*
 * What undo history covers. The live show's record (`show`) is saved outside it: it follows the
 * clock, not a choice the organizer would take back. So no history step ever changes it, and a
 * change to it alone is not an edit that makes earlier steps wrong.
 */

/**
 * The plan an undo or redo step puts back: the snapshot's edits with the current show record
 * (the snapshot's own record is older, or null from before the show started).
 */
export function applySnapshot(current: Plan, snapshot: Plan, updatedAt: string): Plan {
  return { ...snapshot, show: current.show, updatedAt };
}

/**
 * Whether two versions of a plan differ in anything undo covers (not the show record, the time
 * of the last change, or the merge stamps that come with any change).
 */
export function differsInEdits(a: Plan, b: Plan): boolean {
  const strip = (p: Plan) => ({ ...p, show: null, updatedAt: '', sync: undefined });
  return !deepEqual(strip(a), strip(b));
}
