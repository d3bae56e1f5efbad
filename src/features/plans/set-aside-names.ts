import { BACKUP_KEY_PREFIX, type SetAsideCopy } from '@/data/backup';

/*
 * The names the copies kept aside are listed by (set-aside-copies.tsx), pure: no two rows, and no
 * two of their buttons, may read alike, and a name should not change while the list is looked at.
 */

export interface CopyNaming {
  /** When the copy was kept, to the minute, or to the second (`seconds`). */
  when(copy: SetAsideCopy, seconds: boolean): string;
  /** The first plan it holds, as shown ("“Robot day”"); null when it names none. */
  plan(copy: SetAsideCopy): string | null;
  withPlan(name: string, plan: string): string;
  numbered(name: string, nth: number): string;
}

/** The digits of a key's "#2", "#3"… as written (keepAside's copies of one moment); undefined: none. */
const keyNumber = (key: string) => /#(\d+)$/.exec(key)?.[1];
const nthOfKey = (key: string) => Number(keyNumber(key) ?? 1);

/** Oldest first: by when it was kept (to the millisecond), then by the key's "#2", "#3"… */
const oldestFirst = (a: SetAsideCopy, b: SetAsideCopy) =>
  (a.keptAt?.getTime() ?? Infinity) - (b.keptAt?.getTime() ?? Infinity) ||
  nthOfKey(a.key) - nthOfKey(b.key) ||
  a.key.localeCompare(b.key);

function groups(copies: SetAsideCopy[], names: Map<string, string>) {
  const byName = new Map<string, SetAsideCopy[]>();
  for (const copy of copies) {
    const name = names.get(copy.key)!;
    const group = byName.get(name);
    if (group) group.push(copy);
    else byName.set(name, [copy]);
  }
  return [...byName.values()].filter((group) => group.length > 1);
}

/**
 * A name for each copy, by key: when it was kept, to the minute ("Dec 2, 2026, 10:15 AM"); to the
 * second for copies of the same minute; then with the plan it holds for copies of the same second
 * (a save whose plans failed their checks is kept aside as several copies, milliseconds apart);
 * numbered, oldest first, only where even that is alike. A delete changes no other copy's name
 * unless it was numbered.
 */
export function nameCopies(copies: SetAsideCopy[], naming: CopyNaming): Map<string, string> {
  const names = new Map(copies.map((copy) => [copy.key, naming.when(copy, false)]));
  for (const group of groups(copies, names))
    for (const copy of group) names.set(copy.key, naming.when(copy, true));
  for (const group of groups(copies, names))
    for (const copy of group) {
      const plan = naming.plan(copy);
      if (plan !== null) names.set(copy.key, naming.withPlan(names.get(copy.key)!, plan));
    }
  for (const group of groups(copies, names))
    [...group]
      .sort(oldestFirst)
      .forEach((copy, i) => names.set(copy.key, naming.numbered(names.get(copy.key)!, i + 1)));
  return names;
}

/** A short fingerprint of a text (FNV-1a, 32 bits): tells apart names cut to the same start. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * "2026-12-02-10-15-07-250" from when the copy was kept, for its file's name: in the user's time,
 * to the millisecond, with the key's "#2", "#3"… as written, so that no two copies of one browser
 * share a file name. A key without a readable time: what it says in safe characters, and its
 * fingerprint.
 */
export function copyFileStamp(copy: SetAsideCopy, fileStamp: (date: Date) => string): string {
  const rest = copy.key.slice(BACKUP_KEY_PREFIX.length);
  if (!copy.keptAt)
    return `unknown-date-${rest.replace(/[^\w-]+/g, '-').slice(0, 40)}-${fingerprint(rest)}`;
  const seconds = String(copy.keptAt.getSeconds()).padStart(2, '0');
  const milliseconds = String(copy.keptAt.getMilliseconds()).padStart(3, '0');
  const nth = keyNumber(copy.key);
  return `${fileStamp(copy.keptAt)}-${seconds}-${milliseconds}${nth === undefined ? '' : `-${nth}`}`;
}
