import { LIMITS, looksBlank, TIME_PATTERN, type PlanEvent } from './schema';
import { parseDay } from './dates';
import { safeHref } from './links';
import { parseDuration } from './schedule';

/*
 * Validation of the event details as the user types them. A wrong value is not saved: the
 * field shows why, and the plan keeps its last good value.
 */

export type FieldError =
  | { code: 'required' }
  | { code: 'tooLong'; max: number }
  | { code: 'date' }
  | { code: 'time' }
  | { code: 'wholeNumber'; min: number; max: number }
  | { code: 'duration'; min: number; max: number }
  | { code: 'link' };

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

/*
 * An agenda item's fields as typed in its row. Each gives the value to save, or why not; the
 * run of show saves it with `editItemField` (run-of-show.ts).
 */
export interface ItemFieldValues {
  title: string;
  durationMinutes: number;
  who: string;
  note: string;
  link: string | null;
  fixedStart: string | null;
}

export type ItemField = keyof ItemFieldValues;

/** A title: required (a title of only invisible characters is blank), up to the text limit. */
export function validateItemTitle(raw: string): FieldResult<string> {
  const value = raw.trim();
  if (looksBlank(value)) return { ok: false, error: { code: 'required' } };
  if (value.length > LIMITS.textLength)
    return { ok: false, error: { code: 'tooLong', max: LIMITS.textLength } };
  return { ok: true, value };
}

/** A checklist step's text, added or edited: the same rule as an agenda item's title. */
export function validateStepText(raw: string): FieldResult<string> {
  return validateItemTitle(raw);
}

/** A length as typed ("15", "1:15", "1h15"): whole minutes within the limits. */
export function validateDuration(raw: string): FieldResult<number> {
  const result = parseDuration(raw);
  return result.ok
    ? { ok: true, value: result.minutes }
    : { ok: false, error: { code: 'duration', min: LIMITS.minDuration, max: LIMITS.maxDuration } };
}

/** A link: empty (none), or an address `safeHref` lets through (http, https, mailto). */
export function validateLink(raw: string): FieldResult<string | null> {
  const value = raw.trim();
  if (!value) return { ok: true, value: null };
  return safeHref(value) ? { ok: true, value } : { ok: false, error: { code: 'link' } };
}

/** A pinned start: empty (not pinned) or a time of day. */
export function validateFixedStart(raw: string): FieldResult<string | null> {
  return raw.trim() ? validateTime(raw) : { ok: true, value: null };
}

export function validateItemField<F extends ItemField>(
  field: F,
  raw: string,
): FieldResult<ItemFieldValues[F]>;
export function validateItemField(
  field: ItemField,
  raw: string,
): FieldResult<ItemFieldValues[ItemField]> {
  switch (field) {
    case 'title':
      return validateItemTitle(raw);
    case 'durationMinutes':
      return validateDuration(raw);
    case 'who':
      return validateText(raw, LIMITS.ownerLength);
    case 'note':
      return validateText(raw, LIMITS.noteLength);
    case 'link':
      return validateLink(raw);
    case 'fixedStart':
      return validateFixedStart(raw);
  }
}
