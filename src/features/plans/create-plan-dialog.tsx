import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '@/ui/dialog';
import { Field as FormField } from '@/ui/field';
import { useNavigate } from 'react-router';
import { fieldErrorText } from '@/ui/field-error-text';
import { browserDeps, createPlanFromTemplate } from '@/plan/create-plan';
import { daysFromToday, defaultEventDate, parseDay } from '@/plan/dates';
import {
  validateDate,
  validateText,
  validateTime,
  validateTitle,
  type FieldError,
} from '@/plan/event-fields';
import { LIMITS } from '@/plan/schema';
import { TEMPLATES, findTemplate, type TemplateId } from '@/plan/templates';
import { plansStore } from '@/store/plans-store';
import { planPath } from '@/plan/paths';
import { usePreloadPage } from '@/ui/preload-page';
import { TEMPLATE_TEXTS } from './template-texts';
import { Button } from '@/ui/button';

type Field = 'title' | 'date' | 'startTime' | 'place';

/**
 * The native <dialog> gives a real modal: focus moves in and stays, Escape closes it, and the
 * page behind is inert.
 */
export function CreatePlanDialog({
  open,
  onClose,
  onStartFromGuide,
}: {
  open: boolean;
  onClose: () => void;
  /** Switches to the guide import, with the event date typed so far (if any). */
  onStartFromGuide: (eventDate: string | undefined) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} labelledBy="create-plan-title">
      <CreatePlanForm onCancel={onClose} onStartFromGuide={onStartFromGuide} />
    </Dialog>
  );
}

function CreatePlanForm({
  onCancel,
  onStartFromGuide,
}: {
  onCancel: () => void;
  onStartFromGuide: (eventDate: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const { t: tg } = useTranslation('guide');
  const navigate = useNavigate();
  // The new plan's page, fetched while the form is filled in: "Create plan" opens it at once.
  usePreloadPage(planPath('new'));
  const formId = useId();
  const [templateId, setTemplateId] = useState<TemplateId>('school-assembly');
  const template = findTemplate(templateId)!;
  const defaults = (id: TemplateId) => {
    const texts = TEMPLATE_TEXTS[id];
    return { title: tg(texts.title), place: texts.place ? tg(texts.place) : '' };
  };
  const [values, setValues] = useState<Record<Field, string>>(() => ({
    ...defaults('school-assembly'),
    date: defaultEventDate(new Date()),
    startTime: '10:00',
  }));
  // Fields the user typed in keep their text when another template is picked.
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [errors, setErrors] = useState<Partial<Record<Field, FieldError>>>({});

  const pickTemplate = (id: TemplateId) => {
    setTemplateId(id);
    const next = defaults(id);
    setValues((v) => ({
      ...v,
      title: touched.title ? v.title : next.title,
      place: touched.place ? v.place : next.place,
    }));
  };

  const change = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setTouched((v) => ({ ...v, [field]: true }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const title = validateTitle(values.title);
    const date = validateDate(values.date);
    const startTime = validateTime(values.startTime);
    const place = validateText(values.place, LIMITS.placeLength);
    const nextErrors: Partial<Record<Field, FieldError>> = {
      title: title.ok ? undefined : title.error,
      date: date.ok ? undefined : date.error,
      startTime: startTime.ok ? undefined : startTime.error,
      place: place.ok ? undefined : place.error,
    };
    setErrors(nextErrors);
    if (!title.ok || !date.ok || !startTime.ok || !place.ok) {
      const first = (['title', 'date', 'startTime', 'place'] as const).find((f) => nextErrors[f]);
      if (first) document.getElementById(`${formId}-${first}`)?.focus();
      return;
    }
    const plan = createPlanFromTemplate(
      template.id,
      { title: title.value, date: date.value, startTime: startTime.value, place: place.value },
      browserDeps,
    );
    plansStore.getState().addPlan(plan);
    // The new plan's page takes focus on its heading (the dialog and its button are gone).
    navigate(planPath(plan.id), { state: { focusHeading: true } });
  };

  const fieldProps = (field: Field) => ({
    value: values[field],
    onChange: (e: { target: { value: string } }) => change(field, e.target.value),
  });
  const fieldError = (field: Field) => {
    const error = errors[field];
    return error ? fieldErrorText(t, error) : null;
  };

  return (
    <form className="create-form" onSubmit={submit} noValidate>
      <h2 className="dialog__title" id="create-plan-title">
        {t('create.title')}
      </h2>
      <fieldset className="template-picker">
        <legend>{t('create.template')}</legend>
        {TEMPLATES.map((tpl) => (
          <label key={tpl.id} className="template-option">
            <input
              type="radio"
              name="template"
              value={tpl.id}
              checked={templateId === tpl.id}
              onChange={() => pickTemplate(tpl.id)}
            />
            <span className="template-option__body">
              <span className="template-option__name">{tg(TEMPLATE_TEXTS[tpl.id].name)}</span>
              <span className="template-option__description">
                {tg(TEMPLATE_TEXTS[tpl.id].description)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="guide-start">
        <Button
          aria-describedby={`${formId}-guide-hint`}
          onClick={() => {
            const date = validateDate(values.date);
            onStartFromGuide(date.ok ? date.value : undefined);
          }}
        >
          {t('guideImport.open')}
        </Button>
        <p className="field-hint" id={`${formId}-guide-hint`}>
          {t('guideImport.openHint')}
        </p>
      </div>
      <div className="form-grid">
        <FormField
          id={`${formId}-title`}
          label={t('details.title')}
          error={fieldError('title')}
          wide
        >
          {(control) => (
            <input {...control} {...fieldProps('title')} maxLength={LIMITS.titleLength} required />
          )}
        </FormField>
        <FormField
          id={`${formId}-date`}
          label={t('details.date')}
          error={fieldError('date')}
          // Allowed (a plan for an event already held), but rarely meant: said, not refused.
          hint={isPastDay(values.date) ? t('create.pastDate') : undefined}
        >
          {(control) => <input type="date" {...control} {...fieldProps('date')} required />}
        </FormField>
        <FormField
          id={`${formId}-startTime`}
          label={t('details.startTime')}
          error={fieldError('startTime')}
        >
          {(control) => <input type="time" {...control} {...fieldProps('startTime')} required />}
        </FormField>
        <FormField
          id={`${formId}-place`}
          label={t('details.place')}
          error={fieldError('place')}
          wide
        >
          {(control) => (
            <input {...control} {...fieldProps('place')} maxLength={LIMITS.placeLength} />
          )}
        </FormField>
      </div>
      <div className="dialog__actions">
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
        <Button type="submit" variant="primary">
          {t('create.submit')}
        </Button>
      </div>
    </form>
  );
}

/** Whether "YYYY-MM-DD" is a day before today. */
function isPastDay(value: string): boolean {
  const day = parseDay(value);
  return day !== null && daysFromToday(day, new Date()) < 0;
}
