import type { Day, Locale, Month } from 'date-fns';

/*
 * Writes a date by one of our CLDR patterns (format.ts) with a date-fns locale's names, as
 * date-fns's `format` would: the tokens those patterns use and quoted text, nothing else.
 * `format` reads every token there is, and its code was some 6 KB of the first page's; the
 * plans page shows dates at once. A test (tests/unit/format.test.ts) holds this to `format`'s
 * output for every pattern, language, day of two years and minute of the day.
 */
const TOKENS = /'([^']*)'|EEEE|EEE|MMMM|MMM|yyyy|HH|mm|d|h|a|[a-zA-Z]/g;

/** As date-fns pads: `5` in four digits is `0005`. */
const pad = (n: number, digits: number) => String(n).padStart(digits, '0');

export function formatPattern(date: Date, pattern: string, locale: Locale): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid time value');
  const { localize } = locale;
  const context = 'formatting' as const;
  return pattern.replace(TOKENS, (token: string, quoted: string | undefined) => {
    if (quoted !== undefined) return quoted;
    switch (token) {
      case 'EEEE':
        return localize.day(date.getDay() as Day, { width: 'wide', context });
      case 'EEE':
        return localize.day(date.getDay() as Day, { width: 'abbreviated', context });
      case 'MMMM':
        return localize.month(date.getMonth() as Month, { width: 'wide', context });
      case 'MMM':
        return localize.month(date.getMonth() as Month, { width: 'abbreviated', context });
      case 'yyyy': {
        const year = date.getFullYear();
        return pad(year > 0 ? year : 1 - year, 4);
      }
      case 'd':
        return String(date.getDate());
      case 'HH':
        return pad(date.getHours(), 2);
      case 'h':
        return String(date.getHours() % 12 || 12);
      case 'mm':
        return pad(date.getMinutes(), 2);
      case 'a':
        return localize.dayPeriod(date.getHours() >= 12 ? 'pm' : 'am', {
          width: 'abbreviated',
          context,
        });
      default:
        throw new RangeError(`Format string contains an unsupported token: ${token}`);
    }
  });
}
