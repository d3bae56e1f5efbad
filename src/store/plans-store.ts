import { useStore } from 'zustand';
import { persist } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { browserDeps } from '@/plan/create-plan';
import { prepareImport } from '@/plan/file-format';
import { migratePlan } from '@/plan/migrations';
import { restorePlan } from '@/plan/restore';
import { PLAN_FORMAT_VERSION, type Plan } from '@/plan/schema';
import { STORAGE_KEY, browserStorage, createPlanStorage, keepAside } from './plan-storage';

/** Undo history of one plan. Kept in memory only: it is not written to storage. */
export interface PlanHistory {
  past: Plan[];
  future: Plan[];
  /** The `coalesce` key of the last edit: further edits with the same key join its undo step. */
  lastKey: string | null;
}

export interface EditOptions {
  /**
   * Edits with the same key in a row make one undo step (e.g. `title#<focus session>`: typing
   * a title is one step, not one per keystroke).
   */
  coalesce?: string;
}

/** Up to this many undo steps per plan; older ones are forgotten. */
export const HISTORY_LIMIT = 100;

const EMPTY_HISTORY: PlanHistory = { past: [], future: [], lastKey: null };

export interface PlansState {
  plans: Plan[];
  history: Record<string, PlanHistory>;
  addPlan: (plan: Plan) => void;
  /**
   * Applies `recipe` to one plan, stamps `updatedAt` and records an undo step; a recipe that
   * returns the same plan is a no-op.
   */
  updatePlan: (id: string, recipe: (plan: Plan) => Plan, options?: EditOptions) => void;
  undo: (id: string) => boolean;
  redo: (id: string) => boolean;
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
      (set, get) => {
        /** Swaps the plan with the newest entry of its past (undo) or future (redo). */
        const travel = (id: string, direction: 'back' | 'forward'): boolean => {
          const state = get();
          const index = state.plans.findIndex((p) => p.id === id);
          const current = state.plans[index];
          const history = state.history[id];
          const source = direction === 'back' ? history?.past : history?.future;
          if (!current || !history || !source?.length) return false;
          const target = source[source.length - 1]!;
          const rest = source.slice(0, -1);
          const plans = state.plans.slice();
          plans[index] = { ...target, updatedAt: now().toISOString() };
          const nextHistory: PlanHistory =
            direction === 'back'
              ? { past: rest, future: [...history.future, current], lastKey: null }
              : { past: [...history.past, current], future: rest, lastKey: null };
          set({ plans, history: { ...state.history, [id]: nextHistory } });
          return true;
        };
        return {
          plans: [],
          history: {},
          addPlan: (plan) => set((state) => ({ plans: [...state.plans, plan] })),
          updatePlan: (id, recipe, options) =>
            set((state) => {
              const index = state.plans.findIndex((p) => p.id === id);
              const current = state.plans[index];
              if (!current) return state;
              const next = recipe(current);
              if (next === current) return state;
              const plans = state.plans.slice();
              plans[index] = { ...next, updatedAt: now().toISOString() };
              const history = state.history[id] ?? EMPTY_HISTORY;
              const key = options?.coalesce ?? null;
              const joins = key !== null && history.lastKey === key && history.past.length > 0;
              const past = joins ? history.past : [...history.past, current].slice(-HISTORY_LIMIT);
              return {
                plans,
                history: { ...state.history, [id]: { past, future: [], lastKey: key } },
              };
            }),
          undo: (id) => travel(id, 'back'),
          redo: (id) => travel(id, 'forward'),
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
        };
      },
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

export function usePlanHistory(id: string): { canUndo: boolean; canRedo: boolean } {
  const canUndo = useStore(plansStore, (state) => (state.history[id]?.past.length ?? 0) > 0);
  const canRedo = useStore(plansStore, (state) => (state.history[id]?.future.length ?? 0) > 0);
  return { canUndo, canRedo };
}

/** Shorthand for components: one edit to one plan, recorded for undo. */
export function editPlan(id: string, recipe: (plan: Plan) => Plan, options?: EditOptions) {
  plansStore.getState().updatePlan(id, recipe, options);
}

export function usePlan(id: string | undefined): Plan | undefined {
  return useStore(plansStore, (state) => (id ? state.plans.find((p) => p.id === id) : undefined));
}

/** Adds a plan from a file or link as a new plan, with a fresh id if its id is taken here. */
export function addImportedPlan(plan: Plan): Plan {
  const taken = new Set(plansStore.getState().plans.map((p) => p.id));
  const added = prepareImport(plan, taken, browserDeps.newId);
  plansStore.getState().addPlan(added);
  return added;
}
