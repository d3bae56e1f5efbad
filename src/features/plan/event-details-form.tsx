import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '@/ui/field-error-text';
import { useEditSession } from '@/ui/hooks/use-edit-session';
import { Field } from '@/ui/field';
import {
  validateEventField,
  validateTitle,
  type EventField,
  type FieldError,
  type FieldResult,
} from '@/plan/event-fields';
import { setEventField, setPlanNotes, setPlanTitle } from '@/plan/plan-edits';
import { LIMITS, type Plan, type PlanEvent } from '@/plan/schema';
import { editPlan } from '@/store/plans-store';

type InputType = 'text' | 'date' | 'time' | 'number' | 'tel';

interface FieldSpec {
  name: EventField | 'title';
  label: string;
  type: InputType;
  maxLength?: number;
  wide?: boolean;
  hint?: string;
}

/**
 * The event's details, edited in place. Each valid value is saved as it is typed; a wrong one
 * shows why beside the field and is not saved, so the plan keeps its last good value.
 */
export function EventDetailsForm({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const fields: FieldSpec[] = [
    {
      name: 'title',
      label: t('details.title'),
      type: 'text',
      maxLength: LIMITS.titleLength,
      wide: true,
    },
    { name: 'date', label: t('details.date'), type: 'date' },
    { name: 'startTime', label: t('details.startTime'), type: 'time' },
    {
      name: 'place',
      label: t('details.place'),
      type: 'text',
      maxLength: LIMITS.placeLength,
      wide: true,
    },
    {
      name: 'targetMinutes',
      label: t('details.targetMinutes'),
      type: 'number',
      hint: t('details.targetHint'),
    },
    { name: 'participants', label: t('details.participants'), type: 'number' },
    {
      name: 'contactName',
      label: t('details.contactName'),
      type: 'text',
      maxLength: LIMITS.ownerLength,
    },
    {
      name: 'contactPhone',
      label: t('details.contactPhone'),
      type: 'tel',
      maxLength: LIMITS.phoneLength,
      hint: t('details.contactPhoneHint'),
    },
  ];
  return (
    <section className="panel" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('details.heading')}</h2>
      <div className="form-grid form-grid--aligned">
        {fields.map((spec) => (
          <DetailField key={spec.name} spec={spec} plan={plan} />
        ))}
        <NotesField plan={plan} />
      </div>
    </section>
  );
}

function storedValue(plan: Plan, name: FieldSpec['name']): string {
  const value = name === 'title' ? plan.title : plan.event[name];
  return value === null || value === undefined ? '' : String(value);
}

function DetailField({ spec, plan }: { spec: FieldSpec; plan: Plan }) {
  const { t } = useTranslation();
  const id = useId();
  const stored = storedValue(plan, spec.name);
  const [draft, setDraft] = useState(stored);
  const [lastStored, setLastStored] = useState(stored);
  const [error, setError] = useState<FieldError | null>(null);
  const session = useEditSession(`${plan.id}:${spec.name}`);
  // The plan changed from elsewhere (undo, another tab): show the new value.
  if (stored !== lastStored) {
    setLastStored(stored);
    if (!error) setDraft(stored);
  }

  const change = (raw: string) => {
    setDraft(raw);
    const result: FieldResult<unknown> =
      spec.name === 'title' ? validateTitle(raw) : validateEventField(spec.name, raw);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    const name = spec.name;
    editPlan(
      plan.id,
      (p) =>
        name === 'title'
          ? setPlanTitle(p, result.value as string)
          : setEventField(p, name, result.value as PlanEvent[typeof name]),
      { coalesce: session.key() },
    );
  };

  return (
    <Field
      id={id}
      label={spec.label}
      hint={spec.hint}
      error={error && fieldErrorText(t, error)}
      wide={spec.wide}
    >
      {(control) => (
        <input
          {...control}
          type={spec.type}
          inputMode={spec.type === 'number' ? 'numeric' : undefined}
          min={spec.type === 'number' ? 0 : undefined}
          maxLength={spec.maxLength}
          value={draft}
          onChange={(e) => change(e.target.value)}
          onFocus={session.onFocus}
          onBlur={() => {
            // Leaving a field with a refused value: the error stays visible, the plan unchanged.
            if (!error) setDraft(stored);
          }}
        />
      )}
    </Field>
  );
}

/** Free notes for the whole plan; saved as typed, one undo step per visit to the field. */
function NotesField({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const id = useId();
  const session = useEditSession(`${plan.id}:notes`);
  const [draft, setDraft] = useState(plan.notes);
  const [shown, setShown] = useState(plan.notes);
  if (plan.notes !== shown) {
    setShown(plan.notes);
    setDraft(plan.notes);
  }
  return (
    <div className="field field--wide">
      <label htmlFor={id}>{t('details.notes')}</label>
      <textarea
        id={id}
        rows={4}
        value={draft}
        maxLength={LIMITS.notesLength}
        onFocus={session.onFocus}
        onChange={(e) => {
          const value = e.target.value;
          setDraft(value);
          editPlan(plan.id, (p) => setPlanNotes(p, value), {
            coalesce: session.key(),
          });
        }}
      />
    </div>
  );
}
