import { parseJsonSafely } from '@/plan/file-format';
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
      // One copy that can't be read is listed without a size: it hides none of the others.
      let length = 0;
      try {
        const text: unknown = storage.getItem(key);
        if (typeof text === 'string') length = text.length;
      } catch {
        // Listed with a size of 0.
      }
      copies.push({ key, keptAt: keptAtOf(key), length });
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
 * Deletes one copy kept aside and returns its text, to put back with `putBackSetAside` (Undo).
 * Only ever a key of a copy kept aside: any other key (the plans themselves) is left alone.
 * 'gone' when there was no such copy (another tab deleted it first), 'refused' when storage
 * refused to read or to delete it.
 */
export function takeSetAside(
  storage: KeyValueStorage | undefined,
  key: string,
): { text: string } | 'gone' | 'refused' {
  if (!key.startsWith(BACKUP_KEY_PREFIX) || !storage) return 'refused';
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return 'refused';
  }
  if (text === null) return 'gone';
  return removeSetAside(storage, key) ? { text } : 'refused';
}

/**
 * Puts a deleted copy back (Undo): under its own key, or, where something else was written there
 * since (another tab, another app), under the next free "#2", "#3"… of it, so that Undo never
 * overwrites anything. False when storage refused, or for a key that is not a copy's.
 */
export function putBackSetAside(
  storage: KeyValueStorage | undefined,
  key: string,
  text: string,
): boolean {
  if (!key.startsWith(BACKUP_KEY_PREFIX) || !storage) return false;
  try {
    let free = key;
    const base = key.replace(/#\d+$/, '');
    for (let n = 2; ; n += 1) {
      const there = storage.getItem(free);
      if (there === text) return true;
      if (there === null) break;
      free = `${base}#${n}`;
    }
    storage.setItem(free, text);
    return storage.getItem(free) === text;
  } catch {
    return false;
  }
}

/** What a copy holds, as far as it can be read: its number of plans, the first few titles. */
export interface SetAsidePlans {
  /** How many plans it holds. */
  count: number;
  /** The titles of the first `TITLES_READ` (null: a plan without one), cleaned to be shown. */
  titles: (string | null)[];
}

/** Titles read from a copy: a row names a few and counts the rest. */
const TITLES_READ = 3;
/** Titles longer than this are cut (with "…"): a row names a plan, it does not print it. */
const TITLE_SHOWN = 60;
/*
 * Shown as a space: controls and line or paragraph separators. Not shown at all: invisible
 * characters (format characters: direction marks, zero widths, soft hyphens…; the combining
 * grapheme joiner; Hangul fillers). One makes a row read backwards, the others make two different
 * titles look the same. Kept: the joiners of scripts and emoji (ZWNJ, ZWJ) next to a letter
 * outside ASCII (Persian, Hindi, "👩‍💻"; between ASCII letters they only hide), and the tags
 * of a flag ("🏴" and its tag letters: England, Scotland, Wales).
 */
const AS_SPACE = /[\p{Cc}\p{Zl}\p{Zp}]/gu;
const JOINER = '(?:\\u200c|\\u200d)';
const TAG = '[\\u{e0020}-\\u{e007f}]';
const UNSHOWN = new RegExp(
  [
    // A joiner between ASCII (or at an end): it joins nothing there.
    `(?<![^\\0-\\x7f])${JOINER}(?![^\\0-\\x7f])`,
    // A tag letter that is not part of a flag.
    `(?<!\\u{1f3f4}[\\u{e0020}-\\u{e007e}]*)${TAG}`,
    // Any other invisible character.
    `(?!${JOINER}|${TAG})[\\p{Cf}\\u034f\\u115f\\u1160\\u3164\\uffa0]`,
  ].join('|'),
  'gu',
);
/*
 * Marks on one letter past six are dropped: real writing stacks a few (Burmese, Tibetan, pointed
 * Hebrew: up to four or five), a hostile title dozens. The row clips what is left.
 */
const STACKED_MARKS = /(\p{M}{6})\p{M}+/gu;

const titleOf = (plan: unknown): string | null => {
  const title =
    typeof plan === 'object' && plan !== null && 'title' in plan ? plan.title : undefined;
  if (typeof title !== 'string') return null;
  // Only the start of a long title is looked at (a title can be megabytes of damaged data).
  const shown = title
    .slice(0, TITLE_SHOWN * 8)
    .normalize('NFC')
    .replace(AS_SPACE, ' ')
    .replace(UNSHOWN, '')
    .replace(STACKED_MARKS, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (shown === '') return null;
  const chars = [...shown];
  return chars.length > TITLE_SHOWN ? `${chars.slice(0, TITLE_SHOWN - 1).join('')}…` : shown;
};

/**
 * The plans a copy holds, read from its text: a whole save (`{"state": {"plans": [...]}}`) or one
 * plan that failed its checks. Null when it holds no plan that can be made out (not JSON, another
 * shape): the copy is then named by when it was kept only.
 */
export function plansInSetAside(text: string): SetAsidePlans | null {
  const parsed = parseJsonSafely(text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return null;
  const value = parsed.value as Record<string, unknown>;
  const state = value.state;
  const plans =
    typeof state === 'object' &&
    state !== null &&
    Array.isArray((state as { plans?: unknown }).plans)
      ? (state as { plans: unknown[] }).plans
      : 'title' in value && !Array.isArray(value)
        ? [value]
        : null;
  if (!plans || plans.length === 0) return null;
  return { count: plans.length, titles: plans.slice(0, TITLES_READ).map(titleOf) };
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
