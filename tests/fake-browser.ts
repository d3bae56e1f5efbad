import type { KeyValueStorage, PageSignals, Timers } from '@/data/ports';

/*
 * A browser for the data layer's tests under node: one storage shared by several tabs, each tab
 * hearing the others' writes (as `storage` events: never its own, delivered when the test says,
 * as a browser delivers them later), a hidden flag, and a clock for the write timer.
 */

export interface FakeTab {
  storage: () => KeyValueStorage;
  page: PageSignals & { hide: () => void; show: () => void };
  timers: Timers;
}

export function fakeBrowser() {
  const data = new Map<string, string>();
  const tabs: { listeners: Map<string, Set<() => void>>; leave: Set<() => void> }[] = [];
  const pending: (() => void)[] = [];
  let time = 0;
  let timers: { at: number; callback: () => void; id: number }[] = [];
  let nextId = 1;
  /** Set to make writes fail (e.g. a full storage). */
  let failWrite: ((key: string, value: string) => unknown) | null = null;

  const storageFor = (tab: number): KeyValueStorage => ({
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      const error = failWrite?.(k, v);
      if (error) throw error;
      data.set(k, String(v));
      tabs.forEach((other, i) => {
        if (i === tab) return;
        for (const listener of other.listeners.get(k) ?? []) pending.push(listener);
      });
    },
    removeItem: (k) => void data.delete(k),
  });

  const timerApi: Timers = {
    set: (callback, ms) => {
      const id = nextId++;
      timers.push({ at: time + ms, callback, id });
      return id;
    },
    clear: (handle) => {
      timers = timers.filter((t) => t.id !== handle);
    },
  };

  return {
    data,
    /** A new tab on this browser's storage. */
    tab(): FakeTab {
      const index = tabs.length;
      const own = { listeners: new Map<string, Set<() => void>>(), leave: new Set<() => void>() };
      tabs.push(own);
      let hidden = false;
      const storage = storageFor(index);
      return {
        storage: () => storage,
        timers: timerApi,
        page: {
          onOtherTabWrote(key, listener) {
            const set = own.listeners.get(key) ?? new Set();
            set.add(listener);
            own.listeners.set(key, set);
            return () => set.delete(listener);
          },
          onLeave(listener) {
            own.leave.add(listener);
            return () => own.leave.delete(listener);
          },
          isHidden: () => hidden,
          hide() {
            hidden = true;
            for (const listener of own.leave) listener();
          },
          show() {
            hidden = false;
          },
        },
      };
    },
    /** Delivers the other tabs' `storage` events queued so far. */
    deliverEvents() {
      while (pending.length > 0) pending.shift()!();
    },
    /** Moves the clock on, running the timers that come due. */
    advance(ms: number) {
      const until = time + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        time = due.at;
        due.callback();
      }
      time = until;
    },
    failWrites(fail: ((key: string, value: string) => unknown) | null) {
      failWrite = fail;
    },
  };
}
