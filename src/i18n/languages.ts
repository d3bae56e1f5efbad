/**
 * The languages the app offers. `name` is the language's name in itself (an endonym): the
 * language menu shows each language so its speakers can find it, whatever language is active.
 */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'ky', name: 'Кыргызча' },
  { code: 'nb', name: 'Norsk bokmål' },
  { code: 'nn', name: 'Norsk nynorsk' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const LANGUAGE_CODES: readonly LanguageCode[] = LANGUAGES.map((l) => l.code);

export const FALLBACK_LANGUAGE: LanguageCode = 'en';

/** Translation namespaces, one JSON file each under `locales/<language>/`. */
export const NAMESPACES = ['common', 'guide', 'drafts'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/**
 * Loaded before the first render (of `common` only the start groups, i18n/start-texts.ts, when
 * the first page is the plans page); the guide texts follow with the rest of `common`
 * (i18n/texts.ts); the drafts load when a page needs them.
 */
export const PRELOADED_NAMESPACES: readonly Namespace[] = ['common'];

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && (LANGUAGE_CODES as readonly string[]).includes(value);
}

/**
 * Maps what a browser reports (`nb-NO`, `no`, `ky-KG`, `en-GB`…) to one of our languages, or
 * undefined. Browsers commonly report plain Norwegian as `no`; Bokmål is what most of them mean.
 */
export function matchLanguage(reported: string | undefined | null): LanguageCode | undefined {
  if (!reported) return undefined;
  const base = reported.toLowerCase().split(/[-_]/)[0];
  if (base === 'no') return 'nb';
  return isLanguageCode(base) ? base : undefined;
}

/**
 * The language a visit starts in: the one the user picked in this app before, or else the first
 * of the browser's languages that we offer. The app (i18n.ts) and the service worker (src/sw.ts,
 * which paints the page before the app starts) both decide by it, so they never disagree.
 */
export function startLanguage(
  stored: string | null | undefined,
  browserLanguages: readonly string[],
): LanguageCode {
  const picked = matchLanguage(stored);
  if (picked) return picked;
  for (const reported of browserLanguages) {
    const match = matchLanguage(reported);
    if (match) return match;
  }
  return FALLBACK_LANGUAGE;
}
