import { LIMITS, looksBlank, TIME_PATTERN, type PlanEvent } from './schema';
import { parseDay } from './dates';

/*
 * Validation of the event details as the user types them. A wrong value is not saved: the
 * field shows why, and the plan keeps its last good value.
 */

export type FieldError =
  | { code: 'required' }
  | { code: 'tooLong'; max: number }
  | { code: 'date' }
  | { code: 'time' }
  | { code: 'wholeNumber'; min: number; max: number };

export type FieldResult<T> = { ok: true; value: T } | { ok: false; error: FieldError };

export function validateTitle(raw: string): FieldResult<string> {
  const value = raw.trim();
  if (looksBlank(value)) return { ok: false, error: { code: 'required' } };
  if (value.length > LIMITS.titleLength)
    return { ok: false, error: { code: 'tooLong', max: LIMITS.titleLength } };
  return { ok: true, value };
}

export function validateDate(raw: string): FieldResult<string> {
  const value = raw.trim();
  if (!value) return { ok: false, error: { code: 'required' } };
  // parseISO accepts "2026-02-30" by rolling over; a round trip catches impossible days.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseDay(value) : null;
  // parseDay also refuses years outside 1970–2200.
  if (!date) return { ok: false, error: { code: 'date' } };
  const [y, m, d] = value.split('-').map(Number);
  if (date.getMonth() + 1 !== m || date.getDate() !== d || date.getFullYear() !== y) {
    return { ok: false, error: { code: 'date' } };
  }
  return { ok: true, value };
}

export function validateTime(raw: string): FieldResult<string> {
  const value = raw.trim();
  if (!value) return { ok: false, error: { code: 'required' } };
  // Some browsers give "10:00:00" when seconds are shown; keep hours and minutes.
  const short = /^\d{2}:\d{2}:\d{2}$/.test(value) ? value.slice(0, 5) : value;
  return TIME_PATTERN.test(short)
    ? { ok: true, value: short }
    : { ok: false, error: { code: 'time' } };
}

export function validateWholeNumber(
  raw: string,
  min: number,
  max: number,
  optional: boolean,
): FieldResult<number | null> {
  const value = raw.trim();
  if (!value)
    return optional ? { ok: true, value: null } : { ok: false, error: { code: 'required' } };
  if (!/^\d+$/.test(value)) return { ok: false, error: { code: 'wholeNumber', min, max } };
  const n = Number(value);
  if (n < min || n > max) return { ok: false, error: { code: 'wholeNumber', min, max } };
  return { ok: true, value: n };
}

export function validateText(raw: string, max: number): FieldResult<string> {
  return raw.length > max
    ? { ok: false, error: { code: 'tooLong', max } }
    : { ok: true, value: raw.trim() };
}

export type EventField = keyof Pick<
  PlanEvent,
  'date' | 'startTime' | 'place' | 'targetMinutes' | 'contactName' | 'contactPhone' | 'participants'
>;

export function validateEventField(
  field: EventField,
  raw: string,
): FieldResult<PlanEvent[EventField]> {
  switch (field) {
    case 'date':
      return validateDate(raw);
    case 'startTime':
      return validateTime(raw);
    case 'targetMinutes':
      return validateWholeNumber(raw, 1, LIMITS.maxTargetMinutes, false);
    case 'participants':
      return validateWholeNumber(raw, 0, LIMITS.maxParticipants, true);
    case 'place':
      return validateText(raw, LIMITS.placeLength);
    case 'contactName':
      return validateText(raw, LIMITS.ownerLength);
    case 'contactPhone':
      return validateText(raw, LIMITS.phoneLength);
  }
}
