import type { KeyValueStorage } from './ports';

/*
 * The keys the planner uses in localStorage, and how unreadable data is kept aside: the raw
 * text is copied under a backup key of its own (never overwritten: each has its own time
 * stamp) before anything else happens, so a later version, or a person, can still recover it.
 */

export { STORAGE_KEY } from './storage-key';
export const BACKUP_KEY_PREFIX = 'hoc-planner.backup.';

export function keepAside(
  storage: KeyValueStorage | undefined,
  raw: string,
  reason: string,
  now = new Date(),
): string | null {
  let key = `${BACKUP_KEY_PREFIX}${now.toISOString()}`;
  try {
    if (!storage) throw new Error('no storage');
    // The same damaged text read again (on the next visit) is not copied twice.
    for (let i = 0; i < storage.length; i += 1) {
      const existing = storage.key(i);
      if (existing?.startsWith(BACKUP_KEY_PREFIX) && storage.getItem(existing) === raw)
        return existing;
    }
    for (let n = 2; storage.getItem(key) !== null; n += 1)
      key = `${BACKUP_KEY_PREFIX}${now.toISOString()}#${n}`;
    storage.setItem(key, raw);
    console.error(
      `[hoc-planner] Stored plans could not be read (${reason}); the raw data is kept under "${key}".`,
    );
    return key;
  } catch (error) {
    // null tells the caller to stop writing: the main key now holds the only copy.
    console.error(
      `[hoc-planner] Stored plans could not be read (${reason}), and could not be kept aside:`,
      error,
    );
    return null;
  }
}

/** A copy kept aside by `keepAside`: its key, when it was kept, and its size in characters. */
export interface SetAsideCopy {
  key: string;
  /** From the key's time stamp; null for a key whose stamp can't be read. */
  keptAt: Date | null;
  /** Characters of stored text (localStorage counts its quota in them, two bytes each). */
  length: number;
}

/** The time stamp `keepAside` writes: `toISOString()`, then `#2`, `#3`… for copies of one moment. */
const STAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)(?:#\d+)?$/;

const keptAtOf = (key: string): Date | null => {
  // Only the exact form keepAside writes: a looser parse reads "1" as the year 2001.
  const stamp = STAMP.exec(key.slice(BACKUP_KEY_PREFIX.length))?.[1];
  const date = stamp ? new Date(stamp) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
};

/**
 * Every copy kept aside in `storage`, newest first (those without a readable time last). An
 * empty list where storage can't be read: there is then nothing to list or delete.
 */
export function listSetAside(storage: KeyValueStorage | undefined): SetAsideCopy[] {
  const copies: SetAsideCopy[] = [];
  try {
    if (!storage) return [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (!key?.startsWith(BACKUP_KEY_PREFIX)) continue;
      copies.push({ key, keptAt: keptAtOf(key), length: storage.getItem(key)?.length ?? 0 });
    }
  } catch {
    return [];
  }
  return copies.sort(
    (a, b) =>
      (b.keptAt?.getTime() ?? -Infinity) - (a.keptAt?.getTime() ?? -Infinity) ||
      a.key.localeCompare(b.key),
  );
}

/** The text of a copy kept aside, or null when it is gone or storage can't be read. */
export function readSetAside(storage: KeyValueStorage | undefined, key: string): string | null {
  if (!key.startsWith(BACKUP_KEY_PREFIX)) return null;
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/**
 * Deletes one copy kept aside. Only ever a key of a copy kept aside: any other key (the plans
 * themselves) is left alone. False when storage refused.
 */
export function removeSetAside(storage: KeyValueStorage | undefined, key: string): boolean {
  if (!key.startsWith(BACKUP_KEY_PREFIX) || !storage) return false;
  try {
    storage.removeItem(key);
    return storage.getItem(key) === null;
  } catch {
    return false;
  }
}
