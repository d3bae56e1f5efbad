import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ParseKeys } from 'i18next';
import { memo, useContext, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { announce } from '@/ui/announcer';
import { SafeLink } from '@/ui/safe-link';
import { StepLinks } from '@/ui/step-links';
import { unsavedMark } from '@/ui/unsaved-edit';
import { useGuideText } from '@/ui/hooks/use-guide-text';
import { useRelativeDay } from '@/ui/hooks/use-relative-day';
import { formatDate } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import {
  dueOffsetFor,
  editStep,
  findStep,
  isLate,
  matchesFilter,
  nudgeStep,
  setIdeaPicked,
  setStepDone,
  stepDragId,
  stepDueDate,
  type ChecklistFilter,
} from '@/plan/checklist';
import { daysFromToday, formatDay } from '@/plan/dates';
import { validateStepText } from '@/plan/event-fields';
import { draftPath, draftsForStep, type DraftId } from '@/plan/drafts';
import { LIMITS, type Step } from '@/plan/schema';
import { changedBy } from '@/plan/merge-summary';
import { editPlan, plansStore, usePlans } from '@/store/plans-store';
import { Button } from '@/ui/button';
import '@/ui/drag-handle.css';
import { OpenEditors } from './open-editors';

interface StepRowProps {
  planId: string;
  eventDate: string;
  step: Step;
  sectionTitle: string;
  position: number;
  canMoveUp: boolean;
  canMoveDown: boolean;
  today: Date;
  /** The checklist's filter: Up and Down move among the steps it shows. */
  filter: ChecklistFilter;
  ownersListId: string;
  /** The id of the ideas section's hint, which describes an idea's box before it is picked. */
  ideasHintId?: string | undefined;
  onDelete: (stepId: string) => void;
}

/** The link from a step to a draft it asks for ("Open the letter to parents"). */
const OPEN_DRAFT: Readonly<Record<DraftId, ParseKeys>> = {
  parents: 'draft.open.parents',
  invitation: 'draft.open.invitation',
  pitch: 'draft.open.pitch',
  social: 'draft.open.social',
  talkingPoints: 'draft.open.talkingPoints',
  pressRelease: 'draft.open.pressRelease',
  proclamation: 'draft.open.proclamation',
  opEd: 'draft.open.opEd',
  officialPosts: 'draft.open.officialPosts',
};

/** After a move the row may remount in another section: this is where focus goes back to. */
let focusAfterMove: { stepId: string; action: 'up' | 'down' } | null = null;

export const StepRow = memo(function StepRow(props: StepRowProps) {
  const {
    planId,
    eventDate,
    step,
    sectionTitle,
    position,
    canMoveUp,
    canMoveDown,
    today,
    filter,
    ownersListId,
    ideasHintId,
    onDelete,
  } = props;
  const { t } = useTranslation();
  const lang = useLanguage();
  const text = useGuideText();
  const relativeDay = useRelativeDay();
  const openEditors = useContext(OpenEditors);
  const [editing, setEditing] = useState(() => openEditors?.drafts.has(step.id) ?? false);
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({
    id: stepDragId(step.id),
    // What a screen reader calls the handle (dnd-kit's own word is English: "sortable").
    attributes: { roleDescription: t('action.movable') },
  });
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const boxRef = useRef<HTMLInputElement>(null);
  const label = text({ key: step.textKey, text: step.text });
  // "ticked by Ada, Tue 1 Dec": who ticked it, when they gave a name (see "Your name").
  const tickedBy = usePlans((state) => {
    const plan = state.plans.find((p) => p.id === planId);
    const by = step.done && plan ? changedBy(plan, `step:${step.id}.done`) : null;
    // One string, so the selector's result compares by value: the name as JSON, then the time.
    return by ? JSON.stringify([by.name, by.at.getTime()]) : '';
  });
  const ticker = tickedBy ? (JSON.parse(tickedBy) as [string, number]) : null;
  const due = stepDueDate(step, eventDate);
  const days = due ? daysFromToday(due, today) : null;
  const late = isLate(step, eventDate, today);
  const countsAsStep = !step.optional || step.picked;
  const drafts = draftsForStep(step);

  useEffect(() => {
    if (focusAfterMove?.stepId !== step.id) return;
    const target = focusAfterMove.action === 'up' ? upRef.current : downRef.current;
    focusAfterMove = null;
    (target && !target.disabled ? target : editRef.current)?.focus();
  });

  const move = (direction: -1 | 1) => {
    focusAfterMove = { stepId: step.id, action: direction === -1 ? 'up' : 'down' };
    editPlan(planId, (plan) =>
      nudgeStep(plan, step.id, direction, (s) => matchesFilter(s, filter, plan.event.date, today)),
    );
    const plan = plansStore.getState().plans.find((p) => p.id === planId);
    const at = plan && findStep(plan, step.id);
    if (at) {
      const section = text({ key: at.section.titleKey, text: at.section.title });
      announce(t('checklist.moved', { position: at.stepIndex + 1, section }));
    }
  };

  const className = [
    'step',
    late ? 'step--late' : '',
    step.done ? 'step--done' : '',
    !countsAsStep ? 'step--idea' : '',
    isDragging ? 'step--dragging' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li
      ref={setNodeRef}
      data-step={step.id}
      className={className}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <div className="step__main">
        {/* One box per idea, named by the idea: unpicked it picks the idea, picked it is the
            step's own tick. "Drop idea" un-picks it. */}
        <label className="step__check">
          <input
            ref={boxRef}
            type="checkbox"
            checked={countsAsStep && step.done}
            aria-describedby={countsAsStep ? undefined : ideasHintId}
            onChange={(e) => {
              if (!countsAsStep) {
                editPlan(planId, (plan) => setIdeaPicked(plan, step.id, true));
                announce(t('checklist.idea.picked', { text: label }));
                return;
              }
              const done = e.target.checked;
              editPlan(planId, (plan) => setStepDone(plan, step.id, done, new Date()));
            }}
          />
          <span className={countsAsStep ? 'step__text' : 'step__text step__text--idea'}>
            {label}
          </span>
        </label>
      </div>
      <div className="step__meta">
        {due && days !== null && (
          <span className="step__due">
            {formatDate(due, lang, 'short')} ·{' '}
            {late ? <strong>{t('relative.daysLate', { count: -days })}</strong> : relativeDay(days)}
          </span>
        )}
        {step.done && ticker ? (
          <span className="step__done-at">
            {t('merge.tickedBy', {
              name: ticker[0],
              date: formatDate(new Date(ticker[1]), lang, 'short'),
            })}
          </span>
        ) : (
          step.done &&
          step.doneAt && (
            <span className="step__done-at">
              {t('checklist.doneOn', { date: formatDate(new Date(step.doneAt), lang, 'short') })}
            </span>
          )
        )}
        {step.owner && (
          <span className="step__owner">{t('checklist.ownerIs', { name: step.owner })}</span>
        )}
        {step.link && <SafeLink href={step.link}>{t('checklist.resource')}</SafeLink>}
        <StepLinks links={step.links} />
        {drafts.map((draft) => (
          <Link key={draft} className="step__draft" to={draftPath(planId, draft, step.id)}>
            <span aria-hidden="true">✉</span> {t(OPEN_DRAFT[draft])}
          </Link>
        ))}
      </div>
      {step.note && <p className="step__note">{step.note}</p>}
      {editing ? (
        <StepEditor
          planId={planId}
          eventDate={eventDate}
          step={step}
          label={label}
          ownersListId={ownersListId}
          onClose={() => {
            openEditors?.drafts.delete(step.id);
            openEditors?.setOpen(step.id, false);
            setEditing(false);
            window.setTimeout(() => editRef.current?.focus(), 0);
          }}
        />
      ) : (
        <div
          className="step__actions"
          role="group"
          aria-label={t('checklist.actionsFor', { text: label })}
        >
          <Button
            ref={editRef}
            variant="quiet"
            size="small"
            onClick={() => {
              openEditors?.setOpen(step.id, true);
              setEditing(true);
            }}
          >
            {t('checklist.edit')}
          </Button>
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="drag-handle"
            {...attributes}
            {...listeners}
            aria-label={t('checklist.dnd.handle', { position, section: sectionTitle, text: label })}
          ></button>
          <Button
            ref={upRef}
            variant="quiet"
            size="small"
            icon
            disabled={!canMoveUp}
            aria-label={t('checklist.moveUpLabel', { position, section: sectionTitle })}
            onClick={() => move(-1)}
          >
            <span aria-hidden="true">↑</span>
          </Button>
          <Button
            ref={downRef}
            variant="quiet"
            size="small"
            icon
            disabled={!canMoveDown}
            aria-label={t('checklist.moveDownLabel', { position, section: sectionTitle })}
            onClick={() => move(1)}
          >
            <span aria-hidden="true">↓</span>
          </Button>
          {step.optional && step.picked && (
            <Button
              variant="quiet"
              size="small"
              onClick={() => {
                editPlan(planId, (plan) => setIdeaPicked(plan, step.id, false));
                announce(t('checklist.idea.dropped', { text: label }));
                // The button goes with the pick: focus stays in the row, on the idea's box.
                boxRef.current?.focus();
              }}
            >
              {t('checklist.idea.drop')}
            </Button>
          )}
          <Button variant="quiet" size="small" danger onClick={() => onDelete(step.id)}>
            {t('checklist.delete')}
          </Button>
        </div>
      )}
    </li>
  );
});

interface StepEditorProps {
  planId: string;
  eventDate: string;
  step: Step;
  label: string;
  ownersListId: string;
  onClose: () => void;
}

/** Edits a step's text, due date, owner and note. Save (or Enter) confirms; Escape cancels. */
function StepEditor({ planId, eventDate, step, label, ownersListId, onClose }: StepEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const due = stepDueDate(step, eventDate);
  const initialDueDay = due ? formatDay(due) : '';
  // An editor its row had open before the row was drawn anew: what was typed, as it was.
  const openEditors = useContext(OpenEditors);
  const [reopened] = useState(() => openEditors?.drafts.get(step.id));
  const [text, setText] = useState(reopened?.text ?? label);
  const [dueDay, setDueDay] = useState(reopened?.dueDay ?? initialDueDay);
  const [owner, setOwner] = useState(reopened?.owner ?? step.owner);
  const [note, setNote] = useState(reopened?.note ?? step.note);
  const [error, setError] = useState<'text' | 'due' | null>(reopened?.error ?? null);
  useEffect(() => {
    openEditors?.drafts.set(step.id, { text, dueDay, owner, note, error });
  }, [openEditors, step.id, text, dueDay, owner, note, error]);
  // Opened on request, the step's text takes focus with the caret at its end: typing adds to it.
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const field = textRef.current;
    if (!reopened && field && document.activeElement === field)
      field.setSelectionRange(field.value.length, field.value.length);
  }, [reopened]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateStepText(text);
    if (!checked.ok) return setError('text');
    const value = checked.value;
    const dueOffset = dueOffsetFor(eventDate, dueDay);
    if (!dueOffset.ok) return setError('due');
    editPlan(planId, (plan) =>
      editStep(plan, step.id, {
        // Only a text the user changed is saved, so an untouched guide step keeps its key.
        text: value === label ? null : value,
        dueOffsetDays: dueOffset.value,
        owner,
        note,
      }),
    );
    onClose();
  };

  return (
    // Escape from any field of the form cancels; the fields themselves stay ordinary inputs.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      className="step-editor"
      onSubmit={submit}
      noValidate
      {...unsavedMark(
        text !== label || dueDay !== initialDueDay || owner !== step.owner || note !== step.note,
      )}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="field field--wide">
        <label htmlFor={`${id}-text`}>{t('checklist.editor.text')}</label>
        {/* A step is often two or three sentences: shown whole on several lines, but still one
            line of text (Enter saves, as in the other fields; a pasted line break is a space). */}
        <textarea
          ref={textRef}
          id={`${id}-text`}
          className="step-editor__text"
          value={text}
          rows={3}
          maxLength={LIMITS.textLength}
          // Opened on request: edit at once. Opened again in a row drawn anew, focus stays with
          // the field the user was in (the checklist's focus recovery finds it).
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus={!reopened}
          aria-invalid={error === 'text' || undefined}
          aria-describedby={error === 'text' ? `${id}-text-error` : undefined}
          onChange={(e) => setText(e.target.value.replace(/[\r\n]+/g, ' '))}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        {error === 'text' && (
          <p id={`${id}-text-error`} className="field-error">
            {t('field.required')}
          </p>
        )}
      </div>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-due`}>{t('checklist.editor.due')}</label>
          <input
            id={`${id}-due`}
            type="date"
            value={dueDay}
            aria-invalid={error === 'due' || undefined}
            aria-describedby={error === 'due' ? `${id}-due-error` : undefined}
            onChange={(e) => setDueDay(e.target.value)}
          />
          {error === 'due' && (
            <p id={`${id}-due-error`} className="field-error">
              {t('checklist.editor.dueError', { max: LIMITS.maxOffsetDays })}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-owner`}>{t('checklist.editor.owner')}</label>
          <input
            id={`${id}-owner`}
            value={owner}
            list={ownersListId}
            maxLength={LIMITS.ownerLength}
            autoComplete="off"
            onChange={(e) => setOwner(e.target.value)}
          />
        </div>
        <div className="field field--wide">
          <label htmlFor={`${id}-note`}>{t('checklist.editor.note')}</label>
          <textarea
            id={`${id}-note`}
            value={note}
            rows={2}
            maxLength={LIMITS.noteLength}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
      </div>
      <div className="dialog__actions">
        <Button onClick={onClose}>{t('action.cancel')}</Button>
        <Button type="submit" variant="primary">
          {t('action.save')}
        </Button>
      </div>
    </form>
  );
}
