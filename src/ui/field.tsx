import { clsx } from 'clsx';
import { useId, type ReactNode } from 'react';

// Its sheet, field.css beside it, loads with the first page (main.tsx): forms on every page use
// its classes (.field, .form-grid) without this component.

/** What a field's control needs to be named and described: spread it on the input. */
export interface FieldControl {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * A label, its control, a hint and an error, wired together: the label names the control, and
 * the control is described by the error (first: it is what matters now) and the hint, and marked
 * invalid while there is an error. The control itself is the caller's (`children` gets the
 * wiring), so any input, select or textarea fits.
 */
export function Field({
  id: givenId,
  label,
  hint,
  error,
  wide = false,
  children,
}: {
  /** The control's id, when the caller needs it (to focus the first field with an error). */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The error's text; none (or empty): the value is fine. */
  error?: ReactNode;
  /** Spans the whole row of a `.form-grid`. */
  wide?: boolean;
  children: (control: FieldControl) => ReactNode;
}) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const hasError = Boolean(error);
  const describedBy = clsx(hasError && `${id}-error`, hint && `${id}-hint`) || undefined;
  return (
    <div className={clsx('field', wide && 'field--wide')}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': hasError ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {hasError && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
