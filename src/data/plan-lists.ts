import { mergePlans } from '@/plan/merge';
import type { Plan } from '@/plan/schema';
import type { Unreadable } from './stored-plans';

const NONE: ReadonlySet<string> = new Set();

/*
 * Two tabs of this browser: the list of plans another tab wrote, merged into this tab's list.
 * Which plans there are is decided three-way against `base` (what storage held when this tab
 * last read or wrote it): a plan one tab added is kept, a plan one tab deleted goes. A plan on
 * both sides is merged by `mergePlans` (plan/merge.ts), the same merge a colleague's copy goes
 * through: field by field, by version stamps.
 */
export function mergePlanLists(
  base: readonly Plan[],
  ours: readonly Plan[],
  theirs: readonly Plan[],
  unreadable: Unreadable = NONE,
): Plan[] {
  const inBase = new Set(base.map((p) => p.id));
  const mine = new Map(ours.map((p) => [p.id, p]));
  const other = new Map(theirs.map((p) => [p.id, p]));
  // A plan the other side holds but that could not be read there (damaged, or written by another
  // version of the app) is not a plan deleted there: this tab's copy stays, and is saved back.
  const unread = (id: string) => unreadable === 'any' || unreadable.has(id);
  const keep = (id: string) =>
    (mine.has(id) && other.has(id)) ||
    (mine.has(id) && !inBase.has(id)) ||
    (other.has(id) && !inBase.has(id)) ||
    (mine.has(id) && unread(id));
  // This tab's order; a plan the other tab added goes after its neighbour there.
  const order = ours.map((p) => p.id).filter(keep);
  const placed = new Set(order);
  theirs.forEach((p, i) => {
    if (!keep(p.id) || placed.has(p.id)) return;
    const before = theirs[i - 1]?.id;
    const at =
      before !== undefined && placed.has(before) ? order.indexOf(before) + 1 : order.length;
    order.splice(at, 0, p.id);
    placed.add(p.id);
  });
  return order.map((id) => {
    const a = mine.get(id);
    const b = other.get(id);
    if (!a || !b) return (a ?? b)!;
    if (a === b) return a;
    const merged = mergePlans(a, b);
    // A merge over the schema's limits (say, more than 2,000 items in all) keeps this tab's plan.
    return merged.ok ? merged.plan : a;
  });
}
