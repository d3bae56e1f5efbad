import { useSyncExternalStore } from 'react';
import { createStore } from 'zustand/vanilla';
import {
  BACKUP_KEY_PREFIX,
  listSetAside,
  plansInSetAside,
  putBackSetAside,
  readSetAside,
  takeSetAside,
  type SetAsideCopy,
  type SetAsidePlans,
} from '@/data/backup';
import { browserStorage } from '@/data/browser';
import { storageStatus } from './storage-status';

/*
 * The copies of unreadable data this browser keeps aside (data/backup.ts), for the plans page to
 * list with a download and a delete: kept for good until the user deletes them, and counted in
 * the browser's storage quota. Read when first asked for, after each delete, when this tab
 * reports a storage problem (it may just have kept a copy aside) and when another tab keeps or
 * deletes one.
 */

const copies = createStore<SetAsideCopy[] | null>()(() => null);

/**
 * Reads the list again. A copy that did not change stays the same object, and an unchanged list
 * the same array: the page draws again only what changed (there can be thousands of copies).
 */
const refresh = (written?: string) => {
  const before = new Map((copies.getState() ?? []).map((copy) => [copy.key, copy]));
  let changed = before.size === 0;
  const next = listSetAside(browserStorage()).map((copy, i) => {
    const same = before.get(copy.key);
    // A copy another tab wrote to is read again, even at the same length.
    const kept =
      copy.key !== written &&
      same?.length === copy.length &&
      same.keptAt?.getTime() === copy.keptAt?.getTime()
        ? same
        : copy;
    if (kept !== copies.getState()?.[i]) changed = true;
    return kept;
  });
  if (changed || next.length !== before.size) copies.setState(next, true);
};

let watching = false;
function watchOtherTabs() {
  if (watching || typeof window === 'undefined') return;
  watching = true;
  storageStatus.subscribe(() => refresh());
  window.addEventListener('storage', (event) => {
    if (event.key === null || event.key.startsWith(BACKUP_KEY_PREFIX))
      refresh(event.key ?? undefined);
  });
}

// Read afresh whenever a component starts to show the list.
const subscribe = (listener: () => void) => {
  watchOtherTabs();
  refresh();
  return copies.subscribe(listener);
};
const EMPTY: SetAsideCopy[] = [];
const snapshot = () => {
  if (copies.getState() === null) refresh();
  return copies.getState() ?? EMPTY;
};

/** Every copy kept aside, newest first; kept up to date. */
export function useSetAsideCopies(): SetAsideCopy[] {
  return useSyncExternalStore(subscribe, snapshot, () => EMPTY);
}

/** The text of one copy, for a download; null when it is gone. */
export function setAsideText(key: string): string | null {
  return readSetAside(browserStorage(), key);
}

// What each copy holds, read once per copy: an unchanged copy stays the same object (refresh).
const plansRead = new WeakMap<SetAsideCopy, SetAsidePlans | null>();

/** The plans a copy holds, as far as they can be read (data/backup.ts); null when none can. */
export function setAsidePlans(copy: SetAsideCopy): SetAsidePlans | null {
  if (!plansRead.has(copy)) {
    const text = setAsideText(copy.key);
    plansRead.set(copy, text === null ? null : plansInSetAside(text));
  }
  return plansRead.get(copy) ?? null;
}

/**
 * Deletes one copy and returns its text, to put back with `restoreSetAside` (Undo); 'gone' when
 * it was no longer there (another tab deleted it first), 'refused' when storage refused. The list
 * is read again either way.
 */
export function deleteSetAside(key: string): { text: string } | 'gone' | 'refused' {
  const outcome = takeSetAside(browserStorage(), key);
  refresh();
  return outcome;
}

/**
 * Puts a deleted copy back (Undo): under its key, or beside what another writer put there since
 * (data/backup.ts). False when storage refused.
 */
export function restoreSetAside(key: string, text: string): boolean {
  const done = putBackSetAside(browserStorage(), key, text);
  refresh();
  return done;
}
