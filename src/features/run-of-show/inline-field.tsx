import { clsx } from 'clsx';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type InputHTMLAttributes,
  type KeyboardEvent,
  type TextareaHTMLAttributes,
} from 'react';
import { draftAttributes } from '@/ui/history-shortcut';

interface InlineFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'onBlur' | 'onKeyDown'
> {
  label: string;
  /** Show the label on screen (otherwise it is for screen readers only, e.g. in a table row). */
  showLabel?: boolean;
  value: string;
  /** Saves `raw`; returns an error message to refuse it (the last good value then stays). */
  onCommit: (raw: string) => string | null;
  hint?: string;
  /**
   * A text that may be long (an agenda item's title): shown whole, wrapping onto as many lines as
   * it needs, still one line of text (Enter saves; line breaks typed or pasted become spaces).
   */
  multiline?: boolean;
  /**
   * With `autoFocus`: the text is selected as the field appears, so that what the user types
   * replaces a placeholder such as "New item" rather than joining it.
   */
  selectOnFocus?: boolean;
}

/**
 * A field edited in place: Enter or leaving the field (Tab, a click elsewhere) saves it, Escape
 * puts the saved value back. A refused value shows why beside the field and is not saved.
 */
export function InlineField({
  label,
  showLabel = false,
  value,
  onCommit,
  hint,
  className,
  multiline = false,
  autoFocus,
  selectOnFocus = false,
  ...input
}: InlineFieldProps) {
  const id = useId();
  const fieldRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => {
    if (autoFocus && selectOnFocus) fieldRef.current?.select();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, as the field appears.
  }, []);
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  const [error, setError] = useState<string | null>(null);
  // The saved value changed from elsewhere (undo, another row's edit): show it.
  if (value !== shown) {
    setShown(value);
    setDraft(value);
    setError(null);
  }

  const commit = (keepDraftOnError: boolean) => {
    if (draft === value) {
      setError(null);
      return;
    }
    const problem = onCommit(draft);
    // Accepted: show the value as saved ("1h15" reads back as "75"); a changed value arrives
    // through `value` on the next render and replaces this. Refused on Enter: the typed value
    // stays with the message. Refused on leaving: the saved value is back, so no message under
    // it (it would seem to refuse the saved value).
    const reverted = !problem || !keepDraftOnError;
    setError(reverted ? null : problem);
    if (reverted) setDraft(value);
  };

  /*
   * Typing not yet saved with Enter or by leaving the field is saved when the page is hidden or
   * closed (a reload, a closed tab, a link to another site) and when the field goes away (a link
   * within the app), as the notes are. The listeners run in the capture phase on `window`, so
   * before the store's own, which then writes the edit to storage at once.
   */
  const pending = useRef<() => void>(() => {});
  useLayoutEffect(() => {
    pending.current = () => {
      if (draft !== value) commit(false);
    };
  });
  useEffect(() => {
    const save = () => pending.current();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') save();
    };
    window.addEventListener('pagehide', save, true);
    window.addEventListener('visibilitychange', onVisibility, true);
    return () => {
      window.removeEventListener('pagehide', save, true);
      window.removeEventListener('visibilitychange', onVisibility, true);
      save();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit(true);
    } else if (e.key === 'Escape') {
      if (draft !== value || error) e.preventDefault();
      setDraft(value);
      setError(null);
    }
  };

  const describedBy = clsx(error && `${id}-error`, hint && `${id}-hint`) || undefined;
  const fieldProps = {
    id,
    ref: fieldRef,
    autoFocus,
    value: draft,
    // "saved" until something is typed: then Ctrl+Z is the field's own text undo, and once
    // Enter commits, the plan's undo (see history-shortcut.ts).
    ...draftAttributes(draft, value),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onBlur: () => commit(false),
    onKeyDown,
  };
  return (
    <span className={clsx('inline-field', className)}>
      <label htmlFor={id} className={showLabel ? 'inline-field__label' : 'visually-hidden'}>
        {label}
      </label>
      {multiline ? (
        <textarea
          {...(input as TextareaHTMLAttributes<HTMLTextAreaElement>)}
          {...fieldProps}
          rows={1}
          className="inline-field__multiline"
          onChange={(e) => setDraft(e.target.value.replace(/[\r\n]+/g, ' '))}
        />
      ) : (
        <input {...input} {...fieldProps} onChange={(e) => setDraft(e.target.value)} />
      )}
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
