import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { checkBudgets, checkLazyMarkers, firstPageFiles } from '../../scripts/budgets.mjs';

const manifest = {
  'index.html': {
    file: 'assets/index.js',
    imports: ['_shared.js'],
    css: ['assets/index.css'],
    dynamicImports: [
      'src/app/pages/plans-route.tsx',
      'locales/en/common.json?start',
      'locales/en/common.json',
      'locales/nb/common.json',
    ],
  },
  '_shared.js': { file: 'assets/shared.js' },
  'src/app/pages/plans-route.tsx': { file: 'assets/plans-route.js', imports: ['_shared.js'] },
  'src/app/pages/plan-route.tsx': { file: 'assets/plan-route.js' },
  'locales/nb/common.json': { file: 'assets/common-nb.js' },
  'locales/en/common.json': { file: 'assets/common-en.js' },
  'locales/en/common.json?start': { file: 'assets/common-en-start.js' },
  'locales/en/guide.json': { file: 'assets/guide-en.js' },
};
const sizes: Record<string, number> = {
  'assets/index.js': 60 * 1024,
  'assets/shared.js': 20 * 1024,
  'assets/plans-route.js': 5 * 1024,
  'assets/index.css': 6 * 1024,
  'assets/common-en.js': 10 * 1024,
  'assets/common-en-start.js': 4 * 1024,
  'assets/guide-en.js': 3 * 1024,
  'assets/common-nb.js': 10 * 1024,
};
const sizeOf = (file: string) => sizes[file] ?? 0;

describe('size budgets', () => {
  it("counts the entry, its static imports, the plans route and the starting language's start texts, not the rest of the texts, other routes or languages", () => {
    expect(firstPageFiles(manifest).js.sort()).toEqual([
      'assets/common-en-start.js',
      'assets/index.js',
      'assets/plans-route.js',
      'assets/shared.js',
    ]);
  });

  it('counts the app’s start chunk, which the entry imports once the page is painted', () => {
    const split = {
      ...manifest,
      'index.html': { ...manifest['index.html'], dynamicImports: ['src/boot.tsx'] },
      'src/boot.tsx': { file: 'assets/boot.js', imports: ['_react.js'] },
      '_react.js': { file: 'assets/react.js' },
    };
    expect(firstPageFiles(split).js).toEqual(
      expect.arrayContaining(['assets/index.js', 'assets/boot.js', 'assets/react.js']),
    );
  });

  it('passes within budget', () => {
    const result = checkBudgets(manifest, sizeOf, { firstPageJsKb: 100, firstPageCssKb: 15 });
    expect(result.jsKb).toBe(89);
    expect(result.problems).toEqual([]);
  });

  it('fails when a budget is lowered below the size, naming the files', () => {
    const result = checkBudgets(manifest, sizeOf, { firstPageJsKb: 80, firstPageCssKb: 5 });
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toContain('89.0 KB gzipped, over the 80 KB budget');
    expect(result.problems[0]).toContain('assets/index.js (60.0 KB)');
    expect(result.problems[1]).toContain('assets/index.css (6.0 KB)');
  });

  it('fails when another language or route is loaded by the first page', () => {
    const eager = {
      ...manifest,
      'index.html': {
        ...manifest['index.html'],
        imports: ['_shared.js', 'locales/nb/common.json', 'src/app/pages/plan-route.tsx'],
      },
    };
    const result = checkBudgets(eager, sizeOf, { firstPageJsKb: 1000, firstPageCssKb: 100 });
    expect(result.problems[0]).toContain('locales/nb/common.json');
    expect(result.problems[0]).toContain('src/app/pages/plan-route.tsx');
  });

  describe('code loaded only when used (the guide importer)', () => {
    const lazyOnly = { modules: ['src/guide/'], markers: ['YAMLParseError'] };
    const withGuide = {
      ...manifest,
      'src/app/pages/plans-route.tsx': {
        ...manifest['src/app/pages/plans-route.tsx'],
        dynamicImports: ['src/guide/import-guide.ts'],
      },
      'src/guide/import-guide.ts': {
        file: 'assets/import-guide.js',
        src: 'src/guide/import-guide.ts',
        isDynamicEntry: true,
        imports: ['_shared.js'],
      },
    };
    const contents: Record<string, string> = {
      'assets/import-guide.js': 'class A extends B{constructor(){super("YAMLParseError")}}',
    };
    const contentOf = (file: string) => contents[file] ?? '';

    it('passes when the importer is a dynamic import and its parsers are in its own chunk', () => {
      expect(
        checkBudgets(withGuide, sizeOf, { firstPageJsKb: 1000, firstPageCssKb: 100, lazyOnly })
          .problems,
      ).toEqual([]);
      expect(checkLazyMarkers(withGuide, contentOf, lazyOnly)).toEqual([]);
    });

    it('fails when the first page imports the importer, naming it', () => {
      const eager = {
        ...withGuide,
        'src/app/pages/plans-route.tsx': {
          file: 'assets/plans-route.js',
          imports: ['_shared.js', 'src/guide/import-guide.ts'],
        },
      };
      const { problems } = checkBudgets(eager, sizeOf, {
        firstPageJsKb: 1000,
        firstPageCssKb: 100,
        lazyOnly,
      });
      expect(problems).toEqual([
        'src/guide/ must load only when used, but the first page loads: src/guide/import-guide.ts',
      ]);
    });

    it("fails when a parser's code lands in a first-page chunk", () => {
      const shared: Record<string, string> = {
        ...contents,
        'assets/shared.js': 'x("YAMLParseError")',
      };
      expect(checkLazyMarkers(withGuide, (f: string) => shared[f] ?? '', lazyOnly)).toEqual([
        '"YAMLParseError" must load only when used, but the first page loads it in: assets/shared.js',
      ]);
    });

    it('fails when no chunk holds a marker, so the check never passes for nothing', () => {
      expect(checkLazyMarkers(withGuide, () => '', lazyOnly)).toEqual([
        'No built chunk holds "YAMLParseError": update lazyOnly.markers in budgets.json',
      ]);
    });
  });
});
