import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { announce } from '@/ui/announcer';
import { historyShortcut } from '@/ui/history-shortcut';
import { plansStore, usePlanHistory } from '@/store/plans-store';
import { Button } from '@/ui/button';

const isMac = () =>
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * Undo and Redo for every edit of the plan, as buttons and as Ctrl+Z / Ctrl+Shift+Z (Cmd on
 * macOS; Ctrl+Y too). Inside a text field with uncommitted typing the keys keep their usual
 * meaning for that field; once the field holds its committed value they undo the plan's edit.
 */
export function UndoRedo({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const { canUndo, canRedo } = usePlanHistory(planId);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = historyShortcut(event, isMac());
      if (!action) return;
      event.preventDefault();
      const redo = action === 'redo';
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
      <Button
        disabled={!canUndo}
        aria-keyshortcuts={shortcut.undo}
        onClick={() => plansStore.getState().undo(planId) && announce(t('history.undone'))}
      >
        <span aria-hidden="true">↶</span> {t('history.undo')}
      </Button>
      <Button
        disabled={!canRedo}
        aria-keyshortcuts={shortcut.redo}
        onClick={() => plansStore.getState().redo(planId) && announce(t('history.redone'))}
      >
        <span aria-hidden="true">↷</span> {t('history.redo')}
      </Button>
    </div>
  );
}
