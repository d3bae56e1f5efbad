import {
  addDays,
  differenceInCalendarDays,
  format,
  isValid,
  parseISO,
  startOfISOWeek,
} from 'date-fns';
import { LIMITS } from './schema';

/*
 * Calendar arithmetic. An event date is a day ("2026-12-07"), not an instant: we parse it as
 * local midnight and only ever count whole calendar days, so daylight-saving changes never move
 * a due date by a day.
 */

/**
 * The day, or null when it is not a date or falls outside the years an event may have
 * (1970–2200): year 0000 or 9999 would give calendar dates like `-10101`.
 */
export function parseDay(day: string): Date | null {
  const date = parseISO(day);
  if (!isValid(date)) return null;
  const year = date.getFullYear();
  return year >= LIMITS.minYear && year <= LIMITS.maxYear ? date : null;
}

export function formatDay(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/**
 * Computer Science Education Week is held in the week of 9 December (Grace Hopper's birthday).
 * The default event date is that week's Monday: this year's while it is still ahead (or today),
 * otherwise next year's.
 */
export function defaultEventDate(today: Date): string {
  const mondayOf = (year: number) => startOfISOWeek(new Date(year, 11, 9));
  const thisYear = mondayOf(today.getFullYear());
  const monday =
    differenceInCalendarDays(thisYear, today) >= 0 ? thisYear : mondayOf(today.getFullYear() + 1);
  return formatDay(monday);
}

/** The day a step is due, `offsetDays` from the event day. */
export function dueDate(eventDay: string, offsetDays: number): Date | null {
  const event = parseDay(eventDay);
  return event ? addDays(event, offsetDays) : null;
}

/** Whole calendar days from `today` to `day`: 0 today, 1 tomorrow, -2 two days ago. */
export function daysFromToday(day: Date, today: Date): number {
  return differenceInCalendarDays(day, today);
}
