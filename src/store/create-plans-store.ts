import { createStore, type StoreApi } from 'zustand/vanilla';
import { browserPage, browserStorage } from '@/data/browser';
import {
  EMPTY_HISTORY,
  forgetOverwritten,
  recordEdit,
  travel,
  type PlanHistory,
} from '@/data/history';
import { createPlansSync, type FlushOutcome } from '@/data/plans-sync';
import type { KeyValueStorage, PageSignals, Timers } from '@/data/ports';
import type { StatusSink } from '@/data/storage-problems';
import { deepEqual } from '@/plan/equal';
import { mergePlans, type MergeConflict } from '@/plan/merge';
import type { Plan } from '@/plan/schema';
import { stampChanges } from '@/plan/stamp-changes';
import { firstMadeStamp, syncOf, type Clock, type Stamp } from '@/plan/stamps';
import { newTabClock } from './replica';

/*
 * The plans store: zustand holding the plans and their undo histories, nothing more. Saving and
 * the two-tab sync are the data layer's (`data/plans-sync.ts`): the store tells it when the plans
 * change and takes what it merged from another tab. Undo rules are `data/history.ts`.
 */

export type { FlushOutcome } from '@/data/plans-sync';
export { WRITE_DELAY_MS } from '@/data/plans-sync';
export { HISTORY_LIMIT, type PlanHistory } from '@/data/history';

export interface EditOptions {
  /**
   * Edits with the same key in a row make one undo step (e.g. `title#<focus session>`: typing
   * a title is one step, not one per keystroke).
   */
  coalesce?: string;
  /** false: not an undo step (the live show's record, which follows the clock, not a choice). */
  history?: boolean;
}

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
  /**
   * Merges a copy of a plan (a colleague's file or link) into the plan with its id, as one undo
   * step. Returns the plan before and after and what both sides changed, or why it could not.
   */
  mergeCopy: (copy: Plan) => MergeOutcome;
}

export type MergeOutcome =
  | { ok: true; before: Plan; after: Plan; conflicts: MergeConflict[] }
  | { ok: false; reason: 'notFound' | 'invalid' | 'storageFull' };

export interface PlansStoreOptions {
  storage?: () => KeyValueStorage | undefined;
  now?: () => Date;
  status?: StatusSink;
  /** Listen to other tabs' writes and flush on page hide (the app does; most tests don't need it). */
  watchPage?: boolean;
  /** The page's signals (whether it is hidden; other tabs' writes): the browser's by default. */
  page?: PageSignals;
  timers?: Timers;
  /** This tab's clock for stamping changes (plan/stamps.ts); each store has its own by default. */
  clock?: Clock;
  /** The name stamped on changes ("Your name"), if any. */
  name?: () => string;
}

export interface PlansStore extends StoreApi<PlansState> {
  /** Writes pending changes now (normally 300 ms after the last change, or when the page hides). */
  flush: () => FlushOutcome;
  /** Reads what another tab wrote and merges it (what a `storage` event does). */
  pull: () => void;
  /** Stops listening to the page. */
  stop: () => void;
  /** The name this had when zustand's `persist` ran it: `persist.rehydrate()` is `pull()`. */
  persist: { rehydrate: () => Promise<void> };
}

export function createPlansStore(options: PlansStoreOptions = {}): PlansStore {
  const now = options.now ?? (() => new Date());
  const clock = options.clock ?? newTabClock();
  const name = options.name ?? (() => '');
  /** Every change made here gets its stamps in one place: a diff of the plan before and after. */
  const stamp = (before: Plan, after: Plan, credit?: (key: string) => Stamp | undefined) =>
    stampChanges(before, after, clock, { name: name(), credit });
  /** After reading other copies, this tab's next change must be later than all of theirs. */
  const observe = (plans: readonly Plan[]) => {
    for (const plan of plans)
      for (const seen of Object.values(plan.sync?.seen ?? {})) clock.observe(seen);
  };

  /** True while plans merged from another tab are set: they need no write of their own. */
  let receiving = false;
  const sync = createPlansSync(
    {
      current: () => store.getState().plans,
      receive: (merged) => {
        observe(merged);
        const state = store.getState();
        if (deepEqual(merged, state.plans)) return;
        receiving = true;
        try {
          store.setState({
            plans: merged,
            history: forgetOverwritten(state.history, state.plans, merged),
          });
        } finally {
          receiving = false;
        }
      },
    },
    {
      storage: options.storage ?? browserStorage,
      status: options.status ?? { report: () => {}, clear: () => {} },
      page: options.page ?? browserPage,
      watch: options.watchPage,
      timers: options.timers,
    },
  );

  const initial = sync.load();
  observe(initial);

  const store = createStore<PlansState>()((set, get) => {
    /** Undo or redo: a change like any other, so it gets new stamps and travels to other copies. */
    const step = (id: string, direction: 'back' | 'forward'): boolean => {
      const state = get();
      const index = state.plans.findIndex((p) => p.id === id);
      const current = state.plans[index];
      if (!current) return false;
      const result = travel(state.history[id], current, direction, now().toISOString());
      if (!result) return false;
      const plans = state.plans.slice();
      // The snapshot's own, older stamps would make it lose every merge: stamped anew.
      // Who first made each value it puts back keeps the credit ("ticked by Kari").
      const was = syncOf(result.plan);
      plans[index] = stamp(current, { ...result.plan, sync: current.sync }, (key) =>
        firstMadeStamp(was, key),
      );
      set({ plans, history: { ...state.history, [id]: result.history } });
      return true;
    };
    return {
      plans: initial,
      history: {},
      addPlan: (plan) => set((state) => ({ plans: [...state.plans, plan] })),
      updatePlan: (id, recipe, editOptions) =>
        set((state) => {
          const index = state.plans.findIndex((p) => p.id === id);
          const current = state.plans[index];
          if (!current) return state;
          const next = recipe(current);
          if (next === current) return state;
          const plans = state.plans.slice();
          plans[index] = stamp(current, { ...next, updatedAt: now().toISOString() });
          if (editOptions?.history === false) return { plans };
          const history = recordEdit(state.history[id], current, editOptions?.coalesce ?? null);
          return { plans, history: { ...state.history, [id]: history } };
        }),
      undo: (id) => step(id, 'back'),
      redo: (id) => step(id, 'forward'),
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
      mergeCopy: (copy) => {
        const state = get();
        const index = state.plans.findIndex((p) => p.id === copy.id);
        const current = state.plans[index];
        if (!current) return { ok: false, reason: 'notFound' };
        observe([copy]);
        // The merge's result has been through the schema (plan/merge.ts).
        const result = mergePlans(current, copy);
        if (!result.ok) return { ok: false, reason: 'invalid' };
        const merged = { ...result.plan, updatedAt: now().toISOString() };
        const plans = state.plans.slice();
        plans[index] = merged;
        // The whole merge is one undo step.
        const history = recordEdit(state.history[copy.id] ?? EMPTY_HISTORY, current);
        set({ plans, history: { ...state.history, [copy.id]: history } });
        // Conflicts are told from this copy's side: `a` is the plan here, `b` the copy.
        return { ok: true, before: current, after: merged, conflicts: result.conflicts };
      },
    };
  });

  // Any change of the plans (an edit, an import, a test's setState) is written after a pause.
  store.subscribe((state, previous) => {
    if (!receiving && state.plans !== previous.plans) sync.changed();
  });

  return Object.assign(store, {
    flush: sync.flush,
    pull: sync.pull,
    stop: sync.stop,
    persist: {
      rehydrate: () => {
        sync.pull();
        return Promise.resolve();
      },
    },
  });
}
