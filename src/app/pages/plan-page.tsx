import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Link,
  NavLink,
  Outlet,
  Route,
  Routes,
  useLocation,
  useMatch,
  useParams,
} from 'react-router';
import { MergeSummary } from '@/features/plan/merge-summary';
import { NotFoundPage } from '@/ui/not-found-page';
import { useDocumentTitle } from '@/ui/hooks/use-document-title';
import { ChecklistView } from '@/features/checklist/checklist-view';
import { DraftView } from '@/features/drafts/draft-view';
import { EventDetailsForm } from '@/features/plan/event-details-form';
import { PrintsAsDocument } from '@/features/plan/prints-as-document';
import { UndoRedo } from '@/features/plan/undo-redo';
import { RunOfShowView } from '@/features/run-of-show/run-of-show-view';
import { SharePanel } from '@/features/share/share-panel';
import { formatDate } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { parseDay } from '@/plan/dates';
import { usableRuns } from '@/plan/live-show';
import { planPath } from '@/plan/paths';
import { usePlan } from '@/store/plans-store';
import { buttonClass } from '@/ui/button';
import { Icon } from '@/ui/icon';
import './plan-page.css';

/**
 * One plan: its details, checklist and run of show, each with its own address. This page is
 * where the plan's features meet (details, checklist, run of show, share, drafts, the way to the
 * live show), so it lives in app/, the one room that combines features.
 */
export function PlanPage() {
  const { planId } = useParams();
  const plan = usePlan(planId);
  const { t } = useTranslation();
  const lang = useLanguage();
  // A draft is opened from the checklist's steps: the checklist tab stays marked as where you are.
  const inDraft = useMatch('/plans/:planId/drafts/*') !== null;
  // No such plan: the tab says so, as the page does (the page below sets it first, then this).
  useDocumentTitle(plan ? plan.title : t('notFound.planTitle'));
  const location = useLocation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const arrival = location.state as { focusHeading?: boolean; focusMerge?: boolean } | null;
  const focusHeading = arrival?.focusHeading;
  // Arriving from "Create plan": focus lands on the new plan's name, not on the page's body.
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading, location.key]);
  // When the tabs scroll sideways (long labels, narrow window), the current one is in view.
  const tabsRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // Measured in the next frame, when the browser lays the page out anyway: read here, right
    // after React's commit, the sizes would lay out the whole new page in the commit's task
    // (one long task on a slow phone instead of two shorter ones). No media query is asked
    // either: that too makes the browser work out the page's styles in the commit's task. (On a
    // small phone the tabs are a 2×2 grid that never scrolls, and the check below ends it.)
    const frame = requestAnimationFrame(() => {
      const tabs = tabsRef.current;
      const current = tabs?.querySelector<HTMLElement>('[aria-current="page"]');
      if (!tabs || !current || tabs.scrollWidth <= tabs.clientWidth) return;
      const box = tabs.getBoundingClientRect();
      const tab = current.getBoundingClientRect();
      tabs.scrollLeft += tab.left - box.left - (box.width - tab.width) / 2;
    });
    return () => cancelAnimationFrame(frame);
  }, [location.pathname]);
  if (!plan) return <NotFoundPage kind="plan" />;
  const day = parseDay(plan.event.date);
  const base = planPath(plan.id);
  return (
    <div className="page">
      <p className="breadcrumb no-print">
        <Link to="/">
          <Icon name="back" className="icon--before" />
          {t('plan.backToPlans')}
        </Link>
      </p>
      <div className="page-head no-print">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {plan.title}
          </h1>
          {day && (
            <p className="page-head__sub">
              {formatDate(day, lang, 'long')}
              {plan.event.place && ` · ${plan.event.place}`}
            </p>
          )}
        </div>
        <div className="page-head__actions">
          <UndoRedo planId={plan.id} />
          <Link to={`${base}/live`} className={buttonClass()}>
            {usableRuns(plan.shows).some((run) => !run.finishedAt)
              ? t('plan.resumeShow')
              : t('plan.runShow')}
          </Link>
          {/* Opens the print dialog on arrival (print-page.tsx); an address alone never does. */}
          <Link to={`${base}/print`} state={{ printNow: true }} className={buttonClass()}>
            {t('plan.print')}
          </Link>
        </div>
      </div>
      <MergeSummary
        key={location.key}
        plan={plan}
        focusOnArrival={arrival?.focusMerge === true}
        onClosed={() => headingRef.current?.focus()}
      />
      <nav ref={tabsRef} className="tabs no-print" aria-label={t('plan.partsLabel')}>
        <NavLink end to={base} className="tabs__tab">
          {t('plan.tabDetails')}
        </NavLink>
        {inDraft ? (
          <Link to={`${base}/checklist`} className="tabs__tab" aria-current="true">
            {t('plan.tabChecklist')}
          </Link>
        ) : (
          <NavLink to={`${base}/checklist`} className="tabs__tab">
            {t('plan.tabChecklist')}
          </NavLink>
        )}
        <NavLink to={`${base}/run-of-show`} className="tabs__tab">
          {t('plan.tabRunOfShow')}
        </NavLink>
        <NavLink to={`${base}/share`} className="tabs__tab">
          {t('plan.tabShare')}
        </NavLink>
      </nav>
      <Routes>
        {/* The editing tabs print as the plan document; a draft prints as the letter itself. */}
        <Route
          element={
            <PrintsAsDocument plan={plan}>
              <Outlet />
            </PrintsAsDocument>
          }
        >
          <Route index element={<EventDetailsForm plan={plan} />} />
          <Route path="checklist" element={<ChecklistView plan={plan} />} />
          <Route path="run-of-show" element={<RunOfShowView plan={plan} />} />
          <Route path="share" element={<SharePanel plan={plan} />} />
        </Route>
        <Route path="drafts/:draftId" element={<DraftView plan={plan} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
