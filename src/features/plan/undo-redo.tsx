import { useEffect, useRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { announce } from '@/ui/announcer';
import { historyShortcut } from '@/ui/history-shortcut';
import { keepFocusInView } from '@/ui/keep-focus-in-view';
import { mergeReports } from '@/store/merge-reports';
import { plansStore, usePlanHistory } from '@/store/plans-store';
import { Button } from '@/ui/button';
import { Icon } from '@/ui/icon';

const isMac = () =>
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * One step back or forward, announced.
 */
function travel(planId: string, action: 'undo' | 'redo', t: TFunction) {
  const done =
    action === 'redo' ? plansStore.getState().redo(planId) : plansStore.getState().undo(planId);
  if (!done) return;
  // The merge's summary closes once the merge itself is undone (its plan from before the merge
  // has left the undo history); undoing a choice made after it keeps the summary.
  const report = mergeReports.getState().reports[planId];
  const past = plansStore.getState().history[planId]?.past ?? [];
  if (report && !past.includes(report.before)) mergeReports.getState().dismiss(planId);
  announce(action === 'redo' ? t('history.redone') : t('history.undone'));
  // A step or item put back above the one with focus pushes it down, maybe off the screen.
  keepFocusInView();
}

/**
 * Undo and Redo for every edit of the plan, as buttons and as Ctrl+Z / Ctrl+Shift+Z (Cmd on
 * macOS; Ctrl+Y too). Inside a text field with uncommitted typing the keys keep their usual
 * meaning for that field; once the field holds its committed value they undo the plan's edit.
 */
export function UndoRedo({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const { canUndo, canRedo } = usePlanHistory(planId);
  const undoRef = useRef<HTMLButtonElement>(null);
  const redoRef = useRef<HTMLButtonElement>(null);
  /** The button just pressed, while it may be about to disable itself. */
  const pressed = useRef<'undo' | 'redo' | null>(null);

  // A button that disabled itself (the last Undo) hands focus to the other, not to the page.
  useEffect(() => {
    if (pressed.current === 'undo' && !canUndo) redoRef.current?.focus();
    if (pressed.current === 'redo' && !canRedo) undoRef.current?.focus();
    pressed.current = null;
  }, [canUndo, canRedo]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = historyShortcut(event, isMac());
      if (!action) return;
      event.preventDefault();
      travel(planId, action, t);
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
        ref={undoRef}
        disabled={!canUndo}
        aria-keyshortcuts={shortcut.undo}
        onClick={() => {
          pressed.current = 'undo';
          travel(planId, 'undo', t);
        }}
      >
        <Icon name="undo" /> {t('history.undo')}
      </Button>
      <Button
        ref={redoRef}
        disabled={!canRedo}
        aria-keyshortcuts={shortcut.redo}
        onClick={() => {
          pressed.current = 'redo';
          travel(planId, 'redo', t);
        }}
      >
        <Icon name="redo" /> {t('history.redo')}
      </Button>
    </div>
  );
}
