import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/ui/button';
import { PageLoading } from '@/ui/page-loading';
import { getPlanCount, subscribePlanCount } from '@/store/plan-count';

/**
 * "No plans yet", with the way to create the first one: part of the page's frame, not of the
 * list, so that on a first visit it answers as soon as the page does (plan-count.ts). It shows
 * while the list holds no plans, and gives way to the list when a plan appears.
 */
const usePlanCount = () => useSyncExternalStore(subscribePlanCount, getPlanCount, getPlanCount);

export function EmptyState({ onCreate }: { onCreate: () => void }) {
  const { t } = useTranslation();
  const count = usePlanCount();
  if (count !== 0) return null;
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('plans.emptyTitle')}</h2>
      <p>{t('plans.emptyBody')}</p>
      <Button variant="primary" onClick={onCreate}>
        {t('plans.createFirst')}
      </Button>
    </section>
  );
}

/** Where the list goes while its code loads: a loading line, unless there is nothing to list. */
export function ListLoading() {
  return usePlanCount() === 0 ? null : <PageLoading />;
}
