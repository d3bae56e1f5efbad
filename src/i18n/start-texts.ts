import type common from '../../locales/en/common.json';

/*
 * The texts the first page needs before it can show: the groups of `common` that the plans page
 * and its frame (header, footer, error page, loading line, update notice) use. The storage
 * banners, shown only when saving has a problem, load with the rest (app/storage-banner.tsx).
 * locales/<lang>/common.json stays the one source: the build cuts this part out of each language
 * (`?start`, the start-texts plugin in vite.config.ts), and i18n/texts.ts loads it first; the rest
 * of the texts follow in the background. A text the first page shows must be in one of these
 * groups: tests/components/start-texts.test.tsx renders the page with only these, in every
 * language, and fails on any text missing.
 */
export const START_GROUPS = [
  'app',
  'layout',
  'action',
  'error',
  'relative',
  'progress',
  'field',
  'plans',
  'import',
  'pwa',
] as const satisfies readonly (keyof typeof common)[];

/** The start groups of a language's `common` texts. */
export function startTextsOf(texts: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    START_GROUPS.filter((group) => group in texts).map((group) => [group, texts[group]]),
  );
}
