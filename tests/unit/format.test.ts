import { describe, expect, it } from 'vitest';
import { formatClock, formatDate, formatList, formatTimeOfDate } from '@/i18n/format';
import { formatNumber } from '@/i18n/number';
import { fileErrorText, type ReadError } from '@/ui/file-error-text';
import { createTestI18n } from '../test-utils';

const monday = new Date(2026, 10, 23); // Mon 23 Nov 2026

describe('dates and times in each language', () => {
  it.each([
    ['en', 'Mon, Nov 23', 'Monday, November 23, 2026', '10:05\u00a0AM', '2:30\u00a0PM'],
    ['ky', '23-ноя., дүй.', '2026-ж., 23-ноябрь, дүйшөмбү', '10:05', '14:30'],
    ['nb', 'man 23. nov.', 'mandag 23. november 2026', '10:05', '14:30'],
    ['nn', 'mån 23. nov.', 'måndag 23. november 2026', '10:05', '14:30'],
  ] as const)('%s', (lang, short, long, morning, afternoon) => {
    expect(formatDate(monday, lang, 'short')).toBe(short);
    expect(formatDate(monday, lang, 'long')).toBe(long);
    expect(formatClock(605, lang)).toBe(morning);
    expect(formatClock(870, lang)).toBe(afternoon);
  });

  it('shows a time past midnight as the next day’s clock time', () => {
    expect(formatClock(1440 + 15, 'nb')).toBe('00:15');
    expect(formatClock(1440 + 15, 'en')).toBe('12:15\u00a0AM');
  });

  it('writes English dates month first in every style, as the written-out date does', () => {
    expect(formatDate(monday, 'en', 'short')).toBe('Mon, Nov 23');
    expect(formatDate(monday, 'en', 'medium')).toBe('Nov 23, 2026');
    expect(formatDate(monday, 'en', 'long')).toBe('Monday, November 23, 2026');
    // Each style starts the same way in every date: day name (if any), then month, then day.
    for (let day = 1; day <= 31; day += 1) {
      const date = new Date(2026, 11, day);
      expect(formatDate(date, 'en', 'short')).toMatch(/^[A-Z][a-z]{2}, Dec \d{1,2}$/);
      expect(formatDate(date, 'en', 'medium')).toMatch(/^Dec \d{1,2}, 2026$/);
    }
  });

  it('never lets a line break split a time', () => {
    for (let minutes = 0; minutes < 1440; minutes += 7) {
      for (const lang of ['en', 'ky', 'nb', 'nn'] as const) {
        // No breakable space inside a time: only a no-break space before AM/PM.
        expect(formatClock(minutes, lang)).not.toMatch(/[ \t\n]/);
      }
    }
    expect(formatClock(13 * 60, 'en')).toMatch(/^1:00\u00a0PM$/);
  });

  it('gives a moment to the second where asked', () => {
    const moment = new Date(2026, 11, 2, 14, 5, 7);
    expect(formatTimeOfDate(moment, 'en')).toBe('2:05\u00a0PM');
    expect(formatTimeOfDate(moment, 'en', { seconds: true })).toBe('2:05:07\u00a0PM');
    expect(formatTimeOfDate(moment, 'nb', { seconds: true })).toBe('14:05:07');
    expect(formatTimeOfDate(moment, 'ky', { seconds: true })).toBe('14:05:07');
  });

  it("joins a list with the language's own rules, or its own word where the browser has none", () => {
    expect(formatList(['A', 'B', 'C'], 'en', 'and')).toBe('A, B, and C');
    expect(formatList(['A', 'B', 'C'], 'nb', 'og')).toBe('A, B og C');
    expect(formatList(['A'], 'ky', 'жана')).toBe('A');
    // A browser without Kyrgyz list rules (Chromium) answers in another language: not taken.
    const real = Intl.ListFormat;
    class Fallback extends real {
      constructor(_locales?: Intl.LocalesArgument, options?: Intl.ListFormatOptions) {
        super('en', options);
      }
    }
    const put = (value: typeof real) =>
      Object.defineProperty(Intl, 'ListFormat', { value, configurable: true, writable: true });
    put(Fallback);
    try {
      expect(formatList(['A', 'B', 'C'], 'ky', 'жана')).toBe('A, B жана C');
      expect(formatList(['A', 'B'], 'nn', 'og')).toBe('A og B');
    } finally {
      put(real);
    }
  });
});

describe('numbers in each language', () => {
  it.each([
    ['en', '8,000', '5.2', '1,234,567.9'],
    ['ky', '8\u00a0000', '5,2', '1\u00a0234\u00a0567,9'],
    ['nb', '8\u00a0000', '5,2', '1\u00a0234\u00a0567,9'],
    ['nn', '8\u00a0000', '5,2', '1\u00a0234\u00a0567,9'],
  ] as const)('%s', (lang, thousands, decimal, large) => {
    expect(formatNumber(8000, lang)).toBe(thousands);
    expect(formatNumber(5.24, lang, 1)).toBe(decimal);
    expect(formatNumber(1234567.89, lang, 1)).toBe(large);
    expect(formatNumber(999, lang)).toBe('999');
    expect(formatNumber(-0.01, lang)).toBe('0');
  });

  it('texts use them through the decimal formatter, in the active language', async () => {
    const nb = await createTestI18n('nb');
    const en = await createTestI18n('en');
    const error = { code: 'tooLarge', bytes: 5.5 * 1024 * 1024 } as const;
    expect(fileErrorText(error, nb.t).title).toContain('(5,5 MB)');
    expect(fileErrorText(error, en.t).title).toContain('(5.5 MB)');
    expect(nb.t('share.linkTooLong', { length: 9123, max: 8000 })).toContain('9\u00a0123 tegn');
    expect(en.t('share.linkTooLong', { length: 9123, max: 8000 })).toContain('9,123 characters');
  });

  it('speaks of a link, not a file, when what was refused came by a link', async () => {
    for (const lng of ['en', 'ky', 'nb', 'nn'] as const) {
      const { t } = await createTestI18n(lng);
      for (const code of [
        'emptyFile',
        'notJson',
        'notPlanFile',
        'unreadable',
        'badVersion',
      ] as const)
        expect(fileErrorText({ code }, t, 'link').title).toBe(t('fileError.damagedLink'));
      const invalid: ReadError = {
        code: 'invalid',
        issues: [{ path: ['title'], code: 'too_small', message: '' }],
      };
      expect(fileErrorText(invalid, t, 'link').title).toBe(t('fileError.invalidLink'));
      expect(fileErrorText(invalid, t).title).toBe(t('fileError.invalid'));
      expect(fileErrorText({ code: 'notJson' }, t).title).toBe(t('fileError.notJson'));
      // An empty file is named as such, not as one that may be damaged.
      expect(fileErrorText({ code: 'emptyFile' }, t).title).toBe(t('fileError.emptyFile'));
      expect(t('fileError.emptyFile')).not.toBe(t('fileError.notJson'));
    }
    const { t } = await createTestI18n('en');
    expect(fileErrorText({ code: 'notJson' }, t, 'link').title).not.toMatch(/Choose a file|\.json/);
  });
});
