import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgressMeter } from '@/ui/progress-meter';
import { unsavedMark } from '@/ui/unsaved-edit';
import { addStep, checklistFull, headingDragId, type ChecklistFilter } from '@/plan/checklist';
import { browserDeps, newStep } from '@/plan/create-plan';
import { validateStepText } from '@/plan/event-fields';
import { sectionProgress } from '@/plan/progress';
import { LIMITS, type Section } from '@/plan/schema';
import { editPlan, plansStore } from '@/store/plans-store';
import { isShown } from './open-editors';
import { StepRow } from './step-row';
import { Button } from '@/ui/button';

interface ChecklistSectionProps {
  planId: string;
  eventDate: string;
  section: Section;
  title: string;
  isFirst: boolean;
  isLast: boolean;
  filter: ChecklistFilter;
  today: Date;
  ownersListId: string;
  /** Steps whose editor is open: shown whatever the filter. */
  editorsOpen: ReadonlySet<string>;
  onDelete: (stepId: string) => void;
}

export const ChecklistSection = memo(function ChecklistSection(props: ChecklistSectionProps) {
  const {
    planId,
    eventDate,
    section,
    title,
    isFirst,
    isLast,
    filter,
    today,
    ownersListId,
    editorsOpen,
    onDelete,
  } = props;
  const { t } = useTranslation();
  const headingId = useId();
  const hintId = useId();
  // A step whose editor is open stays, whatever the filter (see ChecklistView).
  const visible = section.steps.filter((step) =>
    isShown(step, filter, eventDate, today, editorsOpen),
  );
  // The heading is a place in the checklist's one sortable list: a step dragged past it
  // changes section (see dragList). It is never dragged itself.
  const { setNodeRef, transform, transition } = useSortable({
    id: headingDragId(section.id),
    disabled: { draggable: true, droppable: false },
  });
  const isIdeas = section.steps.length > 0 && section.steps.every((s) => s.optional);
  return (
    <section className="checklist-section" aria-labelledby={headingId}>
      <div
        className="checklist-section__head"
        ref={setNodeRef}
        style={{ transform: CSS.Translate.toString(transform), transition }}
      >
        <h3 id={headingId}>{title}</h3>
        <ProgressMeter
          compact
          progress={sectionProgress(section)}
          label={t('checklist.sectionProgressLabel', { section: title })}
        />
      </div>
      {isIdeas && filter.kind === 'all' && (
        <p id={hintId} className="field-hint">
          {t('checklist.ideasHint')}
        </p>
      )}
      {visible.length === 0 && section.steps.length > 0 && (
        <p className="muted checklist-none">{t('checklist.noMatch')}</p>
      )}
      <ul className="steps">
        {visible.map((step, shownIndex) => {
          const index = section.steps.indexOf(step);
          return (
            <StepRow
              key={step.id}
              planId={planId}
              eventDate={eventDate}
              step={step}
              sectionTitle={title}
              position={index + 1}
              // Up and Down move among the steps in view (nudgeStep): the first and the last
              // shown have nowhere to go.
              canMoveUp={!(isFirst && shownIndex === 0)}
              canMoveDown={!(isLast && shownIndex === visible.length - 1)}
              filter={filter}
              today={today}
              ownersListId={ownersListId}
              ideasHintId={isIdeas && filter.kind === 'all' ? hintId : undefined}
              onDelete={onDelete}
            />
          );
        })}
      </ul>
      <AddStepForm planId={planId} sectionId={section.id} sectionTitle={title} />
    </section>
  );
});

function AddStepForm({
  planId,
  sectionId,
  sectionTitle,
}: {
  planId: string;
  sectionId: string;
  sectionTitle: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<'required' | 'full' | null>(null);
  // Closing the form (Escape, Close) hands focus back to the button that opened it.
  const openerRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (open || !returnFocus.current) return;
    returnFocus.current = false;
    openerRef.current?.focus();
  }, [open]);
  const close = () => {
    returnFocus.current = true;
    setOpen(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateStepText(text);
    if (!checked.ok) {
      setError('required');
      return;
    }
    const plan = plansStore.getState().plans.find((p) => p.id === planId);
    // A checklist holds at most LIMITS.maxSteps steps: the text stays, with why it can't be added.
    if (plan && checklistFull(plan)) {
      setError('full');
      return;
    }
    const value = checked.value;
    editPlan(planId, (p) => addStep(p, sectionId, newStep(browserDeps, { text: value })));
    setText('');
    setError(null);
  };
  if (!open) {
    return (
      <Button ref={openerRef} variant="quiet" className="add-step" onClick={() => setOpen(true)}>
        {t('checklist.addStep')}
      </Button>
    );
  }
  return (
    <form
      className="add-step-form"
      onSubmit={submit}
      noValidate
      {...unsavedMark(text.trim() !== '')}
    >
      <label htmlFor={id}>{t('checklist.newStepLabel', { section: sectionTitle })}</label>
      <div className="rename-form__row">
        <input
          id={id}
          value={text}
          maxLength={LIMITS.textLength}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- opened on request: type at once.
          autoFocus
          aria-invalid={error !== null || undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        />
        <Button type="submit" variant="primary">
          {t('checklist.add')}
        </Button>
        <Button onClick={close}>{t('action.close')}</Button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error === 'full' ? t('checklist.full', { max: LIMITS.maxSteps }) : t('field.required')}
        </p>
      )}
    </form>
  );
}
