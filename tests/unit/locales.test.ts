import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES, NAMESPACES } from '@/i18n/languages';

const root = join(import.meta.dirname, '../../locales');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(obj: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(obj as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object')
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    else out.set(path, String(value));
  }
  return out;
}

function load(lng: string, ns: string) {
  return flatten(JSON.parse(readFileSync(join(root, lng, `${ns}.json`), 'utf8')));
}

const variables = (text: string) =>
  // The name with its formatter, if any: `{{size, decimal(digits: 1)}}` → "size, decimal(digits: 1)".
  [...text.matchAll(/{{\s*([\w.]+(?:\s*,[^}]*)?)\s*}}/g)].map((m) => m[1]!.trim()).sort();
const baseKey = (key: string) => key.replace(PLURAL_SUFFIX, '');

describe('translations', () => {
  it('has a folder for every language and a file for every namespace, and nothing else', () => {
    expect(readdirSync(root).sort()).toEqual([...LANGUAGE_CODES].sort());
    for (const lng of LANGUAGE_CODES) {
      expect(readdirSync(join(root, lng)).sort()).toEqual(
        NAMESPACES.map((ns) => `${ns}.json`).sort(),
      );
    }
  });

  for (const ns of NAMESPACES) {
    const english = load('en', ns);
    const englishBases = new Set([...english.keys()].map(baseKey));

    for (const lng of LANGUAGE_CODES.filter((l) => l !== 'en')) {
      describe(`${lng}/${ns}`, () => {
        const other = load(lng, ns);
        const otherBases = new Set([...other.keys()].map(baseKey));

        it('has every key English has, and no key English lacks', () => {
          expect([...englishBases].filter((k) => !otherBases.has(k))).toEqual([]);
          expect([...otherBases].filter((k) => !englishBases.has(k))).toEqual([]);
        });

        it("gives each plural key exactly the language's plural forms", () => {
          const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
          const pluralBases = new Set(
            [...english.keys()].filter((k) => PLURAL_SUFFIX.test(k)).map(baseKey),
          );
          for (const base of pluralBases) {
            for (const category of categories)
              expect(other.has(`${base}_${category}`), `${base}_${category}`).toBe(true);
          }
        });

        it('uses the same {{variables}} as English in every text', () => {
          const mismatches: string[] = [];
          for (const [key, text] of other) {
            const englishText = english.get(key) ?? english.get(`${baseKey(key)}_other`);
            if (englishText === undefined) continue;
            // A singular form may spell the number out ("one day"), so `count` is optional there.
            const optionalCount = (v: string | undefined) =>
              !(key.endsWith('_one') && v === 'count');
            const a = variables(englishText).filter(optionalCount);
            const b = variables(text).filter(optionalCount);
            if (JSON.stringify(a) !== JSON.stringify(b))
              mismatches.push(`${key}: ${b.join(',')} vs ${a.join(',')}`);
          }
          expect(mismatches).toEqual([]);
        });

        it('leaves no text empty', () => {
          expect([...other].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
        });
      });
    }
  }
});
