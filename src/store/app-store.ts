import type { Plan } from '@/plan/schema';
import { createPlansStore, type EditOptions } from './create-plans-store';
import { yourName } from './replica';
import { storageStatus } from './storage-status';

/** The app's store. Tests make their own with `createPlansStore`. */
export const plansStore = createPlansStore({
  status: storageStatus.getState(),
  watchPage: true,
  name: () => yourName.getState().name,
});

/** Shorthand for components: one edit to one plan, recorded for undo. */
export function editPlan(id: string, recipe: (plan: Plan) => Plan, options?: EditOptions) {
  plansStore.getState().updatePlan(id, recipe, options);
}
