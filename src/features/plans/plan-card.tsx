import { memo, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCopyTitle } from '@/ui/hooks/use-copy-title';
import { Link } from 'react-router';
import { ProgressMeter } from '@/ui/progress-meter';
import { fieldErrorText } from '@/ui/field-error-text';
import { unsavedMark } from '@/ui/unsaved-edit';
import { useRelativeDay } from '@/ui/hooks/use-relative-day';
import { formatDate } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { browserDeps, duplicatePlan } from '@/plan/create-plan';
import { daysFromToday, parseDay } from '@/plan/dates';
import { validateTitle, type FieldError } from '@/plan/event-fields';
import { setPlanTitle } from '@/plan/plan-edits';
import { isLargePlan, storedSize } from '@/plan/plan-size';
import { planProgress } from '@/plan/progress';
import { LIMITS, type Plan } from '@/plan/schema';
import { plansStore } from '@/store/plans-store';
import { planPath } from '@/plan/paths';
import { Button } from '@/ui/button';
import { storedSizeText } from '@/ui/size-text';

interface PlanCardProps {
  plan: Plan;
  onRemove: (id: string) => void;
  /** Say how much storage the plan takes even when it is not large (storage is full). */
  showSize?: boolean;
}

export const PlanCard = memo(function PlanCard({ plan, onRemove, showSize }: PlanCardProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const copyTitle = useCopyTitle();
  const relativeDay = useRelativeDay();
  const [renaming, setRenaming] = useState(false);
  const day = parseDay(plan.event.date);
  const progress = planProgress(plan);

  const duplicate = () => {
    plansStore.getState().addPlan(duplicatePlan(plan, copyTitle(plan.title), browserDeps));
  };

  return (
    <li className="plan-card" data-plan-id={plan.id}>
      {renaming ? (
        <RenameForm plan={plan} onDone={() => setRenaming(false)} />
      ) : (
        <h2 className="plan-card__title">
          <Link to={planPath(plan.id)}>{plan.title}</Link>
        </h2>
      )}
      {day && (
        <p className="plan-card__when">
          <span>{formatDate(day, lang, 'medium')}</span>
          <span className="plan-card__countdown">
            {relativeDay(daysFromToday(day, new Date()))}
          </span>
        </p>
      )}
      <ProgressMeter
        compact
        progress={progress}
        label={t('plans.progressLabel', { title: plan.title })}
      />
      {/* So that, with storage full, the plan to delete is plain to see (a file can hold much
          more than its pages show). */}
      {(showSize || isLargePlan(plan)) && (
        <p className="plan-card__size">
          {t('plans.stored', { size: storedSizeText(storedSize(plan), t, lang) })}
        </p>
      )}
      <div className="plan-card__actions">
        <Button variant="quiet" onClick={() => setRenaming(true)} disabled={renaming}>
          {t('plans.rename')}
        </Button>
        <Button variant="quiet" onClick={duplicate}>
          {t('plans.duplicate')}
        </Button>
        <Button variant="quiet" danger onClick={() => onRemove(plan.id)}>
          {t('plans.delete')}
        </Button>
      </div>
    </li>
  );
});

function RenameForm({ plan, onDone }: { plan: Plan; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(plan.title);
  const [error, setError] = useState<FieldError | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validateTitle(value);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    plansStore.getState().updatePlan(plan.id, (p) => setPlanTitle(p, result.value));
    onDone();
  };

  return (
    <form
      className="rename-form"
      onSubmit={submit}
      noValidate
      {...unsavedMark(value !== plan.title)}
    >
      <label htmlFor={id}>{t('plans.nameLabel')}</label>
      <div className="rename-form__row">
        <input
          id={id}
          value={value}
          maxLength={LIMITS.titleLength}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the user just asked to rename: type at once.
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              onDone();
            }
          }}
        />
        <Button type="submit" variant="primary">
          {t('action.save')}
        </Button>
        <Button onClick={onDone}>{t('action.cancel')}</Button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {fieldErrorText(t, error)}
        </p>
      )}
    </form>
  );
}
