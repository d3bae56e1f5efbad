import { Suspense, useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ReadError } from '@/ui/file-error-text';
import { useDocumentTitle } from '@/ui/hooks/use-document-title';
import type { Plan } from '@/plan/schema';
import { withAllTexts } from '@/i18n/texts';
import { LoadWhenOpened, NotLoaded, retryableLazy } from '@/ui/lazy-dialog';
import type { GuideRequest } from './guide-import-dialog';
import type { MergeOffer } from './import-dialog';
import type { ImportOutcome } from './use-import-plan';
import { ListLoading } from './empty-state';
import { LazyPlanList, LazySetAsideSlot, NoPlansYet } from './lazy-plan-list';
import { planPath } from '@/plan/paths';
import { Button } from '@/ui/button';
import { whenIdle } from '@/ui/when-idle';
import { isolated } from '@/plan/isolate';
import './plans-page.css';

// The dialogs load when first opened: the import's merge and its summary, and the create form
// with its templates, are not needed to show the plans. So do the words for a refused file, the
// first time a dropped one is refused. Each shows texts beyond the start texts: it waits for them.
const CreatePlanDialog = retryableLazy(() =>
  withAllTexts(import('./create-plan-dialog')).then((m) => ({ default: m.CreatePlanDialog })),
);
const ImportDialog = retryableLazy(() =>
  withAllTexts(import('./import-dialog')).then((m) => ({ default: m.ImportDialog })),
);
// The guide dialog's frame: it shows the start texts' loading line, then loads its content.
const GuideImportDialog = retryableLazy(() =>
  import('./guide-import-dialog').then((m) => ({ default: m.GuideImportDialog })),
);
const FileErrorNotice = retryableLazy(() =>
  withAllTexts(import('@/ui/file-error-notice')).then((m) => ({ default: m.FileErrorNotice })),
);

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/**
 * Once the page is up and the browser has nothing else to do, the dialogs' code is fetched
 * ahead, so "New plan" opens at once on a slow network too (it is not part of what the page
 * needs to show, and a failure here is only tried again when the dialog opens).
 */
function usePrefetchDialogs() {
  useEffect(() => {
    const prefetch = () => {
      void CreatePlanDialog.preload().catch(() => {});
      void ImportDialog.preload().catch(() => {});
    };
    return whenIdle(prefetch, { fallback: 2000 });
  }, []);
}

export function PlansPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('plans.title'));
  usePrefetchDialogs();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<Plan[] | null>(null);
  const [dropError, setDropError] = useState<ReadError | null>(null);
  const [dragging, setDragging] = useState(false);
  const [guideRequest, setGuideRequest] = useState<GuideRequest | null>(null);
  const [offer, setOffer] = useState<MergeOffer | null>(null);
  const navigate = useNavigate();

  const onImported = (plans: Plan[]) => {
    setImporting(false);
    setDropError(null);
    setImported(plans);
  };

  const openGuideImport = (request: Omit<GuideRequest, 'id'>) =>
    setGuideRequest((current) => ({ ...request, id: (current?.id ?? 0) + 1 }));

  // A plan file dropped anywhere on the page is imported, like one chosen in the dialog; guide
  // files (Markdown, text, saved web pages) open the guide preview.
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
      const files = [...event.dataTransfer.files];
      if (files.length === 0) return;
      let sorted: { plans: File[]; guides: File[] };
      try {
        sorted = await (await import('./guide-files')).sortDroppedFiles(files);
      } catch {
        // The importer could not be loaded (offline before it was cached): plan files still work.
        sorted = { plans: files, guides: [] };
      }
      if (sorted.guides.length > 0) openGuideImport({ files: sorted.guides });
      const [file] = sorted.plans;
      if (!file) return;
      let outcome: ImportOutcome;
      try {
        // With the list and the store, which the page has loaded already, as a rule.
        outcome = await (await import('./use-import-plan')).importFromFile(file);
      } catch {
        outcome = { ok: false, error: { code: 'notLoaded' } };
      }
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

  return (
    <div
      className={dragging ? 'page drop-target drop-target--active' : 'page drop-target'}
      {...dropProps}
    >
      <div className="page-head">
        <h1>{t('plans.title')}</h1>
        <div className="page-head__actions">
          <Button onClick={() => setImporting(true)}>{t('import.open')}</Button>
          <Button variant="primary" onClick={() => setCreating(true)}>
            {t('plans.new')}
          </Button>
        </div>
      </div>
      {dragging && <p className="drop-hint">{t('import.dropHere')}</p>}
      <div role="status" className="import-status">
        {imported?.length === 1 && (
          <p className="notice notice--ok">
            {t('import.done', { title: isolated(imported[0]!.title) })}{' '}
            <Link to={planPath(imported[0]!.id)}>{t('import.openPlan')}</Link>
          </p>
        )}
        {imported && imported.length > 1 && (
          <p className="notice notice--ok">{t('import.doneMany', { count: imported.length })}</p>
        )}
      </div>
      {dropError && (
        <Suspense fallback={null}>
          <FileErrorNotice error={dropError} />
        </Suspense>
      )}

      {/* The list, once its code is in (a loading line meanwhile, should there be plans, and
          "could not be downloaded" with "Try again" should it fail, the rest of the page kept);
          "No plans yet" as soon as it is known that there are none (on a first visit, at once). */}
      <NotLoaded>
        <Suspense fallback={<ListLoading />}>
          <LazyPlanList
            // "… was added. Open it" goes once a plan it names is deleted: its link would lead
            // to "Plan not found".
            onRemoved={(id) =>
              setImported((plans) => (plans?.some((plan) => plan.id === id) ? null : plans))
            }
          />
        </Suspense>
      </NotLoaded>
      <Suspense fallback={null}>
        <NoPlansYet onCreate={() => setCreating(true)} />
      </Suspense>
      {/* Copies of data set aside, if any: after the plans, or after "No plans yet". */}
      <NotLoaded quiet>
        <Suspense fallback={null}>
          <LazySetAsideSlot />
        </Suspense>
      </NotLoaded>

      <LoadWhenOpened open={creating}>
        <CreatePlanDialog
          open={creating}
          onClose={() => setCreating(false)}
          onStartFromGuide={(eventDate) => {
            setCreating(false);
            openGuideImport(eventDate ? { eventDate } : {});
          }}
        />
      </LoadWhenOpened>
      <LoadWhenOpened open={guideRequest !== null}>
        <GuideImportDialog request={guideRequest} onClose={() => setGuideRequest(null)} />
      </LoadWhenOpened>
      <LoadWhenOpened open={importing}>
        <ImportDialog
          open={importing}
          onClose={() => {
            setImporting(false);
            setOffer(null);
          }}
          onImported={onImported}
          onMerged={(plan) => {
            setImporting(false);
            navigate(planPath(plan.id), { state: { focusMerge: true } });
          }}
          offer={offer}
          onOffer={setOffer}
        />
      </LoadWhenOpened>
    </div>
  );
}
