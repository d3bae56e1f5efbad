/*
 * Three-way merge of JSON values, for the same plans edited in two tabs. `base` is what both
 * tabs last agreed on (what storage held), `ours` this tab's state, `theirs` what another tab
 * wrote. A change made on one side only is kept; where both sides changed the same value,
 * this tab's latest edit wins. Arrays of objects with an `id` (plans, sections, steps, items)
 * merge by id, so an edit to step 3 here and to step 7 there both survive.
 */

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isIdArray = (value: unknown): value is { id: string }[] =>
  Array.isArray(value) && value.every((v) => isObject(v) && typeof v.id === 'string');

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) if (!Object.hasOwn(b, key) || !deepEqual(a[key], b[key])) return false;
    return true;
  }
  return false;
}

/** Whether the ids both lists share appear in the same order in each. */
function sameOrder(a: { id: string }[], b: { id: string }[]): boolean {
  const inB = new Set(b.map((x) => x.id));
  const inA = new Set(a.map((x) => x.id));
  const left = a.map((x) => x.id).filter((id) => inB.has(id));
  const right = b.map((x) => x.id).filter((id) => inA.has(id));
  return left.every((id, i) => id === right[i]);
}

function mergeIdArrays(
  base: { id: string }[],
  ours: { id: string }[],
  theirs: { id: string }[],
): unknown[] {
  const index = (list: { id: string }[]) => new Map(list.map((x) => [x.id, x]));
  const b = index(base);
  const o = index(ours);
  const t = index(theirs);
  // Kept: on both sides, or added by one side. Gone: removed by either side.
  const keep = (id: string) =>
    (o.has(id) && t.has(id)) || (o.has(id) && !b.has(id)) || (t.has(id) && !b.has(id));
  // The order of the side that re-ordered wins; the other side's additions go after their neighbour.
  const primary = sameOrder(base, ours) ? theirs : ours;
  const secondary = primary === ours ? theirs : ours;
  const order = primary.map((x) => x.id).filter(keep);
  const placed = new Set(order);
  secondary.forEach((x, i) => {
    if (!keep(x.id) || placed.has(x.id)) return;
    const before = secondary[i - 1]?.id;
    const at = before !== undefined && placed.has(before) ? order.indexOf(before) + 1 : 0;
    order.splice(at, 0, x.id);
    placed.add(x.id);
  });
  return order.map((id) =>
    o.has(id) && t.has(id) ? merge3(b.get(id), o.get(id), t.get(id)) : (o.get(id) ?? t.get(id)),
  );
}

export function merge3(base: unknown, ours: unknown, theirs: unknown): unknown {
  if (ours === theirs || deepEqual(ours, theirs)) return ours;
  if (deepEqual(base, ours)) return theirs;
  if (deepEqual(base, theirs)) return ours;
  if (isIdArray(ours) && isIdArray(theirs))
    return mergeIdArrays(isIdArray(base) ? base : [], ours, theirs);
  if (isObject(ours) && isObject(theirs)) {
    const b = isObject(base) ? base : {};
    const out: JsonObject = {};
    for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
      const inOurs = Object.hasOwn(ours, key);
      const inTheirs = Object.hasOwn(theirs, key);
      const inBase = Object.hasOwn(b, key);
      let value: unknown;
      if (inOurs && inTheirs) value = merge3(b[key], ours[key], theirs[key]);
      else if (inOurs) value = inBase && deepEqual(b[key], ours[key]) ? undefined : ours[key];
      else if (inTheirs) value = inBase && deepEqual(b[key], theirs[key]) ? undefined : theirs[key];
      if (value !== undefined)
        Object.defineProperty(out, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return out;
  }
  return ours;
}
