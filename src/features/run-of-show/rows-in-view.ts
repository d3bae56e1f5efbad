/*
 * Which agenda rows are in the page when the agenda is long. Pure, so it is tested on its own.
 */

/**
 * From this many items on, only the rows near the screen are in the page. Below it (every real
 * agenda) all rows are, so find-in-page and a screen reader's row count see the whole agenda.
 * 60 rows are several screens even on a laptop.
 */
export const VIRTUAL_FROM = 60;

/**
 * The rows to render: the virtualiser's range (sorted, contiguous), stretched to reach every row
 * in `keep` (the row holding focus, a new row about to take it). The result stays contiguous, so
 * rows keep their normal flow between two spacers; a focused row is never unmounted, which
 * would drop the focus and any typing not yet saved.
 */
export function rowsToRender(
  range: readonly number[],
  keep: readonly number[],
  count: number,
): number[] {
  const wanted = keep.filter((index) => Number.isInteger(index) && index >= 0 && index < count);
  if (range.length === 0 && wanted.length === 0) return [];
  const first = Math.min(...range, ...wanted);
  const last = Math.max(...range, ...wanted);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
