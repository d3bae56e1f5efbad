import type { ParseKeys } from 'i18next';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Icon } from '@/ui/icon';
import { NotFoundPage } from '@/ui/not-found-page';
import { PlanDocument, type DocumentOptions } from '@/ui/plan-document';
import { useDocumentTitle } from '@/ui/hooks/use-document-title';
import { usePlan } from '@/store/plans-store';
import { planPath } from '@/plan/paths';
import { Button } from '@/ui/button';
import '@/ui/plan-document.css';

/** The on-screen options: what the printed plan includes. */
const INCLUDE: Readonly<Record<keyof DocumentOptions, ParseKeys>> = {
  checklist: 'print.include.checklist',
  doneSteps: 'print.include.doneSteps',
  notes: 'print.include.notes',
};

/**
 * The printable plan. The options are on screen only; print CSS hides the app's frame and
 * these controls, so the paper holds the plan alone. Arriving from the plan's Print button (its
 * navigation state says so) opens the print dialog at once; a link from elsewhere
 * can't: an address is no way to open a dialog on someone.
 */
export function PrintPage() {
  const { planId } = useParams();
  const plan = usePlan(planId);
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const id = useId();
  const [options, setOptions] = useState<DocumentOptions>({
    checklist: true,
    doneSteps: true,
    notes: true,
  });
  useDocumentTitle(plan ? t('print.documentTitle', { title: plan.title }) : undefined);

  // Read once, and cleared as soon as the dialog is asked for (the state outlives a reload).
  const [openDialog] = useState(() => isPrintNow(location.state));
  const asked = useRef(false);
  useEffect(() => {
    if (!plan || !openDialog || asked.current) return;
    asked.current = true;
    void navigate(location.pathname, { replace: true, state: null });
    // After the page has painted, so the dialog previews the finished plan.
    window.requestAnimationFrame(() => window.print());
  }, [plan, openDialog, navigate, location.pathname]);

  if (!plan) return <NotFoundPage kind="plan" />;
  const toggle = (key: keyof DocumentOptions) => setOptions((o) => ({ ...o, [key]: !o[key] }));
  return (
    <div className="print-page">
      <div className="print-toolbar no-print">
        <Link to={planPath(plan.id)} className="back-link">
          <Icon name="back" className="icon--before" />
          {t('print.back')}
        </Link>
        <fieldset className="print-options">
          <legend className="visually-hidden">{t('print.options')}</legend>
          {(['checklist', 'doneSteps', 'notes'] as const).map((key) => (
            <label key={key} htmlFor={`${id}-${key}`}>
              <input
                id={`${id}-${key}`}
                type="checkbox"
                checked={options[key]}
                disabled={key === 'doneSteps' && !options.checklist}
                onChange={() => toggle(key)}
              />{' '}
              {t(INCLUDE[key])}
            </label>
          ))}
        </fieldset>
        <Button variant="primary" onClick={() => window.print()}>
          {t('print.print')}
        </Button>
      </div>
      <PlanDocument plan={plan} options={options} />
    </div>
  );
}

/** The navigation state of the plan's Print button, `{ printNow: true }`: open the dialog. */
function isPrintNow(state: unknown): boolean {
  return (state as { printNow?: unknown } | null)?.printNow === true;
}
