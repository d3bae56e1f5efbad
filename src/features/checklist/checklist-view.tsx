import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ProgressMeter } from '@/components/progress-meter';
import { UndoBar } from '@/components/undo-bar';
import { useGuideText } from '@/components/use-guide-text';
import { useToday } from '@/components/use-today';
import {
  addStep,
  arrangeSections,
  checklistOrder,
  dragStepOver,
  dropPlace,
  findStep,
  moveStep,
  ownersInPlan,
  removeStep,
  summarize,
  type ChecklistFilter,
  type SectionOrder,
} from '@/plan/checklist';
import { planProgress } from '@/plan/progress';
import type { Plan, Step } from '@/plan/schema';
import { editPlan } from '@/store/plans-store';
import { ChecklistSection } from './checklist-section';

interface Removed {
  step: Step;
  sectionId: string;
  index: number;
}

const SHOWN = ['todo', 'late', 'week'] as const;

// As in the run of show: constant sensor options keep every handle's listeners stable.
const POINTER_OPTIONS = { activationConstraint: { distance: 4 } };
const KEYBOARD_OPTIONS = { coordinateGetter: sortableKeyboardCoordinates };

/** The view filter lives in the address (`?show=late`, `?owner=Ana`), so it survives a reload. */
function useFilter(): [ChecklistFilter, (filter: ChecklistFilter) => void] {
  const [params, setParams] = useSearchParams();
  const show = params.get('show');
  const owner = params.get('owner');
  const filter: ChecklistFilter =
    owner !== null
      ? { kind: 'owner', owner }
      : (SHOWN as readonly (string | null)[]).includes(show)
        ? { kind: show as (typeof SHOWN)[number] }
        : { kind: 'all' };
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

export function ChecklistView({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const text = useGuideText();
  const today = useToday();
  const [filter, setFilter] = useFilter();
  const [removed, setRemoved] = useState<Removed | null>(null);
  const owners = useMemo(() => ownersInPlan(plan), [plan]);
  const summary = useMemo(() => summarize(plan, today), [plan, today]);
  const filterId = useId();
  const ownersListId = useId();

  const onDelete = useCallback(
    (stepId: string) => {
      const at = findStep(plan, stepId);
      if (!at) return;
      editPlan(plan.id, (p) => removeStep(p, stepId));
      setRemoved({ step: at.step, sectionId: at.section.id, index: at.stepIndex });
    },
    [plan],
  );

  const undoDelete = () => {
    if (!removed) return;
    editPlan(plan.id, (p) =>
      findStep(p, removed.step.id) ? p : addStep(p, removed.sectionId, removed.step, removed.index),
    );
    setRemoved(null);
  };

  // While a step is dragged: where each section's steps would be if it were dropped now.
  const [preview, setPreview] = useState<readonly SectionOrder[] | null>(null);
  const previewRef = useRef<readonly SectionOrder[] | null>(null);
  const showPreview = (order: readonly SectionOrder[] | null) => {
    previewRef.current = order;
    setPreview(order);
  };
  const sensors = useSensors(
    useSensor(PointerSensor, POINTER_OPTIONS),
    useSensor(KeyboardSensor, KEYBOARD_OPTIONS),
  );
  const sectionTitle = (sectionId: string) => {
    const found = plan.checklist.sections.find((s) => s.id === sectionId);
    return found ? text({ key: found.titleKey, text: found.title }) : '';
  };
  const stepText = (stepId: string | number) => {
    const at = findStep(plan, String(stepId));
    return at ? text({ key: at.step.textKey, text: at.step.text }) : '';
  };
  /** "Step, position 2 of 5 in Prepare", for the place a drop there would give. */
  const placeOf = (stepId: string | number, overId: string | number) => {
    const order = previewRef.current ?? checklistOrder(plan);
    const place = dropPlace(order, String(stepId), String(overId));
    if (!place) return null;
    const entry = order.find((e) => e.sectionId === place.sectionId);
    const count = (entry?.stepIds.filter((id) => id !== String(stepId)).length ?? 0) + 1;
    return {
      text: stepText(stepId),
      position: place.index + 1,
      count,
      section: sectionTitle(place.sectionId),
    };
  };
  const announcements: Announcements = {
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
  };
  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over) return;
    const order = previewRef.current ?? checklistOrder(plan);
    const next = dragStepOver(order, String(active.id), String(over.id));
    if (next !== order) showPreview(next);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const order = previewRef.current ?? checklistOrder(plan);
    showPreview(null);
    if (!over) return;
    const place = dropPlace(order, String(active.id), String(over.id));
    if (place)
      editPlan(plan.id, (p) => moveStep(p, String(active.id), place.sectionId, place.index));
  };

  const sections = useMemo(
    () => (preview ? arrangeSections(plan.checklist.sections, preview) : plan.checklist.sections),
    [plan.checklist.sections, preview],
  );
  const filterValue = filter.kind === 'owner' ? `owner:${filter.owner}` : filter.kind;

  return (
    <section className="panel" aria-labelledby="checklist-heading">
      <div className="panel__head">
        <h2 id="checklist-heading">{t('checklist.heading')}</h2>
        <ProgressMeter progress={planProgress(plan)} label={t('checklist.progressLabel')} />
      </div>

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
            value={filterValue}
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
        onUndo={undoDelete}
        onDismiss={() => setRemoved(null)}
      />

      <datalist id={ownersListId}>
        {owners.map((owner) => (
          <option key={owner} value={owner} />
        ))}
      </datalist>

      {sections.length === 0 && <p className="muted">{t('checklist.empty')}</p>}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragStart={() => showPreview(checklistOrder(plan))}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => showPreview(null)}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('checklist.dnd.instructions') },
        }}
      >
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
            onDelete={onDelete}
          />
        ))}
      </DndContext>
    </section>
  );
}
