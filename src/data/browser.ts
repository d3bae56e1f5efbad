import type { KeyValueStorage, PageSignals } from './ports';

/*
 * The browser's side of the data layer's interfaces (ports.ts). The only module of the data
 * layer that touches `window` and `document`.
 */

/** localStorage, or undefined where the browser blocks it (some throw on merely reading it). */
export function browserStorage(): KeyValueStorage | undefined {
  try {
    if (typeof window === 'undefined') return undefined;
    const storage = window.localStorage;
    return storage ?? undefined;
  } catch {
    return undefined;
  }
}

/** `storage` events of other tabs, `visibilitychange` to hidden and `pagehide`. */
export const browserPage: PageSignals = {
  onOtherTabWrote(key, listener) {
    if (typeof window === 'undefined') return () => {};
    const onStorage = (event: StorageEvent) => {
      // A null key: another tab cleared storage.
      if (event.key === key || event.key === null) listener();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  },
  onLeave(listener) {
    if (typeof window === 'undefined') return () => {};
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') listener();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', listener);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', listener);
    };
  },
  isHidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
};
