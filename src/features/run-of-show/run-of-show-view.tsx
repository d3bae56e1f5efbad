import {
  DndContext,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineField } from '@/features/run-of-show/inline-field';
import { UndoBar } from '@/ui/undo-bar';
import { useGuideText } from '@/ui/hooks/use-guide-text';
import { useOwnerNames } from '@/ui/hooks/use-owner-names';
import { formatClock } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { browserDeps, newItem } from '@/plan/create-plan';
import { validateTime } from '@/plan/event-fields';
import { setEventField } from '@/plan/plan-edits';
import { duplicateItem, insertItem, moveItem, removeItem, restoreItem } from '@/plan/run-of-show';
import { computeSchedule, overTarget } from '@/plan/schedule';
import type { Plan, RunItem } from '@/plan/schema';
import { editPlan, plansStore } from '@/store/plans-store';
import type { RowCommand } from './run-of-show-row';
import { Timeline } from './timeline';
import { VIRTUAL_FROM } from './rows-in-view';
import { AgendaRows, type TitleFocus } from './agenda-rows';
import { Button } from '@/ui/button';
import { useFocusRecovery } from '@/ui/hooks/use-focus-recovery';
import { usePickUpHeard } from '@/ui/hooks/use-pick-up-heard';
import { keepFocusInView } from '@/ui/keep-focus-in-view';
import { listOrderKeyboardCoordinates } from '@/ui/list-order-keyboard';
import { useSameList } from '@/ui/hooks/use-same-list';
import './run-of-show.css';

// Module constants: dnd-kit rebuilds every handle's listeners when sensor options change
// identity, which would re-render every row on every edit.
const POINTER_OPTIONS = { activationConstraint: { distance: 4 } };
const KEYBOARD_OPTIONS = { coordinateGetter: listOrderKeyboardCoordinates };
// In a long agenda rows enter the page while an item is dragged: measure them as they come.
const MEASURE_ALWAYS = { droppable: { strategy: MeasuringStrategy.Always } };
const NO_ITEMS: readonly RunItem[] = [];

/** An item's title field, where its row is in the page. */
function titleIn(within: ParentNode | null | undefined, itemId: string) {
  return within?.querySelector<HTMLElement>(`[data-item="${CSS.escape(itemId)}"] textarea`);
}

export function RunOfShowView({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const text = useGuideText();
  const items = plan.runOfShow.items;
  // Linear in the items, and cheap (a thousand items in well under a millisecond). Each row
  // gets its own times as numbers, so a row re-renders only when its times change.
  const schedule = useMemo(
    () => computeSchedule(plan.event.startTime, items),
    [plan.event.startTime, items],
  );
  // Every row's time and the timeline follow a change in a background render that React can
  // interrupt: the edited field answers at once, even in an agenda of a thousand items.
  const deferredSchedule = useDeferredValue(schedule);
  // The timeline, below the agenda, comes in a render of its own just after the page's first
  // (none at first): the page opens with a shorter first render and layout.
  const deferredItems = useDeferredValue(items, NO_ITEMS);
  const over = overTarget(schedule, plan.event.targetMinutes);
  // The "who" suggestions are wanted once the user is in the agenda's fields (the first focus
  // in this section): sorting the names starts the browser's collation, a long moment on a slow
  // phone that opening the page need not pay.
  const [suggesting, setSuggesting] = useState(false);
  const owners = useOwnerNames(suggesting ? plan : null);
  const ownersListId = useId();
  const longAgendaId = useId();
  const virtual = items.length >= VIRTUAL_FROM;
  const [removed, setRemoved] = useState<{ item: RunItem; index: number } | null>(null);
  // An item whose title takes focus once, when its row first appears: a new item's text is
  // selected (typing replaces "New item"), an item put back or reached after a delete keeps its.
  const [focusItem, setFocusItem] = useState<TitleFocus | null>(null);
  const focusItemReached = useCallback(() => setFocusItem(null), [setFocusItem]);
  // After a delete, focus goes to Undo; a new object each time, to move it again.
  const [focusUndo, setFocusUndo] = useState<object | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusUndo) undoRef.current?.focus();
  }, [focusUndo]);
  // The plan's own undo (Ctrl+Z, the Undo above the tabs) put the deleted item back: the bar has
  // nothing left to undo and goes, and focus that was on it (fallen to the page with it) goes to
  // the item's title.
  const [putBack, setPutBack] = useState<{ id: string } | null>(null);
  if (removed && items.some((item) => item.id === removed.item.id)) {
    setRemoved(null);
    setPutBack({ id: removed.item.id });
  }
  useEffect(() => {
    if (!putBack || document.activeElement !== document.body) return;
    const title = titleIn(document, putBack.id);
    if (title) {
      title.focus();
      return;
    }
    // A long agenda's row far from the screen: asked for, its title takes focus as it comes.
    const frame = requestAnimationFrame(() => setFocusItem({ id: putBack.id, select: false }));
    return () => cancelAnimationFrame(frame);
  }, [putBack]);
  // The same array as long as the order is the same: a changed duration must not make every
  // sortable row re-render.
  const ids = useSameList(useMemo(() => items.map((i) => i.id), [items]));
  // Callbacks read the latest items from the store, so they stay the same across edits and
  // memoised rows don't re-render for nothing.
  const currentItems = useCallback(
    () => plansStore.getState().plans.find((p) => p.id === plan.id)?.runOfShow.items ?? [],
    [plan.id],
  );

  const panelRef = useRef<HTMLElement>(null);
  /**
   * The title of the item now at `index` (else the one before it), or the agenda's heading when
   * there is none. In a long agenda the item's row may not be in the page: it is asked for, and
   * its title takes focus as it comes (null is returned then).
   */
  const titleNear = (index: number) => {
    const now = currentItems();
    const item = now[Math.min(index, now.length - 1)];
    const panel = panelRef.current;
    if (!item) return panel?.querySelector<HTMLElement>('#ros-heading');
    const title = titleIn(panel, item.id);
    if (!title) setFocusItem({ id: item.id, select: false });
    return title;
  };
  // When the item whose field has focus goes (a Redo, another tab), its neighbour takes focus;
  // when its row is drawn anew, the same control there.
  useFocusRecovery(
    panelRef,
    'data-item',
    (itemId) => {
      const index = currentItems().findIndex((item) => item.id === itemId);
      return index >= 0 ? index : null;
    },
    titleNear,
  );

  const sensors = useSensors(
    useSensor(PointerSensor, POINTER_OPTIONS),
    useSensor(KeyboardSensor, KEYBOARD_OPTIONS),
  );

  const titleOf = useCallback(
    (id: string | number) => {
      const item = currentItems().find((i) => i.id === id);
      return item ? text({ key: item.titleKey, text: item.title }) || t('ros.untitled') : '';
    },
    [text, t, currentItems],
  );
  const positionOf = (id: string | number | undefined) => ids.indexOf(String(id)) + 1;

  const announcements = usePickUpHeard({
    onDragStart: ({ active }) =>
      t('ros.dnd.picked', {
        title: titleOf(active.id),
        position: positionOf(active.id),
        count: ids.length,
      }),
    onDragOver: ({ active, over: target }) =>
      target
        ? t('ros.dnd.over', {
            title: titleOf(active.id),
            position: positionOf(target.id),
            count: ids.length,
          })
        : undefined,
    onDragEnd: ({ active, over: target }) =>
      target
        ? t('ros.dnd.dropped', {
            title: titleOf(active.id),
            position: positionOf(target.id),
            count: ids.length,
          })
        : undefined,
    onDragCancel: ({ active }) =>
      t('ros.dnd.cancelled', { title: titleOf(active.id), position: positionOf(active.id) }),
  });

  const onDragEnd = ({ active, over: target, activatorEvent }: DragEndEvent) => {
    if (!target || active.id === target.id) return;
    const to = ids.indexOf(String(target.id));
    editPlan(plan.id, (p) => moveItem(p, String(active.id), to));
    // Dropped by keyboard, the handle keeps focus in the row's new place: keep it on screen.
    if (activatorEvent instanceof KeyboardEvent) keepFocusInView();
  };

  const onCommand = useCallback(
    (itemId: string, command: RowCommand) => {
      const list = currentItems();
      const index = list.findIndex((i) => i.id === itemId);
      if (index < 0) return;
      switch (command) {
        case 'insertAbove':
        case 'insertBelow': {
          const item = newItem(browserDeps, { title: t('ros.newItemTitle') });
          editPlan(plan.id, (p) =>
            insertItem(p, item, command === 'insertAbove' ? index : index + 1),
          );
          setFocusItem({ id: item.id, select: true });
          break;
        }
        case 'duplicate': {
          const id = browserDeps.newId();
          editPlan(plan.id, (p) => duplicateItem(p, itemId, id));
          setFocusItem({ id, select: true });
          break;
        }
        case 'moveUp':
        case 'moveDown':
          editPlan(plan.id, (p) =>
            moveItem(p, itemId, command === 'moveUp' ? index - 1 : index + 1),
          );
          break;
        case 'delete':
          editPlan(plan.id, (p) => removeItem(p, itemId));
          setRemoved({ item: list[index]!, index });
          // The row and its Delete are gone: Undo takes focus (and comes into view).
          setFocusUndo({});
          break;
      }
    },
    [plan.id, t, currentItems, setRemoved, setFocusItem, setFocusUndo],
  );

  const addItem = () => {
    const item = newItem(browserDeps, { title: t('ros.newItemTitle') });
    editPlan(plan.id, (p) => insertItem(p, item, p.runOfShow.items.length));
    setFocusItem({ id: item.id, select: true });
  };

  const commitStart = (raw: string) => {
    const result = validateTime(raw);
    if (!result.ok) return t('field.time');
    editPlan(plan.id, (p) => setEventField(p, 'startTime', result.value));
    return null;
  };

  return (
    <section
      ref={panelRef}
      className="panel"
      aria-labelledby="ros-heading"
      onFocus={suggesting ? undefined : () => setSuggesting(true)}
    >
      <div className="panel__head">
        <h2 id="ros-heading" tabIndex={-1}>
          {t('ros.heading')}
        </h2>
        {items.length > 0 && (
          <p className={over > 0 ? 'badge badge--warn' : 'badge'} role="status">
            {t('ros.total', {
              start: formatClock(schedule.start, lang),
              end: formatClock(schedule.end, lang),
            })}{' '}
            ·{' '}
            {over > 0
              ? t('ros.over', { count: over, target: plan.event.targetMinutes })
              : over < 0
                ? t('ros.under', { count: -over, target: plan.event.targetMinutes })
                : t('ros.onTarget', { target: plan.event.targetMinutes })}
          </p>
        )}
      </div>
      <div className="ros-start">
        <InlineField
          label={t('ros.startTime')}
          showLabel
          type="time"
          value={plan.event.startTime}
          onCommit={commitStart}
          hint={t('ros.startHint')}
        />
      </div>

      <UndoBar
        message={removed ? t('ros.itemDeleted') : null}
        undoRef={undoRef}
        onUndo={() => {
          if (removed) {
            const id = removed.item.id;
            const there = currentItems().some((item) => item.id === id);
            editPlan(plan.id, (p) => restoreItem(p, removed.item, removed.index));
            // The item's title takes focus when its row is back; when the plan's history has
            // put it back already, the row is there: its title takes focus now.
            if (!there) setFocusItem({ id, select: false });
            else titleIn(document, id)?.focus();
          }
          setRemoved(null);
        }}
        onDismiss={() => {
          // The bar that had focus closes: focus goes where the deleted item was.
          if (removed) titleNear(removed.index)?.focus();
          setRemoved(null);
        }}
      />

      <datalist id={ownersListId}>
        {owners.map((owner) => (
          <option key={owner} value={owner} />
        ))}
      </datalist>

      {items.length === 0 ? (
        <p className="muted">{t('ros.empty')}</p>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          measuring={virtual ? MEASURE_ALWAYS : undefined}
          accessibility={{
            announcements,
            screenReaderInstructions: { draggable: t('ros.dnd.instructions') },
          }}
        >
          {/* An ARIA table of grid rows rather than <table>: rows off screen can then skip
              rendering (content-visibility), which table rows can't. */}
          {virtual && (
            <p id={longAgendaId} className="muted ros-long">
              {t('ros.longAgenda', { total: items.length })}
            </p>
          )}
          <div
            className={
              virtual ? 'ros-table ros-table--edit ros-table--virtual' : 'ros-table ros-table--edit'
            }
            role="table"
            aria-label={t('ros.caption')}
            aria-describedby={virtual ? longAgendaId : undefined}
            // Not every row is in the page: the count is "unknown" rather than wrong.
            aria-rowcount={virtual ? -1 : undefined}
          >
            <div role="rowgroup" className="ros-head">
              <div role="row" className="ros-row">
                <div role="columnheader" className="ros-cell">
                  <span className="visually-hidden">{t('ros.order')}</span>
                </div>
                <div role="columnheader" className="ros-cell">
                  {t('ros.time')}
                </div>
                <div role="columnheader" className="ros-cell">
                  {t('ros.item')}
                </div>
                <div role="columnheader" className="ros-cell">
                  {t('ros.duration')}
                </div>
                <div role="columnheader" className="ros-cell">
                  {t('ros.who')}
                </div>
                <div role="columnheader" className="ros-cell">
                  <span className="visually-hidden">{t('ros.more')}</span>
                </div>
              </div>
            </div>
            <SortableContext items={ids} strategy={verticalListSortingStrategy}>
              <AgendaRows
                planId={plan.id}
                items={items}
                ids={ids}
                slots={deferredSchedule.items}
                ownersListId={ownersListId}
                focusItem={focusItem}
                onFocusItemReached={focusItemReached}
                onCommand={onCommand}
                virtual={virtual}
              />
            </SortableContext>
          </div>
        </DndContext>
      )}
      <Button className="add-item" onClick={addItem}>
        {t('ros.addItem')}
      </Button>

      {deferredItems.length > 0 && (
        <Timeline
          items={deferredItems}
          schedule={deferredSchedule}
          targetMinutes={plan.event.targetMinutes}
        />
      )}
    </section>
  );
}
