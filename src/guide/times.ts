/*
 * Times of day as guides write them in agenda tables: "10:00", "10.05", "10h05", "10:00 am",
 * "1 pm", and ranges "10:00 - 10:05 am" (the suffix on the end of a range counts for its start
 * too). Minutes after midnight, or null.
 */

export interface TimeRange {
  start: number;
  end: number | null;
}

const TIME =
  /(?<![\d:.])(\d{1,2})(?:\s?[:.hH]\s?([0-5]\d))?(?:\s*([aApP])\.?\s?[mM]\.?(?![\p{L}]))?(?![\d\p{L}])/gu;

interface Found {
  hour: number;
  minute: number;
  meridiem: 'a' | 'p' | null;
  explicitMinutes: boolean;
  index: number;
  end: number;
}

function toMinutes(hour: number, minute: number, meridiem: 'a' | 'p' | null): number | null {
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    const h = (hour % 12) + (meridiem === 'p' ? 12 : 0);
    return h * 60 + minute;
  }
  if (hour > 23) return null;
  return hour * 60 + minute;
}

export function parseTimeRange(text: string): TimeRange | null {
  const found: Found[] = [];
  for (const match of text.matchAll(TIME)) {
    const explicitMinutes = match[2] !== undefined;
    const meridiem = match[3] ? (match[3].toLowerCase() as 'a' | 'p') : null;
    // A bare number ("3 students") is no time: a time has minutes or am/pm.
    if (!explicitMinutes && !meridiem) continue;
    found.push({
      hour: Number(match[1]),
      minute: explicitMinutes ? Number(match[2]) : 0,
      meridiem,
      explicitMinutes,
      index: match.index ?? 0,
      end: (match.index ?? 0) + match[0].length,
    });
    if (found.length === 2) break;
  }
  const [first, second] = found;
  if (!first) return null;
  // Two times belong together only when nothing but a dash or "to" stands between them.
  const joined =
    second && /^\s*(?:[-–—~]|to|til|до|à|bis|a|al)\s*$/iu.test(text.slice(first.end, second.index));
  let startMeridiem = first.meridiem;
  if (joined && second && !startMeridiem && second.meridiem) {
    // "11:30 - 12:15 pm": the start is before noon when its hour is larger (11 → 12).
    const sameHalf = first.hour % 12 <= second.hour % 12;
    startMeridiem = sameHalf ? second.meridiem : second.meridiem === 'p' ? 'a' : 'p';
    if (first.hour > 12) startMeridiem = null;
  }
  const start = toMinutes(first.hour, first.minute, startMeridiem);
  if (start === null) return null;
  const end = joined && second ? toMinutes(second.hour, second.minute, second.meridiem) : null;
  return { start, end };
}

export function formatTime(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
