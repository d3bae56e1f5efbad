import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The deep run (`npm run test:deep`, part of `npm test`) finds the property test files by name.
 * A file that draws cases with fast-check and is not among them would run in CI only at the unit
 * suite's tenth depth (tests/property-runs.ts), with nothing to say so.
 */
const root = join(import.meta.dirname, '..', '..');
const scripts = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [relative(root, path)] : [];
  });
}

describe('the deep run of the property tests', () => {
  const deep = scripts['test:deep'] ?? '';
  const filters = deep
    .replace(/^.*?vitest run\s+/, '')
    .split(/\s+/)
    .filter(Boolean);

  it('is part of npm test, at the full depth', () => {
    expect(scripts.test).toMatch(/npm run test:deep\b/);
    expect(deep).toMatch(/^PROPERTY_DEPTH=deep vitest run /);
    expect(filters.length).toBeGreaterThan(0);
    expect(filters.every((filter) => !filter.startsWith('-'))).toBe(true);
  });

  it('takes every test file that draws cases with fast-check', () => {
    const propertyFiles = testFiles(join(root, 'tests')).filter((file) =>
      /^import\b[^\n]*from '(?:fast-check|\.\.\/property-runs)';$/m.test(
        readFileSync(join(root, file), 'utf8'),
      ),
    );
    expect(propertyFiles.length).toBeGreaterThanOrEqual(7);
    const missed = propertyFiles.filter((file) => !filters.some((f) => file.includes(f)));
    expect(missed).toEqual([]);
  });
});
