import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/ui/button';
import { getPlanCount, subscribePlanCount } from '@/store/plan-count';

/**
 * "No plans yet", with the way to create the first one: part of the page's frame, not of the
 * list, so that on a first visit it answers as soon as the page does (plan-count.ts). It shows
 * while the list holds no plans, and gives way to the list when a plan appears.
 */
export function EmptyState({ onCreate }: { onCreate: () => void }) {
  const { t } = useTranslation();
  const count = useSyncExternalStore(subscribePlanCount, getPlanCount, getPlanCount);
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
