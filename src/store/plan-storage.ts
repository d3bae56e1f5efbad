import type { PersistStorage, StorageValue } from 'zustand/middleware';

/*
 * The bridge between the store and localStorage. What can't be read is never thrown away: the
 * raw text is copied under a backup key first, and the problem is logged, so a later version
 * (or a person) can still recover it.
 */

export const STORAGE_KEY = 'hoc-planner.plans';
export const BACKUP_KEY_PREFIX = 'hoc-planner.backup.';

export function keepAside(
  storage: Storage | undefined,
  raw: string,
  reason: string,
  now = new Date(),
): string | null {
  const key = `${BACKUP_KEY_PREFIX}${now.toISOString()}`;
  console.error(
    `[hoc-planner] Stored plans could not be read (${reason}); the raw data is kept under "${key}".`,
  );
  try {
    storage?.setItem(key, raw);
    return key;
  } catch (error) {
    console.error('[hoc-planner] Could not keep the unreadable data aside:', error);
    return null;
  }
}

export function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    // Some browsers throw on merely reading `localStorage` when storage is blocked.
    return undefined;
  }
}

export function createPlanStorage<S>(
  getStorage: () => Storage | undefined,
  currentVersion: number,
): PersistStorage<S> {
  return {
    getItem(name) {
      const storage = getStorage();
      if (!storage) return null;
      const raw = storage.getItem(name);
      if (raw === null) return null;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        keepAside(storage, raw, 'not valid JSON');
        return null;
      }
      if (typeof value !== 'object' || value === null || !('state' in value)) {
        keepAside(storage, raw, 'not the planner’s format');
        return null;
      }
      const version = (value as { version?: unknown }).version;
      if (typeof version === 'number' && version > currentVersion) {
        keepAside(storage, raw, `written by a newer version (${version})`);
        return null;
      }
      return value as StorageValue<S>;
    },
    setItem(name, value) {
      try {
        getStorage()?.setItem(name, JSON.stringify(value));
      } catch (error) {
        console.error('[hoc-planner] Could not save plans:', error);
      }
    },
    removeItem(name) {
      try {
        getStorage()?.removeItem(name);
      } catch (error) {
        console.error('[hoc-planner] Could not remove stored plans:', error);
      }
    },
  };
}
