import type { Plan } from '@/plan/schema';
import { deepEqual } from './merge';

/*
 * What undo history covers. The live show's runs (`shows`) are saved outside it: they follow the
 * clock, not a choice the organizer would take back. So no history step ever changes it, and a
 * change to it alone is not an edit that makes earlier steps wrong.
 */

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
