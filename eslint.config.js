import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Letters in any script we ship (Latin with Norwegian letters, Cyrillic for Kyrgyz).
const LETTERS = '/[A-Za-zÀ-ɏЀ-ӿ]/';

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
