import { useStore } from 'zustand';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { browserDeps } from '@/plan/create-plan';
import { parseJsonSafely, prepareImport } from '@/plan/file-format';
import { mergePlans, type MergeConflict } from '@/plan/merge';
import { migratePlan } from '@/plan/migrations';
import { restorePlan } from '@/plan/restore';
import { PLAN_FORMAT_VERSION, type Plan } from '@/plan/schema';
import { stampChanges } from '@/plan/stamp-changes';
import { syncOf, type Clock, type Stamp } from '@/plan/stamps';
import { applySnapshot, differsInEdits } from './history';
import { deepEqual, mergePlanLists } from './merge';
import { STORAGE_KEY, browserStorage, keepAside } from './plan-storage';
import { newTabClock, yourName } from './replica';
import { isQuotaError } from './storage-errors';
import {
  storageStatus as appStorageStatus,
  type RejectedPlan,
  type StorageProblem,
  type StorageProblemKind,
} from './storage-status';

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
  /** false: not an undo step (the live show's record, which follows the clock, not a choice). */
  history?: boolean;
}

/** Up to this many undo steps per plan; older ones are forgotten. */
export const HISTORY_LIMIT = 100;
/** 300 ms: one write per burst of typing. */
export const WRITE_DELAY_MS = 300;

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
  /**
   * Merges a copy of a plan (a colleague's file or link) into the plan with its id, as one undo
   * step. Returns the plan before and after and what both sides changed, or why it could not.
   */
  mergeCopy: (copy: Plan) => MergeOutcome;
}

export type MergeOutcome =
  | { ok: true; before: Plan; after: Plan; conflicts: MergeConflict[] }
  | { ok: false; reason: 'notFound' | 'invalid' | 'storageFull' };

/** What is written to storage: the plans only, never UI state or undo history. */
export interface PersistedPlans {
  plans: unknown[];
}

export interface PlansStoreOptions {
  storage?: () => Storage | undefined;
  now?: () => Date;
  status?: { report: (problem: StorageProblem) => void; clear: (kind: StorageProblemKind) => void };
  /** Listen to other tabs' writes and flush on page hide (the app does; most tests don't need it). */
  watchPage?: boolean;
  /** This tab's clock for stamping changes (plan/stamps.ts); each store has its own by default. */
  clock?: Clock;
  /** The name stamped on changes ("Your name"), if any. */
  name?: () => string;
}

export interface PlansStore extends StoreApi<PlansState> {
  /** Writes pending changes now (normally 300 ms after the last change, or when the page hides). */
  flush: () => FlushOutcome;
  /** zustand's persist API: `rehydrate` re-reads storage (another tab wrote) and merges. */
  persist: { rehydrate: () => Promise<void> | void };
}

/**
 * Every stored plan goes through `restorePlan`; what fails it is kept aside, never dropped
 * silently, and returned with its backup key (null: it could not be copied aside). A list that
 * is not a list never gets here: `readStored` treats it as damaged.
 */
export function restoreStoredPlans(
  persisted: unknown,
  storage: Storage | undefined,
  storedText: string | null = null,
): { plans: Plan[]; rejected: RejectedPlan[] } {
  const list = (persisted as PersistedPlans | undefined)?.plans;
  if (!Array.isArray(list)) return { plans: [], rejected: [] };
  const plans: Plan[] = [];
  const seen = new Set<string>();
  const rejected: RejectedPlan[] = [];
  for (const item of list) {
    const result = restorePlan(item);
    if (result.ok && !seen.has(result.plan.id)) {
      seen.add(result.plan.id);
      plans.push(result.plan);
    } else {
      const reason = result.ok
        ? 'duplicate id'
        : result.issues.map((i) => `${i.path.join('.') || '(plan)'}: ${i.code}`).join('; ');
      // A plan nested too deep for JSON.stringify is kept aside with the whole stored text.
      const raw = stringifyOrNull(item) ?? storedText ?? 'null';
      rejected.push({
        raw,
        backupKey: keepAside(storage, raw, `a plan failed validation: ${reason}`),
      });
    }
  }
  return { plans, rejected };
}

/** JSON text, or null where the value can't be written (nested deeper than the stack allows). */
function stringifyOrNull(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}

/** What a write came to: `flush` returns it, so an import can be refused when storage is full. */
export type FlushOutcome = 'saved' | 'nothing' | 'quota' | 'failed';

type ReadOutcome =
  | { kind: 'empty' }
  | { kind: 'ok'; value: StorageValue<PersistedPlans> }
  | { kind: 'damaged'; backupKey: string | null }
  | { kind: 'newer'; version: number };

function readStored(
  raw: string | null,
  storage: Storage,
  report: (p: StorageProblem) => void,
): ReadOutcome {
  if (raw === null) return { kind: 'empty' };
  /** Damaged: copied aside under a backup key (null if that failed) and reported. */
  const damaged = (reason: string): ReadOutcome => {
    const backupKey = keepAside(storage, raw, reason);
    report({ kind: 'damaged', raw, backupKey });
    return { kind: 'damaged', backupKey };
  };
  const parsed = parseJsonSafely(raw);
  const value = parsed.ok ? parsed.value : undefined;
  if (typeof value !== 'object' || value === null || !('state' in value))
    return damaged('not the planner’s format');
  const version = (value as { version?: unknown }).version;
  // A version that is not a whole number ("2", 1.5) is no version this app wrote: taking it as
  // the current one would read a newer format as this one.
  if (
    version !== undefined &&
    (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
  )
    return damaged('unknown version');
  if (typeof version === 'number' && version > PLAN_FORMAT_VERSION) {
    report({ kind: 'newer', version, raw });
    return { kind: 'newer', version };
  }
  // `{"state": …}` without a list of plans is damaged too: replacing it would lose it silently.
  const state = (value as { state: unknown }).state;
  if (
    typeof state !== 'object' ||
    state === null ||
    !Array.isArray((state as PersistedPlans).plans)
  )
    return damaged('no list of plans');
  return { kind: 'ok', value: value as StorageValue<PersistedPlans> };
}

export function createPlansStore(options: PlansStoreOptions = {}): PlansStore {
  const getStorage = options.storage ?? browserStorage;
  const now = options.now ?? (() => new Date());
  const status = options.status ?? { report: () => {}, clear: () => {} };
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

  /*
   * Sync state. `base` is the list storage holds as far as this tab knows (what it last read or
   * wrote); `lastRaw` the exact text. A write first checks whether another tab wrote since, and
   * merges. Writes stop for good when stored data can't be safely replaced (written by a newer
   * version, or damaged data that could not be copied aside).
   */
  let base: Plan[] | null = null;
  let lastRaw: string | null = null;
  let dirty = false;
  let blocked = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let store: StoreApi<PlansState> | null = null;

  /*
   * Plans that failed the schema, by their stored text, with their backup key: reported all
   * together (the banner counts them). One that could not be copied aside stops all writes.
   */
  const rejectedPlans = new Map<string, string | null>();
  const restore = (
    persisted: unknown,
    storage: Storage | undefined,
    storedText: string | null,
  ): Plan[] => {
    const { plans, rejected } = restoreStoredPlans(persisted, storage, storedText);
    if (rejected.length === 0) return plans;
    for (const { raw, backupKey } of rejected)
      if (!rejectedPlans.get(raw)) rejectedPlans.set(raw, backupKey);
    if (rejected.some((r) => r.backupKey === null)) blocked = true;
    status.report({
      kind: 'rejected',
      plans: [...rejectedPlans].map(([raw, backupKey]) => ({ raw, backupKey })),
    });
    return plans;
  };

  const storageOrReport = (): Storage | undefined => {
    const storage = getStorage();
    if (!storage) status.report({ kind: 'unavailable' });
    return storage;
  };

  const applyMerged = (merged: Plan[]) => {
    if (!store) return;
    const current = store.getState();
    if (deepEqual(merged, current.plans)) return;
    // Undo history of a plan another tab edited would undo their edit too: it is dropped. A new
    // show record alone (the live view in another tab) keeps it: undo never changes the record.
    const history = { ...current.history };
    for (const plan of merged) {
      const mine = current.plans.find((p) => p.id === plan.id);
      if (mine && differsInEdits(mine, plan)) delete history[plan.id];
    }
    store.setState({ plans: merged, history });
  };

  const flush = (): FlushOutcome => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!dirty || blocked || !store) return 'nothing';
    const storage = storageOrReport();
    if (!storage) return 'nothing';
    try {
      const raw = storage.getItem(STORAGE_KEY);
      if (raw !== lastRaw) {
        const read = readStored(raw, storage, status.report);
        if (read.kind === 'newer' || (read.kind === 'damaged' && !read.backupKey)) {
          blocked = true;
          return 'failed';
        }
        if (read.kind === 'ok') {
          const migrated = migrateStored(
            read.value.state,
            read.value.version ?? PLAN_FORMAT_VERSION,
          );
          const theirs = restore(migrated, storage, raw);
          observe(theirs);
          applyMerged(mergePlanLists(base ?? [], store.getState().plans, theirs));
          base = theirs;
          // A plan in there could not be copied aside: the main key holds its only copy.
          if (blocked) return 'failed';
        }
      }
      const plans = store.getState().plans;
      const text = JSON.stringify({ state: { plans }, version: PLAN_FORMAT_VERSION });
      storage.setItem(STORAGE_KEY, text);
      lastRaw = text;
      base = plans;
      dirty = false;
      status.clear('quota');
      status.clear('writeFailed');
      return 'saved';
    } catch (error) {
      console.warn('[hoc-planner] Could not save plans:', error);
      if (isQuotaError(error)) {
        status.report({ kind: 'quota' });
        return 'quota';
      }
      if (error instanceof DOMException && error.name === 'SecurityError')
        status.report({ kind: 'unavailable' });
      else status.report({ kind: 'writeFailed' });
      return 'failed';
    }
  };

  const schedule = () => {
    dirty = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      // A hidden tab does not write: it flushed when it was hidden, and only other tabs change it now.
      if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
      flush();
    }, WRITE_DELAY_MS);
  };

  const persistStorage: PersistStorage<PersistedPlans> = {
    getItem(name) {
      const storage = storageOrReport();
      if (!storage) {
        blocked = true;
        return null;
      }
      let raw: string | null;
      try {
        raw = storage.getItem(name);
      } catch {
        status.report({ kind: 'unavailable' });
        blocked = true;
        return null;
      }
      lastRaw = raw;
      const read = readStored(raw, storage, status.report);
      if (read.kind === 'newer') blocked = true;
      // Damaged data is only ever replaced once a copy of it is safe under a backup key.
      if (read.kind === 'damaged' && !read.backupKey) blocked = true;
      return read.kind === 'ok' ? read.value : null;
    },
    setItem: () => schedule(),
    removeItem(name) {
      try {
        getStorage()?.removeItem(name);
      } catch (error) {
        console.warn('[hoc-planner] Could not remove stored plans:', error);
      }
    },
  };

  const created = createStore<PlansState>()(
    persist(
      (set, get) => {
        /**
         * Swaps the plan with the newest entry of its past (undo) or future (redo). The show
         * record stays as it is now: it is not an undoable edit (see `applySnapshot`).
         */
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
          // Undo is a change like any other: it gets new stamps, so it travels to other copies
          // (the snapshot's own, older stamps would make it lose every merge).
          const snapshot = applySnapshot(current, target, now().toISOString());
          // Who first made each value it puts back keeps the credit ("ticked by Kari").
          const was = syncOf(target);
          const firstMade = (key: string) =>
            was.credit && Object.hasOwn(was.credit, key)
              ? was.credit[key]
              : Object.hasOwn(was.stamps, key)
                ? was.stamps[key]
                : undefined;
          plans[index] = stamp(current, { ...snapshot, sync: current.sync }, firstMade);
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
              const history = state.history[id] ?? EMPTY_HISTORY;
              const key = editOptions?.coalesce ?? null;
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
          mergeCopy: (copy) => {
            const state = get();
            const index = state.plans.findIndex((p) => p.id === copy.id);
            const current = state.plans[index];
            if (!current) return { ok: false, reason: 'notFound' };
            observe([copy]);
            const result = mergePlans(current, copy);
            if (!result.ok) return { ok: false, reason: 'invalid' };
            const merged = { ...result.plan, updatedAt: now().toISOString() };
            const plans = state.plans.slice();
            plans[index] = merged;
            // The whole merge is one undo step.
            const history = state.history[copy.id] ?? EMPTY_HISTORY;
            const past = [...history.past, current].slice(-HISTORY_LIMIT);
            set({
              plans,
              history: { ...state.history, [copy.id]: { past, future: [], lastKey: null } },
            });
            // Conflicts are told from this copy's side: `a` is the plan here, `b` the copy.
            return { ok: true, before: current, after: merged, conflicts: result.conflicts };
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
        storage: persistStorage,
        partialize: (state): PersistedPlans => ({ plans: state.plans }),
        migrate: (persisted, version) => migrateStored(persisted, version),
        merge: (persisted, current) => {
          const theirs = restore(persisted, getStorage(), lastRaw);
          observe(theirs);
          // First read: storage is the truth. Later (another tab wrote): merged (store/merge.ts).
          const plans = base === null ? theirs : mergePlanLists(base, current.plans, theirs);
          const history = { ...current.history };
          if (base !== null) {
            for (const plan of plans) {
              const mine = current.plans.find((p) => p.id === plan.id);
              if (mine && differsInEdits(mine, plan)) delete history[plan.id];
            }
          }
          base = theirs;
          return { ...current, plans, history };
        },
      },
    ),
  );
  store = created;

  if (options.watchPage && typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key !== STORAGE_KEY && event.key !== null) return;
      if (blocked) return;
      void created.persist.rehydrate();
    });
    const flushNow = () => void flush();
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flushNow();
    });
    window.addEventListener('pagehide', flushNow);
  }

  return Object.assign(created, { flush });
}

function migrateStored(persisted: unknown, version: number): PersistedPlans {
  const list = (persisted as PersistedPlans | undefined)?.plans;
  if (!Array.isArray(list)) return { plans: [] };
  return {
    plans: list.map((raw) => {
      const migrated = migratePlan(raw, version);
      return migrated.ok ? migrated.plan : raw;
    }),
  };
}

/** The app's store. Tests make their own with `createPlansStore`. */
export const plansStore = createPlansStore({
  status: appStorageStatus.getState(),
  watchPage: true,
  name: () => yourName.getState().name,
});

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
