import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCopyTitle } from '@/ui/hooks/use-copy-title';
import { Link, useLocation, useNavigate } from 'react-router';
import { ErrorNotice } from '@/ui/error-notice';
import { fileErrorText, type ReadError } from '@/ui/file-error-text';
import { MergeChoice, type MergeChoiceValue } from '@/ui/merge-choice';
import { PageLoading } from '@/ui/page-loading';
import { PlanDocument } from '@/ui/plan-document';
import { useDocumentTitle } from '@/ui/hooks/use-document-title';
import { setPlanTitle } from '@/plan/plan-edits';
import type { Plan } from '@/plan/schema';
import { decodeShareFragment } from '@/plan/share-link';
import { planPath } from '@/plan/paths';
import { mergeImportedPlan } from '@/store/merge-copy';
import { importPlans, usePlan } from '@/store/plans-store';
import { Button, buttonClass } from '@/ui/button';
import './share.css';
import { mergeRemovals, removesMost } from '@/plan/merge-summary';

type State =
  { status: 'loading' } | { status: 'ok'; plan: Plan } | { status: 'error'; error: ReadError };

/** A plan opened from a share link: read-only until the user adds it to their plans. */
export function SharedPlanPage() {
  const { t } = useTranslation();
  const copyTitle = useCopyTitle();
  const { hash } = useLocation();
  const navigate = useNavigate();
  const [state, setState] = useState<State>({ status: 'loading' });
  // null: not chosen yet, the default below.
  const [chosen, setChoice] = useState<MergeChoiceValue | null>(null);
  const [mergeFailed, setMergeFailed] = useState<'invalid' | 'notFound' | null>(null);
  // A link to a plan already here: offered for merging into it (the default) or adding apart.
  const existing = usePlan(state.status === 'ok' ? state.plan.id : undefined);
  // What merging would delete here, said before the choice; a link that would remove most of
  // the plan (a crafted one can claim to have deleted everything) is offered apart by default.
  const shared = state.status === 'ok' ? state.plan : null;
  const removals = useMemo(
    () => (existing && shared ? mergeRemovals(existing, shared) : undefined),
    [existing, shared],
  );
  const mostRemoved = existing && removals ? removesMost(existing, removals) : false;
  const choice = chosen ?? (mostRemoved ? 'separate' : 'merge');
  useDocumentTitle(state.status === 'ok' ? state.plan.title : t('shared.title'));

  useEffect(() => {
    let cancelled = false;
    void decodeShareFragment(hash).then((result) => {
      if (cancelled) return;
      setState(
        result.ok ? { status: 'ok', plan: result.plan } : { status: 'error', error: result.error },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [hash]);

  if (state.status === 'loading') return <PageLoading />;
  if (state.status === 'error') {
    const message = fileErrorText(state.error, t, 'link');
    return (
      <div className="page page--narrow">
        <h1>{t('shared.errorTitle')}</h1>
        <ErrorNotice title={message.title} details={message.details} />
        <p>
          <Link to="/" className={buttonClass()}>
            {t('notFound.backToPlans')}
          </Link>
        </p>
      </div>
    );
  }
  const add = () => {
    if (existing && choice === 'merge') {
      const merged = mergeImportedPlan(state.plan);
      if (merged.ok) navigate(planPath(merged.after.id), { state: { focusMerge: true } });
      else if (merged.reason === 'storageFull')
        setState({ status: 'error', error: { code: 'storageFull' } });
      else setMergeFailed(merged.reason);
      return;
    }
    // Added beside the same plan: named as Duplicate names a copy, so the two can be told apart.
    const plan = existing ? setPlanTitle(state.plan, copyTitle(state.plan.title)) : state.plan;
    const result = importPlans([plan]);
    if (result.ok) navigate(planPath(result.plans[0]!.id));
    else setState({ status: 'error', error: result.error });
  };
  return (
    <div className="page">
      <div className="notice notice--info shared-banner">
        <p>{t('shared.intro')}</p>
        {existing && (
          <MergeChoice
            title={existing.title}
            value={choice}
            onChange={setChoice}
            removes={removals}
          />
        )}
        {mergeFailed && (
          <ErrorNotice
            title={mergeFailed === 'notFound' ? t('merge.notFound') : t('merge.failed')}
            details={[]}
          />
        )}
        <Button variant="primary" onClick={add}>
          {existing ? t('merge.choice.continue') : t('shared.add')}
        </Button>
      </div>
      <div className="print-page">
        <PlanDocument
          plan={state.plan}
          options={{ checklist: true, doneSteps: true, notes: true }}
        />
      </div>
    </div>
  );
}
