import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UndoBar } from '@/components/undo-bar';
import { useDocumentTitle } from '@/components/use-document-title';
import type { Plan } from '@/plan/schema';
import { plansStore, usePlans } from '@/store/plans-store';
import { CreatePlanDialog } from './create-plan-dialog';
import { PlanCard } from './plan-card';

export function PlansPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('plans.title'));
  const plans = usePlans((state) => state.plans);
  const [creating, setCreating] = useState(false);
  const [removed, setRemoved] = useState<{ plan: Plan; index: number } | null>(null);

  // Soonest event first; the stored order stays the creation order.
  const sorted = useMemo(
    () =>
      plans
        .slice()
        .sort(
          (a, b) =>
            a.event.date.localeCompare(b.event.date) || a.createdAt.localeCompare(b.createdAt),
        ),
    [plans],
  );

  const remove = (id: string) => {
    const result = plansStore.getState().removePlan(id);
    if (result) setRemoved(result);
  };

  const undoRemove = () => {
    if (!removed) return;
    plansStore.getState().reinsertPlan(removed.plan, removed.index);
    setRemoved(null);
  };

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('plans.title')}</h1>
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          {t('plans.new')}
        </button>
      </div>

      <UndoBar
        message={removed ? t('plans.deleted', { title: removed.plan.title }) : null}
        onUndo={undoRemove}
        onDismiss={() => setRemoved(null)}
      />

      {sorted.length === 0 ? (
        <section className="empty-state" aria-labelledby="empty-title">
          <h2 id="empty-title">{t('plans.emptyTitle')}</h2>
          <p>{t('plans.emptyBody')}</p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => setCreating(true)}
          >
            {t('plans.createFirst')}
          </button>
        </section>
      ) : (
        <ul className="plan-list" aria-label={t('plans.listLabel')}>
          {sorted.map((plan) => (
            <PlanCard key={plan.id} plan={plan} onRemove={remove} />
          ))}
        </ul>
      )}

      <CreatePlanDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
