import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ErrorNotice } from '@/components/error-notice';
import { fileErrorText, type ReadError } from '@/components/file-error-text';
import { PageLoading } from '@/components/page-loading';
import { PlanDocument } from '@/components/plan-document';
import { useDocumentTitle } from '@/components/use-document-title';
import type { Plan } from '@/plan/schema';
import { decodeShareFragment } from '@/plan/share-link';
import { importPlans } from '@/store/plans-store';
import { planPath } from '@/plan/paths';

type State =
  { status: 'loading' } | { status: 'ok'; plan: Plan } | { status: 'error'; error: ReadError };

/** A plan opened from a share link: read-only until the user adds it to their plans. */
export function SharedPlanPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const navigate = useNavigate();
  const [state, setState] = useState<State>({ status: 'loading' });
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
    const message = fileErrorText(state.error, t);
    return (
      <div className="page page--narrow">
        <h1>{t('shared.errorTitle')}</h1>
        <ErrorNotice title={message.title} details={message.details} />
        <p>
          <Link to="/" className="button">
            {t('notFound.backToPlans')}
          </Link>
        </p>
      </div>
    );
  }
  const add = () => {
    const result = importPlans([state.plan]);
    if (result.ok) navigate(planPath(result.plans[0]!.id));
    else setState({ status: 'error', error: result.error });
  };
  return (
    <div className="page">
      <div className="notice notice--info shared-banner">
        <p>{t('shared.intro')}</p>
        <button type="button" className="button button--primary" onClick={add}>
          {t('shared.add')}
        </button>
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
