import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { announce } from '@/components/announcer';
import { plansStore, usePlanHistory } from '@/store/plans-store';

const isMac = () =>
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** True where the browser's own text undo should win: inside a text field. */
function isTextEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file'].includes(target.type)
  );
}

/**
 * Undo and Redo for every edit of the plan, as buttons and as Ctrl+Z / Ctrl+Shift+Z (Cmd on
 * macOS; Ctrl+Y too). Inside a text field the keys keep their usual meaning for that field.
 */
export function UndoRedo({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const { canUndo, canRedo } = usePlanHistory(planId);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = isMac() ? event.metaKey : event.ctrlKey;
      if (!mod || event.altKey || isTextEditing(event.target)) return;
      const key = event.key.toLowerCase();
      const redo = (key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey);
      const undo = key === 'z' && !event.shiftKey;
      if (!undo && !redo) return;
      event.preventDefault();
      const done = redo ? plansStore.getState().redo(planId) : plansStore.getState().undo(planId);
      if (done) announce(redo ? t('history.redone') : t('history.undone'));
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [planId, t]);

  const shortcut = isMac()
    ? { undo: 'Meta+Z', redo: 'Meta+Shift+Z' }
    : { undo: 'Control+Z', redo: 'Control+Shift+Z' };
  return (
    <div className="undo-redo" role="group" aria-label={t('history.label')}>
      <button
        type="button"
        className="button"
        disabled={!canUndo}
        aria-keyshortcuts={shortcut.undo}
        onClick={() => plansStore.getState().undo(planId) && announce(t('history.undone'))}
      >
        <span aria-hidden="true">↶</span> {t('history.undo')}
      </button>
      <button
        type="button"
        className="button"
        disabled={!canRedo}
        aria-keyshortcuts={shortcut.redo}
        onClick={() => plansStore.getState().redo(planId) && announce(t('history.redone'))}
      >
        <span aria-hidden="true">↷</span> {t('history.redo')}
      </button>
    </div>
  );
}
