import { describe, expect, it } from 'vitest';
import {
  BACKUP_KEY_PREFIX,
  STORAGE_KEY,
  keepAside,
  listSetAside,
  plansInSetAside,
  putBackSetAside,
  readSetAside,
  removeSetAside,
  takeSetAside,
} from '@/data/backup';
import type { KeyValueStorage } from '@/data/ports';
import { fileStamp } from '@/ui/download';
import { fakeBrowser } from '../fake-browser';

/*
 * The copies of unreadable data kept aside (keepAside): listed, read back and deleted one by
 * one, so that they neither get lost nor fill the browser's storage for good.
 */

function storageWith(entries: Record<string, string>): KeyValueStorage {
  const storage = fakeBrowser().tab().storage();
  for (const [key, value] of Object.entries(entries)) storage.setItem(key, value);
  return storage;
}

describe('copies kept aside', () => {
  it('lists every copy, newest first, with when it was kept and its size; nothing else', () => {
    const storage = fakeBrowser().tab().storage();
    storage.setItem(STORAGE_KEY, '[]');
    storage.setItem('hoc-planner.language', 'nb');
    keepAside(storage, 'older', 'test', new Date('2026-11-30T08:00:00.000Z'));
    keepAside(storage, 'newest copy', 'test', new Date('2026-12-02T10:15:00.000Z'));
    keepAside(storage, 'same moment', 'test', new Date('2026-12-02T10:15:00.000Z'));

    const copies = listSetAside(storage);
    expect(copies.map((c) => [c.keptAt?.toISOString(), c.length])).toEqual([
      ['2026-12-02T10:15:00.000Z', 'newest copy'.length],
      ['2026-12-02T10:15:00.000Z', 'same moment'.length],
      ['2026-11-30T08:00:00.000Z', 'older'.length],
    ]);
    expect(copies.every((c) => c.key.startsWith(BACKUP_KEY_PREFIX))).toBe(true);
    expect(readSetAside(storage, copies[1]!.key)).toBe('same moment');
  });

  it('a key whose time stamp is not a date is listed last, without a date', () => {
    const storage = storageWith({
      [`${BACKUP_KEY_PREFIX}not a date`]: 'x',
      [`${BACKUP_KEY_PREFIX}2026-12-01T00:00:00.000Z`]: 'y',
      // Dates a loose parse would accept: "1" as the year 2001, a date without its time.
      [`${BACKUP_KEY_PREFIX}1`]: 'z',
      [`${BACKUP_KEY_PREFIX}2026-12-01`]: 'w',
      [`${BACKUP_KEY_PREFIX}2026-12-01T00:00:00.000Z#3`]: 'v',
    });
    expect(listSetAside(storage).map((c) => c.keptAt?.toISOString() ?? null)).toEqual([
      '2026-12-01T00:00:00.000Z',
      '2026-12-01T00:00:00.000Z',
      null,
      null,
      null,
    ]);
  });

  it('deletes one copy, and never a key that is not a copy kept aside', () => {
    const storage = storageWith({
      [STORAGE_KEY]: '[{"plan":1}]',
      [`${BACKUP_KEY_PREFIX}2026-12-01T00:00:00.000Z`]: 'a',
      [`${BACKUP_KEY_PREFIX}2026-12-02T00:00:00.000Z`]: 'b',
    });
    expect(removeSetAside(storage, `${BACKUP_KEY_PREFIX}2026-12-01T00:00:00.000Z`)).toBe(true);
    expect(listSetAside(storage).map((c) => c.key)).toEqual([
      `${BACKUP_KEY_PREFIX}2026-12-02T00:00:00.000Z`,
    ]);
    expect(removeSetAside(storage, STORAGE_KEY)).toBe(false);
    expect(readSetAside(storage, STORAGE_KEY)).toBeNull();
    expect(storage.getItem(STORAGE_KEY)).toBe('[{"plan":1}]');
  });

  it('storage that is missing or throws: nothing listed, nothing deleted, no throw', () => {
    const throwing: KeyValueStorage = {
      get length(): number {
        throw new Error('SecurityError');
      },
      key: () => {
        throw new Error('SecurityError');
      },
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const key = `${BACKUP_KEY_PREFIX}2026-12-01T00:00:00.000Z`;
    for (const storage of [undefined, throwing]) {
      expect(listSetAside(storage)).toEqual([]);
      expect(readSetAside(storage, key)).toBeNull();
      expect(removeSetAside(storage, key)).toBe(false);
      expect(takeSetAside(storage, key)).toBe('refused');
      expect(putBackSetAside(storage, key, 'text')).toBe(false);
    }
  });

  it('a delete that storage ignores is reported as failed', () => {
    const storage = storageWith({ [`${BACKUP_KEY_PREFIX}2026-12-01T00:00:00.000Z`]: 'a' });
    const stubborn: KeyValueStorage = {
      get length() {
        return storage.length;
      },
      key: (i) => storage.key(i),
      getItem: (k) => storage.getItem(k),
      setItem: (k, v) => storage.setItem(k, v),
      removeItem: () => {},
    };
    expect(removeSetAside(stubborn, `${BACKUP_KEY_PREFIX}2026-12-01T00:00:00.000Z`)).toBe(false);
  });

  it("a download's file name has the time in the user's own zone, as the page shows it", () => {
    // The tests run in Europe/Oslo: 10:15 UTC is 11:15 in December, 23:30 UTC the next day.
    expect(fileStamp(new Date('2026-12-02T10:15:00.000Z'))).toBe('2026-12-02-11-15');
    expect(fileStamp(new Date('2026-12-31T23:30:00.000Z'))).toBe('2027-01-01-00-30');
  });

  it('takes a copy out (its text, for Undo) and puts it back; never the plans', () => {
    const key = `${BACKUP_KEY_PREFIX}2026-12-01T00:00:00.000Z`;
    const storage = storageWith({ [key]: 'damaged text', [STORAGE_KEY]: '{"plans":[]}' });
    expect(takeSetAside(storage, key)).toEqual({ text: 'damaged text' });
    expect(storage.getItem(key)).toBeNull();
    // Deleted in another tab first: gone, not refused.
    expect(takeSetAside(storage, key)).toBe('gone');
    expect(putBackSetAside(storage, key, 'damaged text')).toBe(true);
    expect(storage.getItem(key)).toBe('damaged text');

    // Written again in the meantime (another tab): Undo puts it back beside that, never over it.
    expect(takeSetAside(storage, key)).toEqual({ text: 'damaged text' });
    storage.setItem(key, 'newer text');
    storage.setItem(`${key}#2`, 'more text');
    expect(putBackSetAside(storage, key, 'damaged text')).toBe(true);
    expect(storage.getItem(key)).toBe('newer text');
    expect(storage.getItem(`${key}#2`)).toBe('more text');
    expect(storage.getItem(`${key}#3`)).toBe('damaged text');

    expect(takeSetAside(storage, STORAGE_KEY)).toBe('refused');
    expect(putBackSetAside(storage, STORAGE_KEY, 'overwritten')).toBe(false);
    expect(storage.getItem(STORAGE_KEY)).toBe('{"plans":[]}');
  });

  it('putting a copy back on full storage is reported as failed', () => {
    const key = `${BACKUP_KEY_PREFIX}2026-12-01T00:00:00.000Z`;
    const storage = storageWith({});
    const full: KeyValueStorage = {
      get length() {
        return storage.length;
      },
      key: (i) => storage.key(i),
      getItem: (k) => storage.getItem(k),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: (k) => storage.removeItem(k),
    };
    expect(putBackSetAside(full, key, 'text')).toBe(false);
  });

  it('a copy storage will not read is listed without a size, and hides none of the others', () => {
    const good = `${BACKUP_KEY_PREFIX}2026-12-01T00:00:00.000Z`;
    const bad = `${BACKUP_KEY_PREFIX}2026-12-02T00:00:00.000Z`;
    const storage = storageWith({ [good]: 'abc', [bad]: 'def' });
    const picky: KeyValueStorage = {
      get length() {
        return storage.length;
      },
      key: (i) => storage.key(i),
      getItem: (k) => {
        if (k === bad) throw new Error('unreadable');
        return storage.getItem(k);
      },
      setItem: (k, v) => storage.setItem(k, v),
      removeItem: (k) => storage.removeItem(k),
    };
    expect(listSetAside(picky).map((copy) => [copy.key, copy.length])).toEqual([
      [bad, 0],
      [good, 3],
    ]);
  });

  it('a whole save of 200,000 plans is counted, and only three titles read', () => {
    const plans = Array.from({ length: 200_000 }, (_, i) => ({ title: `Plan ${i}` }));
    expect(plansInSetAside(JSON.stringify({ state: { plans } }))).toEqual({
      count: 200_000,
      titles: ['Plan 0', 'Plan 1', 'Plan 2'],
    });
  });

  it("names the plans a copy holds: a whole save's, or the one plan that failed its checks", () => {
    const save = JSON.stringify({
      state: { plans: [{ title: 'School assembly' }, { title: '  ' }, { title: 42 }, null] },
      version: 3,
    });
    // The first three titles are read, and every plan counted.
    expect(plansInSetAside(save)).toEqual({ count: 4, titles: ['School assembly', null, null] });
    expect(plansInSetAside(JSON.stringify({ id: 'p', title: 'Robot day' }))).toEqual({
      count: 1,
      titles: ['Robot day'],
    });
    // Nothing to name: not JSON, not a plan, an empty save.
    for (const text of ['{"damaged":', '[1,2]', '"title"', '{"a":1}', '{"state":{"plans":[]}}'])
      expect(plansInSetAside(text)).toBeNull();
  });

  it('a hostile title is shown tamed: no controls, no reversed text, cut to a line', () => {
    const titles = (title: string) => plansInSetAside(JSON.stringify({ title }))?.titles;
    expect(titles('\u202eyad tobor\u202c and\u0000 more\n\nlines')).toEqual([
      'yad tobor and more lines',
    ]);
    const long = titles('å'.repeat(200))![0]!;
    expect([...long]).toHaveLength(60);
    expect(long.endsWith('…')).toBe(true);
    // Keys JSON can make but an object must not take are dropped, not followed.
    expect(plansInSetAside('{"__proto__":{"title":"x"},"title":"Real"}')).toEqual({
      count: 1,
      titles: ['Real'],
    });
    // Invisible characters (two titles must not look alike), and accents stacked past six.
    expect(titles('Robot\u200bday\u00ad\ufeff\u2060')).toEqual(['Robotday']);
    expect(titles('Robot\u200dday')).toEqual(['Robotday']);
    expect(titles('\u200b\u3164')).toEqual([null]);
    // (NFC first: “a” and the first accent are one letter, “á”, with six more marks.)
    expect(titles(`a${'\u0301'.repeat(58)}b`)).toEqual([`\u00e1${'\u0301'.repeat(6)}b`]);
    // Real writing keeps its marks and joiners: Burmese, pointed Hebrew, Persian, Hindi, emoji
    // made of parts, the flag of England.
    for (const title of [
      'မြို့ ကျောင်း',
      'שָּׁלוֹם'.normalize('NFC'),
      'برنامه\u200cریزی',
      'क्\u200dष',
      '👩\u200d💻',
      '\u{1f3f4}\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}',
    ])
      expect(titles(title)).toEqual([title]);
    // Tag letters without their flag hide text: dropped.
    expect(titles('abc\u{e0067}\u{e0062}')).toEqual(['abc']);
  });
});
