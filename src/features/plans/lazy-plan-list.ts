import { preloadable } from '@/ui/preloadable';
import { EmptyState } from './empty-state';
import { planCountKnown } from '@/store/plan-count';

/*
 * The plans page's list (plan-list.tsx), with the store and the plan's logic it brings, as a
 * chunk of its own: the start fetches it next to the page (boot.tsx) but shows the page without
 * waiting for it.
 */
export const { Component: LazyPlanList, preload: preloadPlanList } = preloadable(() =>
  import('./plan-list').then((module) => module.PlanList),
);

/** The copies of data set aside (plan-list.tsx), from the list's chunk: no download of its own. */
export const { Component: LazySetAsideSlot } = preloadable(() =>
  import('./plan-list').then((module) => module.SetAsideSlot),
);

/*
 * The empty state waits (suspends) until the number of plans is known: at once on a first visit,
 * which is then ready before the page first renders; otherwise once the list has read the plans.
 */
export const { Component: NoPlansYet, preload: preloadNoPlansYet } = preloadable(() =>
  planCountKnown().then(() => EmptyState),
);
void preloadNoPlansYet();
