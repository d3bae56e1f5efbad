import { useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorNotice } from '@/components/error-notice';
import { fileErrorText, type ReadError } from '@/components/file-error-text';
import { UndoBar } from '@/components/undo-bar';
import { useDocumentTitle } from '@/components/use-document-title';
import type { Plan } from '@/plan/schema';
import { plansStore, usePlans } from '@/store/plans-store';
import { CreatePlanDialog } from './create-plan-dialog';
import { ImportDialog, type MergeOffer } from './import-dialog';
import { PlanCard } from './plan-card';
import { useImportPlan } from './use-import-plan';

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

export function PlansPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('plans.title'));
  const plans = usePlans((state) => state.plans);
  const [creating, setCreating] = useState(false);
  // Every plan deleted since the bar was last dismissed, latest last: Undo brings them back one
  // by one, latest first, each to the place it had.
  const [removed, setRemoved] = useState<{ plan: Plan; index: number }[]>([]);
  const lastRemoved = removed.at(-1);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<Plan[] | null>(null);
  const [dropError, setDropError] = useState<ReadError | null>(null);
  const [dragging, setDragging] = useState(false);
  const { fromFile } = useImportPlan();
  const [offer, setOffer] = useState<MergeOffer | null>(null);
  const navigate = useNavigate();

  const onImported = (plans: Plan[]) => {
    setImporting(false);
    setDropError(null);
    setImported(plans);
  };

  // A plan file dropped anywhere on the page is imported, like one chosen in the dialog.
  const dropProps = {
    onDragOver: (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave: (event: DragEvent) => {
      if (event.currentTarget === event.target) setDragging(false);
    },
    onDrop: async (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const file = event.dataTransfer.files[0];
      if (!file) return;
      const outcome = await fromFile(file);
      if (outcome.ok && outcome.offer) {
        // A copy of a plan already here: the dialog asks whether to merge it.
        setDropError(null);
        setOffer(outcome.offer);
        setImporting(true);
      } else if (outcome.ok) onImported(outcome.plans);
      else {
        setImported(null);
        setDropError(outcome.error);
      }
    },
  };
  const dropMessage = dropError ? fileErrorText(dropError, t) : null;

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
    if (result) setRemoved((list) => [...list, result]);
  };

  const undoRemove = () => {
    if (!lastRemoved) return;
    plansStore.getState().reinsertPlan(lastRemoved.plan, lastRemoved.index);
    setRemoved((list) => list.slice(0, -1));
  };

  return (
    <div
      className={dragging ? 'page drop-target drop-target--active' : 'page drop-target'}
      {...dropProps}
    >
      <div className="page-head">
        <h1>{t('plans.title')}</h1>
        <div className="page-head__actions">
          <button type="button" className="button" onClick={() => setImporting(true)}>
            {t('import.open')}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => setCreating(true)}
          >
            {t('plans.new')}
          </button>
        </div>
      </div>
      {dragging && <p className="drop-hint">{t('import.dropHere')}</p>}
      <div role="status" className="import-status">
        {imported?.length === 1 && (
          <p className="notice notice--ok">
            {t('import.done', { title: imported[0]!.title })}{' '}
            <Link to={`/plans/${imported[0]!.id}`}>{t('import.openPlan')}</Link>
          </p>
        )}
        {imported && imported.length > 1 && (
          <p className="notice notice--ok">{t('import.doneMany', { count: imported.length })}</p>
        )}
      </div>
      {dropMessage && <ErrorNotice title={dropMessage.title} details={dropMessage.details} />}

      <UndoBar
        message={lastRemoved ? t('plans.deleted', { title: lastRemoved.plan.title }) : null}
        onUndo={undoRemove}
        onDismiss={() => setRemoved([])}
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
      <ImportDialog
        open={importing}
        onClose={() => {
          setImporting(false);
          setOffer(null);
        }}
        onImported={onImported}
        onMerged={(plan) => {
          setImporting(false);
          navigate(`/plans/${plan.id}`);
        }}
        offer={offer}
        onOffer={setOffer}
      />
    </div>
  );
}
