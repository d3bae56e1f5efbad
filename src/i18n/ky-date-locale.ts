import type { Locale } from 'date-fns';
import { ru } from 'date-fns/locale/ru';

/*
 * date-fns ships no Kyrgyz locale, and Chromium's bundled ICU has no Kyrgyz data either (it
 * silently formats `ky` as en-US), so `Intl` can't be relied on. These names are CLDR's Kyrgyz
 * data (as Node's full ICU prints them). Only formatting is needed; parsing reuses Russian's
 * matchers, which we never call with Kyrgyz text.
 */
const MONTHS_WIDE = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
const MONTHS_ABBR = [
  'янв.',
  'фев.',
  'мар.',
  'апр.',
  'май',
  'июн.',
  'июл.',
  'авг.',
  'сен.',
  'окт.',
  'ноя.',
  'дек.',
];
const DAYS_WIDE = ['жекшемби', 'дүйшөмбү', 'шейшемби', 'шаршемби', 'бейшемби', 'жума', 'ишемби'];
const DAYS_ABBR = ['жек.', 'дүй.', 'шейш.', 'шарш.', 'бейш.', 'жума', 'ишм.'];
const DAYS_NARROW = ['Ж', 'Д', 'Ш', 'Ш', 'Б', 'Ж', 'И'];

type Width = 'narrow' | 'short' | 'abbreviated' | 'wide' | undefined;

export const ky: Locale = {
  code: 'ky',
  formatDistance: ru.formatDistance,
  formatRelative: ru.formatRelative,
  match: ru.match,
  formatLong: ru.formatLong,
  options: { weekStartsOn: 1, firstWeekContainsDate: 1 },
  localize: {
    ordinalNumber: (n: unknown) => `${String(n)}-`,
    era: (era: number) => (era === 1 ? 'б.з.' : 'б.з.ч.'),
    quarter: (q: number) => `${q}-чейрек`,
    month: (m: number, options?: { width?: Width }) =>
      (options?.width === 'wide' ? MONTHS_WIDE : MONTHS_ABBR)[m] ?? '',
    day: (d: number, options?: { width?: Width }) => {
      const width = options?.width;
      const names = width === 'wide' ? DAYS_WIDE : width === 'narrow' ? DAYS_NARROW : DAYS_ABBR;
      return names[d] ?? '';
    },
    dayPeriod: (p: string) => (p === 'am' || p === 'morning' ? 'тң' : 'тк'),
  } as Locale['localize'],
};
