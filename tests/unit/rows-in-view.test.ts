import { describe, expect, it } from 'vitest';
import { rowsToRender, VIRTUAL_FROM } from '@/features/run-of-show/rows-in-view';

describe('rowsToRender: the rows of a long agenda that are in the page', () => {
  it("is the virtualiser's range when no row must stay", () => {
    expect(rowsToRender([10, 11, 12, 13], [], 500)).toEqual([10, 11, 12, 13]);
  });

  it('stretches to a focused row far above, so the rows stay one unbroken run', () => {
    expect(rowsToRender([10, 11, 12], [4], 500)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('stretches to a focused row below, and to a new row about to take focus', () => {
    expect(rowsToRender([0, 1, 2], [5, 1], 500)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('ignores rows that are gone (-1 from a deleted item) or out of the agenda', () => {
    expect(rowsToRender([3, 4], [-1, 999, 2.5], 10)).toEqual([3, 4]);
  });

  it('keeps a focused row even when the range is empty (before the first measure)', () => {
    expect(rowsToRender([], [7], 10)).toEqual([7]);
    expect(rowsToRender([], [], 10)).toEqual([]);
  });

  it('applies only to agendas far longer than a real event', () => {
    expect(VIRTUAL_FROM).toBeGreaterThanOrEqual(50);
  });
});
