import type { Plan } from '@/plan/schema';
import { createPlansStore, type EditOptions } from './create-plans-store';
import { reportPlanCount } from './plan-count';
import { yourName } from './replica';
import { storageStatus } from './storage-status';

/** The app's store. Tests make their own with `createPlansStore`. */
export const plansStore = createPlansStore({
  status: storageStatus.getState(),
  watchPage: true,
  name: () => yourName.getState().name,
});

// How many plans there are, for the plans page's empty state, which shows before the store's
// code is in (plan-count.ts): now, and after every change, whichever page made it.
reportPlanCount(plansStore.getState().plans.length);
plansStore.subscribe((state) => reportPlanCount(state.plans.length));

/** Shorthand for components: one edit to one plan, recorded for undo. */
export function editPlan(id: string, recipe: (plan: Plan) => Plan, options?: EditOptions) {
  plansStore.getState().updatePlan(id, recipe, options);
}
