import { format, type Locale } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { nb } from 'date-fns/locale/nb';
import { nn } from 'date-fns/locale/nn';
import { ky } from './ky-date-locale';
import type { LanguageCode } from './languages';

/*
 * Dates and times in each language's own convention. We format with date-fns and explicit
 * patterns rather than Intl because Chromium's ICU lacks Kyrgyz and Nynorsk data: Intl would
 * print US English for them. Patterns follow CLDR for each language.
 */
const LOCALES: Record<LanguageCode, Locale> = { en: enUS, ky, nb, nn };

type DateStyle = 'short' | 'medium' | 'long';

const DATE_PATTERNS: Record<LanguageCode, Record<DateStyle, string>> = {
  // short: a due date in a list ("Mon 23 Nov"); medium: a date in a list; long: written out.
  en: { short: 'EEE d MMM', medium: 'd MMM yyyy', long: 'EEEE, MMMM d, yyyy' },
  ky: { short: 'd-MMM, EEE', medium: "yyyy-'ж'., d-MMM", long: "yyyy-'ж'., d-MMMM, EEEE" },
  nb: { short: 'EEE d. MMM', medium: 'd. MMM yyyy', long: 'EEEE d. MMMM yyyy' },
  nn: { short: 'EEE d. MMM', medium: 'd. MMM yyyy', long: 'EEEE d. MMMM yyyy' },
};

// 12-hour with AM/PM in US English, 24-hour in Kyrgyz, Bokmål and Nynorsk.
const TIME_PATTERNS: Record<LanguageCode, string> = {
  en: 'h:mm a',
  ky: 'HH:mm',
  nb: 'HH:mm',
  nn: 'HH:mm',
};

export function dateLocale(lang: LanguageCode): Locale {
  return LOCALES[lang];
}

export function formatDate(date: Date, lang: LanguageCode, style: DateStyle = 'medium'): string {
  return format(date, DATE_PATTERNS[lang][style], { locale: LOCALES[lang] });
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
      locale: LOCALES[lang],
    });
    clockCache.set(key, text);
  }
  return text;
}

export function formatTimeOfDate(date: Date, lang: LanguageCode): string {
  return format(date, TIME_PATTERNS[lang], { locale: LOCALES[lang] });
}
