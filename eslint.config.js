import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Letters in any script we ship (Latin with Norwegian letters, Cyrillic for Kyrgyz).
const LETTERS = '/[A-Za-zÀ-ɏЀ-ӿ]/';

/*
 * The rooms of src/ and which may import which (README, "Architecture", draws the same picture).
 * app/ is the one room that combines features; a feature uses only itself and the shared rooms;
 * the shared rooms never reach up into a feature or app/; plan/ and guide/ are plain TypeScript.
 * Paths are resolved (the `@/` alias and relative paths alike), so `../other-feature` is caught.
 * tests/unit/lint-boundaries.test.ts shows each rule firing.
 */
const ROOT = import.meta.dirname;
const FEATURES = readdirSync(`${ROOT}/src/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
// src/ui is the shared UI room issue 21 makes out of src/components; both are kept by one rule.
const SHARED_UI = ['./src/components', './src/ui'];
const BELOW_FEATURES = [
  ...SHARED_UI,
  './src/store',
  './src/data',
  './src/i18n',
  './src/plan',
  './src/guide',
];
const PURE = ['./src/plan', './src/guide'];
const ROOMS = [
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message:
      'A feature never imports another feature: combine them in src/app/, or move what both use to a shared room (src/components, src/plan).',
  })),
  {
    target: ['./src/features', ...BELOW_FEATURES],
    from: './src/app',
    message:
      'Only src/boot.tsx (the start) and src/app/ itself import src/app/: it is the top of the house.',
  },
  {
    target: BELOW_FEATURES,
    from: './src/features',
    message: 'Shared code never imports a feature: src/app/ combines features.',
  },
  {
    target: ['./src/store', './src/data', './src/i18n', ...PURE],
    from: SHARED_UI,
    message: 'The data layer and i18n setup never import UI components.',
  },
  {
    target: ['./src/data', './src/i18n', ...PURE],
    from: './src/store',
    message: 'src/data/, src/plan/, src/guide/ and src/i18n/ never import the store.',
  },
  {
    target: ['./src/i18n', ...PURE],
    from: './src/data',
    message: 'src/data/ (saving and tab sync) builds on src/plan/, not the other way.',
  },
  ...PURE.map((target) => ({
    target,
    from: './src/i18n',
    except: ['./ky-date-locale.ts', './languages.ts'],
    message:
      'src/plan/ and src/guide/ use only the pure parts of src/i18n/ (date locale, language list), never the i18next setup.',
  })),
  {
    target: './src/i18n',
    from: PURE,
    message: 'src/i18n/ is below src/plan/ and src/guide/ (they use its date locale), not above.',
  },
  {
    target: './src/plan',
    from: './src/guide',
    message: 'src/plan/ is the ground floor: the guide importer builds on it, not the other way.',
  },
];
// Packages that make code UI or state: never in the pure rooms.
const NOT_IN_PURE_ROOMS = [
  'react',
  'react/*',
  'react-*',
  'react-*/*',
  '@tanstack/react-*',
  '@dnd-kit/*',
  'zustand',
  'zustand/*',
  'i18next',
  'i18next-*',
  'virtual:*',
];

export default tseslint.config(
  { ignores: ['dist', 'bench', 'node_modules', 'coverage', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // What import-x reads to follow imports (for no-cycle): TypeScript files, parsed as such.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: `${ROOT}/tsconfig.json` }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: ROOMS }],
      // Type-only imports are left out (they vanish from the build); a value cycle is an error.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/plan/**/*.{ts,tsx}', 'src/guide/**/*.{ts,tsx}', 'src/data/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: NOT_IN_PURE_ROOMS,
              message:
                'src/plan/, src/guide/ and src/data/ are plain TypeScript: no React, router, store or i18next (tested under node).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['src/**/*.tsx'],
    rules: {
      // Labels wrap their control and a translated text a few elements deep.
      'jsx-a11y/label-has-associated-control': ['error', { assert: 'either', depth: 4 }],
    },
  },
  {
    // User-visible text goes through i18next's t(), never a literal in JSX.
    files: ['src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `JSXText[value=${LETTERS}]`,
          message: 'User-visible text must go through t() (react-i18next), not a JSX literal.',
        },
        {
          selector: `JSXAttribute[name.name=/^(aria-label|aria-description|title|placeholder|alt|label)$/] > Literal[value=${LETTERS}]`,
          message: 'User-visible attribute text must go through t() (react-i18next).',
        },
        {
          selector: `JSXExpressionContainer > Literal[value=${LETTERS}]`,
          message: 'User-visible text must go through t() (react-i18next), not a JSX literal.',
        },
      ],
    },
  },
);
