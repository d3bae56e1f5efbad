/*
 * Which agenda rows are in the page when the agenda is long. Pure, so it is tested on its own.
 */

/**
 * From this many items on, only the rows near the screen are in the page. Below it (every real
 * agenda) all rows are, so find-in-page and a screen reader's row count see the whole agenda.
 * 60 rows are several screens even on a laptop.
 */
export const VIRTUAL_FROM = 60;

/** Rows kept on each side of a row that must stay, so Tab and Shift+Tab find their neighbours. */
export const NEIGHBOURS = 2;

/**
 * The rows to render: the virtualiser's range, plus every row in `keep` (the row holding focus,
 * the row being dragged, a new row about to take focus) with its neighbours. Sorted, without
 * repeats; rows far apart are separated by spacers in the page. A kept row is never unmounted,
 * which would drop the focus, a drag, or typing not yet saved.
 */
export function rowsToRender(
  range: readonly number[],
  keep: readonly number[],
  count: number,
): number[] {
  const rows = new Set(range.filter((index) => index >= 0 && index < count));
  for (const index of keep) {
    if (!Number.isInteger(index) || index < 0 || index >= count) continue;
    const from = Math.max(0, index - NEIGHBOURS);
    const to = Math.min(count - 1, index + NEIGHBOURS);
    for (let row = from; row <= to; row += 1) rows.add(row);
  }
  return [...rows].sort((a, b) => a - b);
}
