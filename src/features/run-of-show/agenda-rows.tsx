import { useDndMonitor } from '@dnd-kit/core';
import { defaultRangeExtractor, useWindowVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type ReactNode,
} from 'react';
import type { ScheduledItem } from '@/plan/schedule';
import type { RunItem } from '@/plan/schema';
import { RunOfShowRow, slotProps, type RowCommand } from './run-of-show-row';
import { rowsToRender } from './rows-in-view';
import { BELOW_TABLET } from '@/styles/breakpoints';

/** An item whose title takes focus as its row appears, its text selected or left as it is. */
export interface TitleFocus {
  id: string;
  select: boolean;
}

interface AgendaRowsProps {
  planId: string;
  items: readonly RunItem[];
  /** The items' ids, the same array while the order is: a changed length re-measures nothing. */
  ids: readonly string[];
  /** Each item's place in the schedule (computed in the background: may lag behind `items`). */
  slots: readonly ScheduledItem[];
  ownersListId: string;
  /** The item whose title is to take focus as its row appears; kept in the page until it has. */
  focusItem: TitleFocus | null;
  /** The new item's title has taken focus. */
  onFocusItemReached: () => void;
  onCommand: (itemId: string, command: RowCommand) => void;
  /** A long agenda (see VIRTUAL_FROM): only the rows near the screen are in the page. */
  virtual: boolean;
}

// Heights before a row is measured: one line of fields on a wide screen, a card on a narrow one.
const ROW_ESTIMATE = 64;
const CARD_ESTIMATE = 180;
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

const Spacer = ({ height }: { height: number }) => (
  <div className="ros-spacer" aria-hidden="true" style={{ height }} />
);

/**
 * The agenda's rows. In a long agenda only the rows near the screen are in the page, with
 * spacers standing for the rest, so typing, drawing and hit testing cost the same at a thousand
 * items as at twenty; the page itself scrolls, as with a short agenda. The row holding focus,
 * the row being dragged and a new row about to take focus always stay (with two neighbours each
 * side), wherever the page is scrolled. Both kinds of agenda render the rows in the same list,
 * so an agenda growing past the limit keeps its rows, their focus and their open details.
 */
export function AgendaRows({
  planId,
  items,
  ids,
  slots,
  ownersListId,
  focusItem,
  onFocusItemReached,
  onCommand,
  virtual,
}: AgendaRowsProps) {
  const listRef = useRef<HTMLDivElement>(null);
  // Where the first row starts in the page: the virtualiser works in page coordinates.
  const [scrollMargin, setScrollMargin] = useState(0);
  const [focused, setFocused] = useState<string | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  useDndMonitor({
    onDragStart: ({ active }) => setDragged(String(active.id)),
    onDragEnd: () => setDragged(null),
    onDragCancel: () => setDragged(null),
  });

  const keep = [focused, dragged, focusItem?.id ?? null]
    .filter((id): id is string => id !== null)
    .map((id) => ids.indexOf(id));

  const getItemKey = useCallback((index: number) => ids[index] ?? index, [ids]);
  const virtualizer = useWindowVirtualizer<HTMLElement>({
    enabled: virtual,
    count: items.length,
    estimateSize: () =>
      typeof window.matchMedia === 'function' && window.matchMedia(BELOW_TABLET).matches
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
    if (!virtual || !list) return;
    const top = list.getBoundingClientRect().top + window.scrollY;
    if (Math.abs(top - scrollMargin) > 0.5) setScrollMargin(top);
  });

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const row = (event.target as Element).closest<HTMLElement>('[data-item]');
    const id = row?.dataset.item ?? null;
    setFocused(id);
    if (id !== null && id === focusItem?.id) onFocusItemReached();
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget as Node | null;
    // Switching to another window blurs the field too, but focus comes back to it: keep it.
    if (!next && !document.hasFocus()) return;
    if (!next || !event.currentTarget.contains(next)) setFocused(null);
  };

  const row = (index: number, measured: boolean) => {
    const item = items[index]!;
    return (
      <RunOfShowRow
        key={item.id}
        planId={planId}
        item={item}
        position={index + 1}
        count={items.length}
        ownersListId={ownersListId}
        focusTitle={focusItem?.id === item.id ? (focusItem.select ? 'select' : 'focus') : null}
        onCommand={onCommand}
        measureRef={measured ? virtualizer.measureElement : undefined}
        {...slotProps(slots[index])}
      />
    );
  };

  let rows: ReactNode[];
  if (!virtual) {
    rows = items.map((_, index) => row(index, false));
  } else {
    // Rows in page order, with a spacer wherever rows are left out (before, between, after).
    rows = [];
    let end = scrollMargin;
    for (const slot of virtualizer.getVirtualItems()) {
      if (slot.start - end > 0.5)
        rows.push(<Spacer key={`gap-${slot.index}`} height={slot.start - end} />);
      rows.push(row(slot.index, true));
      end = slot.end;
    }
    const total = scrollMargin + virtualizer.getTotalSize();
    if (total - end > 0.5) rows.push(<Spacer key="gap-end" height={total - end} />);
  }

  return (
    <div ref={listRef} role="none" className="ros-rows" onFocus={onFocus} onBlur={onBlur}>
      {rows}
    </div>
  );
}
