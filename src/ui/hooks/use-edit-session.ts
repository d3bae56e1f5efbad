import { useCallback, useRef } from 'react';

let sessions = 0;

/**
 * Groups the edits of one field into one undo step: the key changes each time the field gains
 * focus, so typing a whole title undoes at once, while the next visit to the field is a new step.
 */
export function useEditSession(field: string): { onFocus: () => void; key: () => string } {
  const current = useRef<string>('');
  const onFocus = useCallback(() => {
    sessions += 1;
    current.current = `${field}#${sessions}`;
  }, [field]);
  const key = useCallback(() => current.current || `${field}#${++sessions}`, [field]);
  return { onFocus, key };
}
