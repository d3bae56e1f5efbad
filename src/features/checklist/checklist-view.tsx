import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ProgressMeter } from '@/ui/progress-meter';
import { UndoBar } from '@/ui/undo-bar';
import { useGuideText } from '@/ui/hooks/use-guide-text';
import { useOwnerNames } from '@/ui/hooks/use-owner-names';
import { useToday } from '@/features/checklist/use-today';
import {
  dragList,
  dropPlace,
  stepOfDragId,
  findStep,
  matchesFilter,
  moveStep,
  removeStep,
  restoreStep,
  stepNear,
  summarize,
  type ChecklistFilter,
} from '@/plan/checklist';
import { planProgress } from '@/plan/progress';
import type { Plan, Step } from '@/plan/schema';
import { editPlan, plansStore } from '@/store/plans-store';
import { useFocusRecovery } from '@/ui/hooks/use-focus-recovery';
import { usePickUpHeard } from '@/ui/hooks/use-pick-up-heard';
import { keepFocusInView } from '@/ui/keep-focus-in-view';
import { listOrderKeyboardCoordinates } from '@/ui/list-order-keyboard';
import { useSameList } from '@/ui/hooks/use-same-list';
import { CatchUpOffer } from './catch-up-offer';
import { ChecklistSection } from './checklist-section';
import { draftsOf, isShown, OpenEditors } from './open-editors';
import './checklist.css';

interface Removed {
  step: Step;
  sectionId: string;
  index: number;
}

const SHOWN = ['todo', 'late', 'week'] as const;

// As in the run of show: constant sensor options keep every handle's listeners stable.
const POINTER_OPTIONS = { activationConstraint: { distance: 4 } };
const KEYBOARD_OPTIONS = { coordinateGetter: listOrderKeyboardCoordinates };

/** The view filter lives in the address (`?show=late`, `?owner=Ana`), so it survives a reload. */
function useFilter(): [ChecklistFilter, (filter: ChecklistFilter) => void] {
  const [params, setParams] = useSearchParams();
  const show = params.get('show');
  const owner = params.get('owner');
  // One object while the address says the same: it is a prop of every memoised section.
  const filter = useMemo<ChecklistFilter>(
    () =>
      owner !== null
        ? { kind: 'owner', owner }
        : (SHOWN as readonly (string | null)[]).includes(show)
          ? { kind: show as (typeof SHOWN)[number] }
          : { kind: 'all' },
    [owner, show],
  );
  const setFilter = useCallback(
    (next: ChecklistFilter) =>
      setParams(
        next.kind === 'all'
          ? {}
          : next.kind === 'owner'
            ? { owner: next.owner }
            : { show: next.kind },
        { replace: true },
      ),
    [setParams],
  );
  return [filter, setFilter];
}

/** A step's box; when there is none (or the filter hides the step), the checklist's heading. */
function stepBox(panel: HTMLElement | null, stepId: string | null) {
  return (
    (stepId === null
      ? null
      : panel?.querySelector<HTMLElement>(`[data-step="${CSS.escape(stepId)}"] input`)) ??
    panel?.querySelector<HTMLElement>('#checklist-heading')
  );
}

export function ChecklistView({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const text = useGuideText();
  const today = useToday();
  const [filter, setFilter] = useFilter();
  const [removed, setRemoved] = useState<Removed | null>(null);
  const owners = useOwnerNames(plan);
  const summary = useMemo(() => summarize(plan, today), [plan, today]);
  const filterId = useId();
  const ownersListId = useId();

  // Where focus goes after a delete (Undo, in view: the row and its Delete are gone) and after
  // Undo (the step's box, back in its place); a new object each time, to move it again.
  // `ifLost`: only when focus has fallen to the page (it was on the undo bar, now gone).
  const [focusTo, setFocusTo] = useState<
    { undo: true } | { stepId: string | null; ifLost?: true } | null
  >(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  // The steps whose editor is open, or was opened since the filter was set: shown whatever the
  // filter, so an edit under way never vanishes (another tab ticks the step while "Still to do"
  // is shown, the filter changes), and a step saved out of the filter stays, its Edit button
  // with focus, rather than going with focus falling to the next step's box (where a space
  // typed next would tick it). A new filter shows what it says, open editors included.
  const [drafts] = useState(() => draftsOf(plan.id));
  const [editorsOpen, setEditorsOpen] = useState<ReadonlySet<string>>(() => new Set(drafts.keys()));
  const [openEditors] = useState<OpenEditors>(() => ({
    drafts,
    setOpen: (stepId, open) =>
      setEditorsOpen((ids) => {
        if (!open || ids.has(stepId)) return ids;
        return new Set(ids).add(stepId);
      }),
  }));
  const filterKey = filter.kind === 'owner' ? `owner:${filter.owner}` : filter.kind;
  const [editorsFilter, setEditorsFilter] = useState(filterKey);
  if (editorsFilter !== filterKey) {
    setEditorsFilter(filterKey);
    setEditorsOpen(new Set(drafts.keys()));
  }
  useEffect(() => {
    if (!focusTo) return;
    if ('undo' in focusTo) undoRef.current?.focus();
    else if (!focusTo.ifLost || document.activeElement === document.body)
      stepBox(panelRef.current, focusTo.stepId)?.focus();
  }, [focusTo]);
  // The plan's own undo (Ctrl+Z, the Undo above the tabs) put the deleted step back: the bar has
  // nothing left to undo and goes, and focus that was on it goes to the step.
  if (removed && findStep(plan, removed.step.id)) {
    setRemoved(null);
    setFocusTo({ stepId: removed.step.id, ifLost: true });
  }

  // Reads the plan from the store, so it stays the same across edits and the memoised sections
  // and rows don't render again for every edit of another step.
  const planId = plan.id;
  const onDelete = useCallback(
    (stepId: string) => {
      const current = plansStore.getState().plans.find((p) => p.id === planId);
      const at = current && findStep(current, stepId);
      if (!at) return;
      editPlan(planId, (p) => removeStep(p, stepId));
      setRemoved({ step: at.step, sectionId: at.section.id, index: at.stepIndex });
      setFocusTo({ undo: true });
    },
    [planId],
  );

  /** The step now nearest to a place a step has left, among the steps shown. */
  const stepNearPlace = (sectionId: string, index: number) => {
    const current = plansStore.getState().plans.find((p) => p.id === planId);
    return current
      ? stepNear(current, sectionId, index, (step) =>
          matchesFilter(step, filter, current.event.date, today),
        )
      : null;
  };
  // Dismiss closes the bar that had focus: focus goes where the deleted step was.
  const dismissDeleted = () => {
    if (removed) setFocusTo({ stepId: stepNearPlace(removed.sectionId, removed.index) });
    setRemoved(null);
  };
  // When the step that has focus goes (a Redo, another tab), its neighbour takes focus; when its
  // row is drawn anew elsewhere (moved by the pointer to another section), the same control there.
  useFocusRecovery(
    panelRef,
    'data-step',
    (stepId) => {
      const current = plansStore.getState().plans.find((p) => p.id === planId);
      const at = current && findStep(current, stepId);
      return at ? { sectionId: at.section.id, index: at.stepIndex } : null;
    },
    (place) => stepBox(panelRef.current, stepNearPlace(place.sectionId, place.index)),
  );

  const undoDelete = () => {
    if (!removed) return;
    editPlan(plan.id, (p) => restoreStep(p, removed.sectionId, removed.step, removed.index));
    setRemoved(null);
    setFocusTo({ stepId: removed.step.id });
  };

  const sensors = useSensors(
    useSensor(PointerSensor, POINTER_OPTIONS),
    useSensor(KeyboardSensor, KEYBOARD_OPTIONS),
  );
  // The same array while the steps shown and their order are: ticking a step renders that row
  // again, not every sortable row.
  const dragIds = useSameList(
    useMemo(
      () => dragList(plan, (step) => isShown(step, filter, plan.event.date, today, editorsOpen)),
      [plan, filter, today, editorsOpen],
    ),
  );
  /** The text of the step a drag id names. */
  const stepText = (dragId: string | number) => {
    const stepId = stepOfDragId(dragId);
    const at = stepId === null ? undefined : findStep(plan, stepId);
    return at ? text({ key: at.step.textKey, text: at.step.text }) : '';
  };
  /** The step, its place if dropped over `overId` now, and how many the section would have. */
  const placeOf = (dragId: string | number, overId: string | number) => {
    const place = dropPlace(plan, dragIds, String(dragId), String(overId));
    const section = place && plan.checklist.sections.find((s) => s.id === place.sectionId);
    if (!place || !section) return null;
    const stepId = stepOfDragId(dragId);
    return {
      text: stepText(dragId),
      position: place.index + 1,
      count: section.steps.filter((s) => s.id !== stepId).length + 1,
      section: text({ key: section.titleKey, text: section.title }),
    };
  };
  const announcements = usePickUpHeard({
    onDragStart: ({ active }) => {
      const place = placeOf(active.id, active.id);
      return place ? t('checklist.dnd.picked', place) : undefined;
    },
    onDragOver: ({ active, over }) => {
      const place = over && placeOf(active.id, over.id);
      return place ? t('checklist.dnd.over', place) : undefined;
    },
    onDragEnd: ({ active, over }) => {
      const place = over && placeOf(active.id, over.id);
      return place ? t('checklist.dnd.dropped', place) : undefined;
    },
    onDragCancel: ({ active }) => t('checklist.dnd.cancelled', { text: stepText(active.id) }),
  });
  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const place = dropPlace(plan, dragIds, String(active.id), String(over.id));
    const stepId = stepOfDragId(active.id);
    if (place && stepId !== null)
      editPlan(plan.id, (p) => moveStep(p, stepId, place.sectionId, place.index));
    // Dropped by keyboard, the handle keeps focus in the row's new place: keep it on screen.
    if (activatorEvent instanceof KeyboardEvent) keepFocusInView();
  };

  const sections = plan.checklist.sections;

  return (
    <section ref={panelRef} className="panel" aria-labelledby="checklist-heading">
      <div className="panel__head">
        <h2 id="checklist-heading" tabIndex={-1}>
          {t('checklist.heading')}
        </h2>
        <ProgressMeter progress={planProgress(plan)} label={t('checklist.progressLabel')} />
      </div>

      <CatchUpOffer plan={plan} today={today} />

      <div className="checklist-toolbar">
        <p className="checklist-summary">
          {summary.late > 0 && (
            <button
              type="button"
              className="chip chip--late"
              onClick={() => setFilter({ kind: 'late' })}
            >
              {t('checklist.lateCount', { count: summary.late })}
            </button>
          )}
          <span className="chip">{t('checklist.thisWeekCount', { count: summary.thisWeek })}</span>
        </p>
        <div className="checklist-filter">
          <label htmlFor={filterId}>{t('checklist.filter.label')}</label>
          <select
            id={filterId}
            value={filterKey}
            onChange={(e) => {
              const value = e.target.value;
              setFilter(
                value.startsWith('owner:')
                  ? { kind: 'owner', owner: value.slice(6) }
                  : ({ kind: value } as ChecklistFilter),
              );
            }}
          >
            <option value="all">{t('checklist.filter.all')}</option>
            <option value="todo">{t('checklist.filter.todo')}</option>
            <option value="late">{t('checklist.filter.late')}</option>
            <option value="week">{t('checklist.filter.week')}</option>
            {owners.length > 0 && (
              <optgroup label={t('checklist.filter.byOwner')}>
                {owners.map((owner) => (
                  <option key={owner} value={`owner:${owner}`}>
                    {owner}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
      </div>

      <UndoBar
        message={removed ? t('checklist.stepDeleted') : null}
        undoRef={undoRef}
        onUndo={undoDelete}
        onDismiss={dismissDeleted}
      />

      <datalist id={ownersListId}>
        {owners.map((owner) => (
          <option key={owner} value={owner} />
        ))}
      </datalist>

      {sections.length === 0 && <p className="muted">{t('checklist.empty')}</p>}
      <OpenEditors.Provider value={openEditors}>
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{
            announcements,
            screenReaderInstructions: { draggable: t('checklist.dnd.instructions') },
          }}
        >
          <SortableContext items={dragIds} strategy={verticalListSortingStrategy}>
            {sections.map((section, index) => (
              <ChecklistSection
                key={section.id}
                planId={plan.id}
                eventDate={plan.event.date}
                section={section}
                title={text({ key: section.titleKey, text: section.title })}
                isFirst={index === 0}
                isLast={index === sections.length - 1}
                filter={filter}
                today={today}
                ownersListId={ownersListId}
                editorsOpen={editorsOpen}
                onDelete={onDelete}
              />
            ))}
          </SortableContext>
        </DndContext>
      </OpenEditors.Provider>
    </section>
  );
}
