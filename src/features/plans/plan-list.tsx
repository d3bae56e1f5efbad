import { Suspense, use, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateNames } from '@/i18n/date-names';
import { withAllTexts } from '@/i18n/texts';
import { useLanguage } from '@/i18n/use-language';
import type { Plan } from '@/plan/schema';
import { plansStore, usePlans } from '@/store/plans-store';
import { useSetAsideCopies } from '@/store/set-aside';
import { useStorageProblems } from '@/store/storage-status';
import { NotLoaded, retryableLazy } from '@/ui/lazy-dialog';
import { isolated } from '@/plan/isolate';
import { UndoBar } from '@/ui/undo-bar';
import { PlanCard } from './plan-card';

// Copies of unreadable data kept aside: rare, so their list's code and texts load only when there
// are some.
const SetAsideCopies = retryableLazy(() =>
  withAllTexts(import('./set-aside-copies')).then((m) => ({ default: m.SetAsideCopies })),
);

/**
 * The plans themselves, with Undo after a delete. This part, and with it the store and the plan's
 * logic (reading and checking the saved plans, the tab sync, the dates), loads apart from the
 * page's frame (plans-page.tsx): the frame is on screen and answers first, and the list follows
 * as soon as its code is in. "No plans yet" belongs to the frame (empty-state.tsx).
 */
export function PlanList({ onRemoved }: { onRemoved?: (id: string) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const plans = usePlans((state) => state.plans);
  // With storage full, every card says how much room its plan takes: the one to delete shows.
  const storageFull = useStorageProblems().some((problem) => problem.kind === 'quota');
  // Every plan deleted since the bar was last dismissed, latest last: Undo brings them back one
  // by one, latest first, each to the place it had.
  const [removed, setRemoved] = useState<{ plan: Plan; index: number }[]>([]);
  const lastRemoved = removed.at(-1);
  // Where focus goes after a delete (the Undo button: the card and its Delete are gone) and
  // after the last Undo (the plan back in its place); a new object each time, to move it again.
  const [focusTo, setFocusTo] = useState<{ undo: true } | { planId: string } | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (!focusTo) return;
    if ('undo' in focusTo) undoRef.current?.focus();
    else
      listRef.current
        ?.querySelector<HTMLElement>(`[data-plan-id="${CSS.escape(focusTo.planId)}"] h2 a`)
        ?.focus();
  }, [focusTo]);

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
  // The cards show dates: in the page's language, whose month names may still be loading.
  if (sorted.length > 0) use(dateNames(lang));

  const remove = (id: string) => {
    const result = plansStore.getState().removePlan(id);
    if (!result) return;
    onRemoved?.(id);
    setRemoved((list) => [...list, result]);
    setFocusTo({ undo: true });
  };

  const undoRemove = () => {
    if (!lastRemoved) return;
    plansStore.getState().reinsertPlan(lastRemoved.plan, lastRemoved.index);
    setRemoved((list) => list.slice(0, -1));
    setFocusTo(removed.length > 1 ? { undo: true } : { planId: lastRemoved.plan.id });
  };

  return (
    <>
      <UndoBar
        message={
          lastRemoved ? t('plans.deleted', { title: isolated(lastRemoved.plan.title) }) : null
        }
        onUndo={undoRemove}
        onDismiss={() => setRemoved([])}
        undoRef={undoRef}
      />
      {sorted.length > 0 && (
        <ul ref={listRef} className="plan-list" aria-label={t('plans.listLabel')}>
          {sorted.map((plan) => (
            <PlanCard key={plan.id} plan={plan} onRemove={remove} showSize={storageFull} />
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * The copies of data set aside, when there are any: placed by the page's frame after "No plans
 * yet" (plans-page.tsx), so that on a phone the way to a first plan stays on the first screen.
 * In this chunk, which the page has loaded for the list anyway. Once shown, the section stays
 * while the page is open, with Undo after its last copy's delete.
 */
export function SetAsideSlot() {
  const setAside = useSetAsideCopies();
  const [show, setShow] = useState(false);
  if (setAside.length > 0 && !show) setShow(true);
  return show ? (
    <NotLoaded>
      <Suspense fallback={null}>
        <SetAsideCopies copies={setAside} />
      </Suspense>
    </NotLoaded>
  ) : null;
}
