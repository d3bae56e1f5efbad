import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/ui/button';
import './undo-bar.css';

/**
 * The message after a delete, with Undo. It lives in a status region that is always present, so
 * screen readers announce it; it stays until the user dismisses it (no time limit to react).
 */
export function UndoBar({
  message,
  onUndo,
  onDismiss,
  undoRef,
}: {
  message: string | null;
  onUndo: () => void;
  onDismiss: () => void;
  /** The Undo button, for a caller that moves focus to it. */
  undoRef?: Ref<HTMLButtonElement>;
}) {
  const { t } = useTranslation();
  return (
    <div className="undo-bar-region" role="status">
      {message && (
        <div className="undo-bar">
          <span>{message}</span>
          <Button ref={undoRef} onClick={onUndo}>
            {t('action.undo')}
          </Button>
          <Button variant="quiet" onClick={onDismiss}>
            {t('action.dismiss')}
          </Button>
        </div>
      )}
    </div>
  );
}
