import { useTranslation } from 'react-i18next';
import { runNumber } from '@/plan/live-show';
import type { ShowRecord } from '@/plan/schema';

/** A run's name: the organizer's label, or "Rehearsal 2" / "The event" ("The event, run 2"). */
export function useRunName(): (shows: readonly ShowRecord[], run: ShowRecord) => string {
  const { t } = useTranslation();
  return (shows, run) => {
    if (run.label) return run.label;
    const n = runNumber(shows, run);
    if (run.kind === 'rehearsal') return t('runs.rehearsal', { n });
    return n > 1 ? t('runs.eventAgain', { n }) : t('runs.event');
  };
}
