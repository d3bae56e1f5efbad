/*
 * The store's public face, as components and tests import it. The parts live apart: the store
 * itself (create-plans-store.ts, thin zustand), the app's instance (app-store.ts), the React
 * hooks (hooks.ts), imports (import-plans.ts); saving and the two-tab sync are the data layer's
 * (src/data/plans-sync.ts).
 */
export {
  HISTORY_LIMIT,
  WRITE_DELAY_MS,
  createPlansStore,
  type EditOptions,
  type FlushOutcome,
  type MergeOutcome,
  type PlanHistory,
  type PlansState,
  type PlansStore,
  type PlansStoreOptions,
} from './create-plans-store';
export { editPlan, plansStore } from './app-store';
export { usePlan, usePlanHistory, usePlans } from './hooks';
export { addImportedPlan, importPlans, planFor } from './import-plans';
