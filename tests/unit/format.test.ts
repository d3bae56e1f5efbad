import { describe, expect, it } from 'vitest';
import { formatClock, formatDate } from '@/i18n/format';

const monday = new Date(2026, 10, 23); // Mon 23 Nov 2026

describe('dates and times in each language', () => {
  it.each([
    ['en', 'Mon 23 Nov', 'Monday, November 23, 2026', '10:05 AM', '2:30 PM'],
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
    expect(formatClock(1440 + 15, 'en')).toBe('12:15 AM');
  });
});
