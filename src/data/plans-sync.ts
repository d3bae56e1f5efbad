import { PLAN_FORMAT_VERSION, type Plan } from '@/plan/schema';
import { STORAGE_KEY, keepAside } from './backup';
import { mergePlanLists } from './plan-lists';
import { realTimers, type KeyValueStorage, type PageSignals, type Timers } from './ports';
import { isQuotaError } from './storage-errors';
import type { StatusSink } from './storage-problems';
import {
  readStoredText,
  restoreStoredPlans,
  serializeStoredPlans,
  type Unreadable,
} from './stored-plans';

/*
 * Persistence and the two-tab sync of the plans: no React, no zustand. The store hands it the
 * plans when they change and takes the plans it merged from another tab; storage, the page's
 * signals and the timer are passed in (ports.ts), so tests run it under node with fakes.
 *
 * `base` is the list storage holds as far as this tab knows (what it last read or wrote);
 * `lastRaw` the exact text. A write first checks whether another tab wrote since, and merges:
 * which plans there are is decided three-way against `base` (plan-lists.ts), a plan on both
 * sides goes through plan/merge.ts. Writes stop for good when stored data can't be safely
 * replaced (written by a newer version, or damaged data that could not be copied aside).
 */

/** 300 ms: one write per burst of typing. */
export const WRITE_DELAY_MS = 300;

/** What a write came to: `flush` returns it, so an import can be refused when storage is full. */
export type FlushOutcome = 'saved' | 'nothing' | 'quota' | 'failed';

export interface PlansSyncHost {
  /** The plans as this tab holds them now. */
  current(): readonly Plan[];
  /** Plans merged with another tab's: the store takes them (and drops undo history it must). */
  receive(plans: Plan[]): void;
}

export interface PlansSyncOptions {
  /** Where the plans are kept; undefined: storage is blocked (the app then works in memory). */
  storage: () => KeyValueStorage | undefined;
  status: StatusSink;
  /** Whether the page is hidden, and (with `watch`) other tabs' writes and leaving the page. */
  page: PageSignals;
  /** Listen to other tabs' writes and write when the page is hidden or closed. */
  watch?: boolean;
  timers?: Timers;
  delayMs?: number;
  key?: string;
}

export interface PlansSync {
  /** The first read: the stored plans, restored (an older version's are rewritten soon). */
  load(): Plan[];
  /** The plans changed in this tab: they are written after a pause (one write per burst). */
  changed(): void;
  /** Writes pending changes now, merging first if another tab wrote since. */
  flush(): FlushOutcome;
  /** Another tab wrote: read and merge its plans into this tab's. */
  pull(): void;
  /** Stops listening to the page (the app's store lives as long as the page; tests stop). */
  stop(): void;
}

export function createPlansSync(host: PlansSyncHost, options: PlansSyncOptions): PlansSync {
  const key = options.key ?? STORAGE_KEY;
  const timers = options.timers ?? realTimers;
  const delay = options.delayMs ?? WRITE_DELAY_MS;
  const { status, page } = options;

  let base: Plan[] | null = null;
  let lastRaw: string | null = null;
  let dirty = false;
  let blocked = false;
  let timer: unknown = null;
  /*
   * Plans that failed the schema, by their stored text, with their backup key: reported all
   * together (the banner counts them). One that could not be copied aside stops all writes.
   */
  const rejectedPlans = new Map<string, string | null>();

  const storageOrReport = (): KeyValueStorage | undefined => {
    const storage = options.storage();
    if (!storage) status.report({ kind: 'unavailable' });
    return storage;
  };

  /**
   * Reads and restores what storage holds. Damaged data is copied aside and reported; data
   * that can't be replaced safely (a newer version's, damaged without a copy) stops writes.
   * Returns the plans and the version they were stored in, or null when there is nothing
   * usable (empty, damaged, newer).
   */
  const readPlans = (
    storage: KeyValueStorage,
    raw: string | null,
  ): { plans: Plan[]; version: number; unreadable: Unreadable } | null => {
    const read = readStoredText(raw);
    if (read.kind === 'empty') return null;
    if (raw !== null && read.kind === 'damaged') {
      // Damaged data is only ever replaced once a copy of it is safe under a backup key.
      const backupKey = keepAside(storage, raw, read.reason);
      status.report({ kind: 'damaged', raw, backupKey });
      if (!backupKey) blocked = true;
      return null;
    }
    if (raw !== null && read.kind === 'newer') {
      status.report({ kind: 'newer', version: read.version, raw });
      blocked = true;
      return null;
    }
    if (read.kind !== 'ok') return null;
    const { plans, rejected, unreadable } = restoreStoredPlans(
      read.plans,
      read.version,
      (text, reason) => keepAside(storage, text, reason),
      raw,
    );
    if (rejected.length > 0) {
      for (const { raw: text, backupKey } of rejected)
        if (!rejectedPlans.get(text)) rejectedPlans.set(text, backupKey);
      if (rejected.some((r) => r.backupKey === null)) blocked = true;
      status.report({
        kind: 'rejected',
        plans: [...rejectedPlans].map(([text, backupKey]) => ({ raw: text, backupKey })),
      });
    }
    return { plans, version: read.version, unreadable };
  };

  /** Storage's text, or undefined (reported, writes stopped) where it can't be read at all. */
  const readRaw = (): { storage: KeyValueStorage; raw: string | null } | undefined => {
    const storage = storageOrReport();
    if (!storage) {
      blocked = true;
      return undefined;
    }
    try {
      return { storage, raw: storage.getItem(key) };
    } catch {
      status.report({ kind: 'unavailable' });
      blocked = true;
      return undefined;
    }
  };

  const flush = (): FlushOutcome => {
    if (timer !== null) timers.clear(timer);
    timer = null;
    if (!dirty || blocked) return 'nothing';
    const storage = storageOrReport();
    if (!storage) return 'nothing';
    try {
      const raw = storage.getItem(key);
      if (raw !== lastRaw) {
        // Another tab wrote since: merge its plans before writing over them.
        const theirs = readPlans(storage, raw);
        if (theirs) {
          host.receive(mergePlanLists(base ?? [], host.current(), theirs.plans, theirs.unreadable));
          base = theirs.plans;
        }
        // A newer version's data, or a plan in there with no copy aside: never written over.
        if (blocked) return 'failed';
      }
      const plans = host.current().slice();
      const text = serializeStoredPlans(plans);
      storage.setItem(key, text);
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

  const changed = () => {
    dirty = true;
    if (timer !== null) timers.clear(timer);
    timer = timers.set(() => {
      timer = null;
      // A hidden tab does not write: it flushed when it was hidden, and only other tabs change it now.
      if (page.isHidden()) return;
      flush();
    }, delay);
  };

  const load = (): Plan[] => {
    const read = readRaw();
    if (!read) {
      base = [];
      return [];
    }
    lastRaw = read.raw;
    const stored = readPlans(read.storage, read.raw);
    base = stored?.plans ?? [];
    // Plans of an older version are written back in the current one.
    if (stored && stored.version !== PLAN_FORMAT_VERSION) changed();
    return base;
  };

  const pull = () => {
    const read = readRaw();
    if (!read) return;
    lastRaw = read.raw;
    const theirs = readPlans(read.storage, read.raw);
    // Damaged or newer data changes nothing here (it was reported); emptied storage means
    // every plan this tab had read from it was deleted elsewhere.
    if (theirs === null && read.raw !== null) return;
    const plans = theirs?.plans ?? [];
    host.receive(mergePlanLists(base ?? [], host.current(), plans, theirs?.unreadable));
    base = plans;
  };

  const stops: (() => void)[] = [];
  if (options.watch) {
    stops.push(
      page.onOtherTabWrote(key, () => {
        if (!blocked) pull();
      }),
      page.onLeave(() => void flush()),
    );
  }

  return {
    load,
    changed,
    flush,
    pull,
    stop: () => {
      for (const stop of stops.splice(0)) stop();
      if (timer !== null) timers.clear(timer);
      timer = null;
    },
  };
}
