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
