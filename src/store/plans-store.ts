import { useStore } from 'zustand';
import { persist } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { migratePlan } from '@/plan/migrations';
import { restorePlan } from '@/plan/restore';
import { PLAN_FORMAT_VERSION, type Plan } from '@/plan/schema';
import { STORAGE_KEY, browserStorage, createPlanStorage, keepAside } from './plan-storage';

export interface PlansState {
  plans: Plan[];
  addPlan: (plan: Plan) => void;
  /** Applies `recipe` to one plan and stamps `updatedAt`; a recipe returning the same plan is a no-op. */
  updatePlan: (id: string, recipe: (plan: Plan) => Plan) => void;
  /** Removes a plan and returns it with its position, for Undo. */
  removePlan: (id: string) => { plan: Plan; index: number } | undefined;
  /** Puts a removed plan back where it was. */
  reinsertPlan: (plan: Plan, index: number) => void;
}

/** What is written to storage: the plans only, never UI state. */
export interface PersistedPlans {
  plans: unknown[];
}

export interface PlansStoreOptions {
  storage?: () => Storage | undefined;
  now?: () => Date;
}

/** Every stored plan goes through `restorePlan`; what fails it is kept aside, never dropped silently. */
export function restoreStoredPlans(persisted: unknown, storage: Storage | undefined): Plan[] {
  const list = (persisted as PersistedPlans | undefined)?.plans;
  if (!Array.isArray(list)) return [];
  const plans: Plan[] = [];
  const seen = new Set<string>();
  for (const raw of list) {
    const result = restorePlan(raw);
    if (result.ok && !seen.has(result.plan.id)) {
      seen.add(result.plan.id);
      plans.push(result.plan);
    } else {
      const reason = result.ok
        ? 'duplicate id'
        : result.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      keepAside(storage, JSON.stringify(raw), `a plan failed validation: ${reason}`);
    }
  }
  return plans;
}

export function createPlansStore(options: PlansStoreOptions = {}): StoreApi<PlansState> {
  const getStorage = options.storage ?? browserStorage;
  const now = options.now ?? (() => new Date());
  return createStore<PlansState>()(
    persist(
      (set, get) => ({
        plans: [],
        addPlan: (plan) => set((state) => ({ plans: [...state.plans, plan] })),
        updatePlan: (id, recipe) =>
          set((state) => {
            const index = state.plans.findIndex((p) => p.id === id);
            const current = state.plans[index];
            if (!current) return state;
            const next = recipe(current);
            if (next === current) return state;
            const plans = state.plans.slice();
            plans[index] = { ...next, updatedAt: now().toISOString() };
            return { plans };
          }),
        removePlan: (id) => {
          const index = get().plans.findIndex((p) => p.id === id);
          const plan = get().plans[index];
          if (!plan) return undefined;
          set((state) => ({ plans: state.plans.filter((p) => p.id !== id) }));
          return { plan, index };
        },
        reinsertPlan: (plan, index) =>
          set((state) => {
            if (state.plans.some((p) => p.id === plan.id)) return state;
            const plans = state.plans.slice();
            plans.splice(Math.min(index, plans.length), 0, plan);
            return { plans };
          }),
      }),
      {
        name: STORAGE_KEY,
        version: PLAN_FORMAT_VERSION,
        storage: createPlanStorage<PersistedPlans>(getStorage, PLAN_FORMAT_VERSION),
        partialize: (state): PersistedPlans => ({ plans: state.plans }),
        migrate: (persisted, version) => {
          const list = (persisted as PersistedPlans | undefined)?.plans;
          if (!Array.isArray(list)) return { plans: [] };
          return {
            plans: list.map((raw) => {
              const migrated = migratePlan(raw, version);
              return migrated.ok ? migrated.plan : raw;
            }),
          };
        },
        merge: (persisted, current) => ({
          ...current,
          plans: restoreStoredPlans(persisted, getStorage()),
        }),
      },
    ),
  );
}

/** The app's store. Tests make their own with `createPlansStore`. */
export const plansStore = createPlansStore();

export function usePlans<T>(selector: (state: PlansState) => T): T {
  return useStore(plansStore, selector);
}

export function usePlan(id: string | undefined): Plan | undefined {
  return useStore(plansStore, (state) => (id ? state.plans.find((p) => p.id === id) : undefined));
}
