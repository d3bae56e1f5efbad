import { format, type Locale } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import type { LanguageCode } from './languages';

/*
 * Dates and times in each language's own convention. We format with date-fns and explicit
 * patterns rather than Intl because Chromium's ICU lacks Kyrgyz and Nynorsk data: Intl would
 * print US English for them. Patterns follow CLDR for each language.
 */
// English is part of date-fns itself; the others are chunks of their own, loaded with the
// language's texts (i18n.ts), so the first page carries only the language it shows.
const LOCALES: Partial<Record<LanguageCode, Locale>> = { en: enUS };
const LOADERS: Record<Exclude<LanguageCode, 'en'>, () => Promise<Locale>> = {
  ky: () => import('./ky-date-locale').then((m) => m.ky),
  nb: () => import('date-fns/locale/nb').then((m) => m.nb),
  nn: () => import('date-fns/locale/nn').then((m) => m.nn),
};

/** Makes a language's month and day names ready; resolves at once when they already are. */
export async function loadDateLocale(lang: LanguageCode): Promise<void> {
  if (lang === 'en' || LOCALES[lang]) return;
  LOCALES[lang] = await LOADERS[lang]();
}

// The UI switches language only once its texts, and with them its date names, are loaded
// (i18n.ts); English is the safe stand-in should that ever not hold.
const localeOf = (lang: LanguageCode): Locale => LOCALES[lang] ?? enUS;

type DateStyle = 'short' | 'medium' | 'long';

const DATE_PATTERNS: Record<LanguageCode, Record<DateStyle, string>> = {
  // short: a due date in a list ("Mon, Nov 23"); medium: a date in a list; long: written out.
  // One convention per language in all three, so a view never mixes "23 Nov" and "November 23".
  en: { short: 'EEE, MMM d', medium: 'MMM d, yyyy', long: 'EEEE, MMMM d, yyyy' },
  ky: { short: 'd-MMM, EEE', medium: "yyyy-'ж'., d-MMM", long: "yyyy-'ж'., d-MMMM, EEEE" },
  nb: { short: 'EEE d. MMM', medium: 'd. MMM yyyy', long: 'EEEE d. MMMM yyyy' },
  nn: { short: 'EEE d. MMM', medium: 'd. MMM yyyy', long: 'EEEE d. MMMM yyyy' },
};

// 12-hour with AM/PM in US English, 24-hour in Kyrgyz, Bokmål and Nynorsk. A no-break space
// before AM/PM: a time is never split across two lines (as CLDR, which uses U+202F).
const TIME_PATTERNS: Record<LanguageCode, string> = {
  en: 'h:mm\u00a0a',
  ky: 'HH:mm',
  nb: 'HH:mm',
  nn: 'HH:mm',
};

export function formatDate(date: Date, lang: LanguageCode, style: DateStyle = 'medium'): string {
  return format(date, DATE_PATTERNS[lang][style], { locale: localeOf(lang) });
}

const clockCache = new Map<string, string>();

/**
 * A time of day given as minutes after midnight (may exceed 24 h; the day part is dropped).
 * Cached: there are only 1,440 of them per language, and a long agenda shows many.
 */
export function formatClock(minutesOfDay: number, lang: LanguageCode): string {
  const m = ((Math.round(minutesOfDay) % 1440) + 1440) % 1440;
  const key = `${lang}${m}`;
  let text = clockCache.get(key);
  if (text === undefined) {
    text = format(new Date(2000, 0, 1, Math.floor(m / 60), m % 60), TIME_PATTERNS[lang], {
      locale: localeOf(lang),
    });
    if (LOCALES[lang]) clockCache.set(key, text);
  }
  return text;
}

const TIME_WITH_SECONDS: Record<LanguageCode, string> = {
  en: 'h:mm:ss\u00a0a',
  ky: 'HH:mm:ss',
  nb: 'HH:mm:ss',
  nn: 'HH:mm:ss',
};

/** The time of a date ("10:15 AM"); `seconds`: to the second ("10:15:07 AM"). */
export function formatTimeOfDate(
  date: Date,
  lang: LanguageCode,
  { seconds = false }: { seconds?: boolean } = {},
): string {
  return format(date, (seconds ? TIME_WITH_SECONDS : TIME_PATTERNS)[lang], {
    locale: localeOf(lang),
  });
}

/**
 * "A, B and C" in the language's own way, where the browser knows it: Chromium has no list rules
 * for Kyrgyz or Nynorsk, and would join their lists with another language's word ("and", "и").
 * There, the items are joined with commas and the language's `and`.
 */
export function formatList(items: string[], lang: LanguageCode, and: string): string {
  if (items.length <= 1) return items.join('');
  try {
    const list = new Intl.ListFormat(lang, { type: 'conjunction' });
    if (list.resolvedOptions().locale.split('-')[0] === lang) return list.format(items);
  } catch {
    // No list rules at all: joined by hand below.
  }
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
}
