import { preloadable } from '@/ui/preloadable';

/*
 * The plans page's list (plan-list.tsx), with the store and the plan's logic it brings, as a
 * chunk of its own: the start fetches it next to the page (boot.tsx) but shows the page without
 * waiting for it.
 */
export const { Component: LazyPlanList, preload: preloadPlanList } = preloadable(() =>
  import('./plan-list').then((module) => module.PlanList),
);
