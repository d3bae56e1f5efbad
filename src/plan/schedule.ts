import { LIMITS, TIME_PATTERN } from './schema';

/*
 * Run-of-show arithmetic. Times are minutes after midnight of the event day; they may pass
 * 1440 when an agenda runs past midnight (the day is then `Math.floor(minutes / 1440)`).
 */

export function parseTimeOfDay(time: string): number | null {
  if (!TIME_PATTERN.test(time)) return null;
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export interface ScheduleInput {
  durationMinutes: number;
  fixedStart: string | null;
}

export interface ScheduledItem {
  start: number;
  end: number;
  /** Minutes between the previous item's end and this start: > 0 a gap, < 0 an overlap. */
  gapBefore: number;
  /** 0 on the event day, 1 the day after… */
  day: number;
}

export interface Schedule {
  items: ScheduledItem[];
  start: number;
  /**
   * When the last item to finish finishes: usually the last item's end, but an item pinned to an
   * earlier time (overlapping the one before) can end before an item above it does.
   */
  end: number;
  /** From the event's start to `end`. */
  totalMinutes: number;
}

/**
 * A pinned time is taken on the day that puts it closest to where the agenda has got to, so
 * "00:15" after an item ending at 23:50 is the next day's, not 23 hours earlier.
 */
function pinnedStart(fixed: number, cursor: number): number {
  const k = Math.round((cursor - fixed) / 1440);
  return fixed + k * 1440;
}

/** Linear in the number of items: each start follows the previous end unless pinned. */
export function computeSchedule(startTime: string, items: readonly ScheduleInput[]): Schedule {
  const start = parseTimeOfDay(startTime) ?? 0;
  let cursor = start;
  let end = start;
  const scheduled: ScheduledItem[] = new Array(items.length);
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]!;
    const fixed = item.fixedStart === null ? null : parseTimeOfDay(item.fixedStart);
    const itemStart = fixed === null ? cursor : pinnedStart(fixed, cursor);
    const itemEnd = itemStart + item.durationMinutes;
    scheduled[i] = {
      start: itemStart,
      end: itemEnd,
      gapBefore: itemStart - cursor,
      day: Math.floor(itemStart / 1440),
    };
    cursor = itemEnd;
    if (itemEnd > end) end = itemEnd;
  }
  return { items: scheduled, start, end, totalMinutes: end - start };
}

/** Positive: over the target by that many minutes; negative: under; 0: exactly on it. */
export function overTarget(schedule: Schedule, targetMinutes: number): number {
  return schedule.totalMinutes - targetMinutes;
}

export type DurationResult = { ok: true; minutes: number } | { ok: false };

/**
 * Reads a duration as typed: "15" (minutes), "1:15" or "1h15" / "1 h 15 min" (hours and
 * minutes), "2h". Whole minutes from 1 to 720 only; anything else is refused.
 */
export function parseDuration(raw: string): DurationResult {
  const s = raw.trim().toLowerCase().replace(/\s+/g, '');
  let minutes: number | null = null;
  let match: RegExpMatchArray | null;
  if ((match = s.match(/^(\d{1,4})(m|min|мин|мүн)?\.?$/))) minutes = Number(match[1]);
  else if ((match = s.match(/^(\d{1,2}):([0-5]\d)$/)))
    minutes = Number(match[1]) * 60 + Number(match[2]);
  else if (
    (match = s.match(/^(\d{1,2})(h|t|ч|timer?|time|саат)\.?(?:(\d{1,2})(m|min|мин|мүн)?\.?)?$/))
  ) {
    const mins = match[3] === undefined ? 0 : Number(match[3]);
    if (mins < 60) minutes = Number(match[1]) * 60 + mins;
  }
  if (minutes === null || minutes < LIMITS.minDuration || minutes > LIMITS.maxDuration)
    return { ok: false };
  return { ok: true, minutes };
}
