import { describe, expect, it } from 'vitest';
import { rowsToRender } from '@/features/run-of-show/rows-in-view';

describe('rowsToRender: the rows of a long agenda that are in the page', () => {
  it("is the virtualiser's range when no row must stay", () => {
    expect(rowsToRender([10, 11, 12, 13], [], 500)).toEqual([10, 11, 12, 13]);
  });

  it('adds a focused row far above with two neighbours each side, and nothing in between', () => {
    expect(rowsToRender([100, 101, 102], [4], 500)).toEqual([2, 3, 4, 5, 6, 100, 101, 102]);
  });

  it('merges kept rows that touch the range, and stops at the ends of the agenda', () => {
    expect(rowsToRender([0, 1, 2], [4, 0], 6)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rowsToRender([], [9], 10)).toEqual([7, 8, 9]);
  });

  it('ignores rows that are gone (-1 for a deleted item) or out of the agenda', () => {
    expect(rowsToRender([3, 4], [-1, 999, 2.5], 10)).toEqual([3, 4]);
    expect(rowsToRender([], [], 10)).toEqual([]);
  });
});
