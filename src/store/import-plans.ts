import { browserDeps } from '@/plan/create-plan';
import { prepareImport } from '@/plan/file-format';
import type { Plan } from '@/plan/schema';
import { plansStore } from './app-store';
import type { PlansStore } from './create-plans-store';

/** The plan here that a copy would merge into (the same id), if any. */
export function planFor(copy: Plan, store: PlansStore = plansStore): Plan | undefined {
  return store.getState().plans.find((p) => p.id === copy.id);
}

/** Adds a plan from a file or link as a new plan, with a fresh id if its id is taken here. */
export function addImportedPlan(plan: Plan, store: PlansStore = plansStore): Plan {
  const taken = new Set(store.getState().plans.map((p) => p.id));
  const added = prepareImport(plan, taken, browserDeps.newId);
  store.getState().addPlan(added);
  return added;
}

/**
 * Imports plans (a file, a backup, a link) and saves them at once. When storage has no room for
 * them they are taken out again and the import is refused: a plan imported but never saved
 * would be lost at the next reload. Where storage can't be used at all the app works in memory
 * (the banner says so), and so does the import.
 */
export function importPlans(
  plans: readonly Plan[],
  store: PlansStore = plansStore,
): { ok: true; plans: Plan[] } | { ok: false; error: { code: 'storageFull' } } {
  const added = plans.map((plan) => addImportedPlan(plan, store));
  if (store.flush() !== 'quota') return { ok: true, plans: added };
  const ids = new Set(added.map((plan) => plan.id));
  store.setState((state) => ({ plans: state.plans.filter((plan) => !ids.has(plan.id)) }));
  // What was pending before the import is written again without it (and clears the banner).
  store.flush();
  return { ok: false, error: { code: 'storageFull' } };
}
