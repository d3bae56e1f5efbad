import { defaultRangeExtractor, useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState, type FocusEvent } from 'react';
import type { RunItem } from '@/plan/schema';
import { RunOfShowRow, type RowCommand } from './run-of-show-row';
import { rowsToRender } from './rows-in-view';

interface VirtualRowsProps {
  planId: string;
  items: readonly RunItem[];
  /** The items' ids, the same array while the order is: a changed length re-measures nothing. */
  ids: readonly string[];
  ownersListId: string;
  /** A new item whose title is about to take focus: it is rendered even if off screen. */
  focusItem: string | null;
  onCommand: (itemId: string, command: RowCommand) => void;
}

// Heights before a row is measured: one line of fields on a wide screen, a card on a narrow one.
const ROW_ESTIMATE = 64;
const CARD_ESTIMATE = 180;
const NARROW = '(max-width: 48rem)';
// Rows rendered beyond each edge of the screen: Tab and the drag keys always find the next row
// in the page, and a fast scroll shows rows rather than blank space.
const OVERSCAN = 6;

/** A row's height with its margins: on a phone the cards are spaced by margins. */
function outerHeight(element: Element): number {
  const style = getComputedStyle(element);
  return (
    element.getBoundingClientRect().height +
    parseFloat(style.marginTop || '0') +
    parseFloat(style.marginBottom || '0')
  );
}

/**
 * A long agenda's rows (see VIRTUAL_FROM): only the rows near the screen are in the page, between
 * two spacers that stand for the rest, so typing, drawing and hit testing cost the same at a
 * thousand items as at twenty. The page itself scrolls, as with a short agenda.
 */
export function VirtualRows({
  planId,
  items,
  ids,
  ownersListId,
  focusItem,
  onCommand,
}: VirtualRowsProps) {
  const listRef = useRef<HTMLDivElement>(null);
  // Where the first row starts in the page: the virtualiser works in page coordinates.
  const [scrollMargin, setScrollMargin] = useState(0);
  // The row holding focus, and the new row that has already taken it.
  const [focused, setFocused] = useState<string | null>(null);
  const [reached, setReached] = useState<string | null>(null);

  const keep = [focused, focusItem !== reached ? focusItem : null]
    .filter((id): id is string => id !== null)
    .map((id) => ids.indexOf(id));

  const getItemKey = useCallback((index: number) => ids[index] ?? index, [ids]);
  const virtualizer = useWindowVirtualizer<HTMLElement>({
    count: items.length,
    estimateSize: () =>
      typeof window.matchMedia === 'function' && window.matchMedia(NARROW).matches
        ? CARD_ESTIMATE
        : ROW_ESTIMATE,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey,
    measureElement: outerHeight,
    rangeExtractor: (range) => rowsToRender(defaultRangeExtractor(range), keep, range.count),
  });

  // Whatever sits above the agenda (the page header, the start time, an undo bar) can move it, so
  // the offset is checked after every render; it is set only when it moved, which ends the loop.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose: after every render.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const top = list.getBoundingClientRect().top + window.scrollY;
    if (Math.abs(top - scrollMargin) > 0.5) setScrollMargin(top);
  });

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const row = (event.target as Element).closest<HTMLElement>('[data-item]');
    const id = row?.dataset.item ?? null;
    setFocused(id);
    if (id !== null && id === focusItem) setReached(id);
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget as Node | null;
    // Switching to another window blurs the field too, but focus comes back to it: keep it.
    if (!next && !document.hasFocus()) return;
    if (!next || !event.currentTarget.contains(next)) setFocused(null);
  };

  const rows = virtualizer.getVirtualItems();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const before = first ? first.start - scrollMargin : 0;
  const after = last ? Math.max(0, virtualizer.getTotalSize() - (last.end - scrollMargin)) : 0;

  return (
    <div
      ref={listRef}
      role="none"
      className="ros-rows"
      style={{ paddingTop: before, paddingBottom: after }}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      {rows.map((row) => {
        const item = items[row.index]!;
        return (
          <RunOfShowRow
            key={item.id}
            planId={planId}
            item={item}
            position={row.index + 1}
            count={items.length}
            ownersListId={ownersListId}
            focusTitle={focusItem === item.id}
            onCommand={onCommand}
            measureRef={virtualizer.measureElement}
          />
        );
      })}
    </div>
  );
}
