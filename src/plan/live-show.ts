import { computeSchedule } from './schedule';
import type { Plan, ShowRecord } from './schema';

/*
 * Running the show on the day, as pure functions of a record and a clock (`now`, epoch ms).
 * The record is saved with the plan as things happen, so a reload or a closed lid resumes.
 *
 * "Planned" is relative to the moment Start was pressed: item i is planned to end
 * `offset_i + duration_i (+ shift)` minutes after the start. Running behind means the current
 * item will end later than that (it ran over, an earlier item did, or the show was paused);
 * "shift the rest" accepts the delay, moving every later item's planned time.
 */

const MINUTE = 60_000;

export function startShow(plan: Plan, now: number): ShowRecord {
  const schedule = computeSchedule(plan.event.startTime, plan.runOfShow.items);
  const at = new Date(now).toISOString();
  return {
    startedAt: at,
    finishedAt: null,
    current: 0,
    shiftMinutes: 0,
    pausedAt: null,
    entries: plan.runOfShow.items.map((item, i) => ({
      itemId: item.id,
      titleKey: item.titleKey,
      title: item.title,
      plannedOffset: schedule.items[i]!.start - schedule.start,
      plannedDuration: item.durationMinutes,
      actualStart: i === 0 ? at : null,
      actualEnd: null,
      skipped: false,
      pausedMs: 0,
    })),
  };
}

const ms = (iso: string | null) => (iso ? Date.parse(iso) : NaN);

function withEntry(
  record: ShowRecord,
  index: number,
  patch: Partial<ShowRecord['entries'][number]>,
): ShowRecord {
  const entries = record.entries.slice();
  entries[index] = { ...entries[index]!, ...patch };
  return { ...record, entries };
}

/** Ends the current item now and starts the next one; after the last, the show is finished. */
export function nextItem(record: ShowRecord, now: number, skipped = false): ShowRecord {
  if (record.finishedAt || record.entries.length === 0) return record;
  let r = record.pausedAt ? resumeShow(record, now) : record;
  const at = new Date(now).toISOString();
  r = withEntry(r, r.current, { actualEnd: at, skipped });
  if (r.current + 1 >= r.entries.length) return { ...r, finishedAt: at };
  r = withEntry(r, r.current + 1, { actualStart: at });
  return { ...r, current: r.current + 1 };
}

/** Skip: the current item ends now, marked as skipped (its planned time is won back). */
export function skipItem(record: ShowRecord, now: number): ShowRecord {
  return nextItem(record, now, true);
}

/** Back: "Next" came too early; the previous item goes on as if it had not ended. */
export function previousItem(record: ShowRecord): ShowRecord {
  if (record.finishedAt || record.current === 0) return record;
  let r = withEntry(record, record.current, { actualStart: null, pausedMs: 0 });
  r = withEntry(r, record.current - 1, { actualEnd: null, skipped: false });
  return { ...r, current: record.current - 1 };
}

export function pauseShow(record: ShowRecord, now: number): ShowRecord {
  if (record.finishedAt || record.pausedAt) return record;
  return { ...record, pausedAt: new Date(now).toISOString() };
}

export function resumeShow(record: ShowRecord, now: number): ShowRecord {
  if (!record.pausedAt) return record;
  const paused = Math.max(0, now - ms(record.pausedAt));
  const r = withEntry(record, record.current, {
    pausedMs: record.entries[record.current]!.pausedMs + paused,
  });
  return { ...r, pausedAt: null };
}

export function finishShow(record: ShowRecord, now: number): ShowRecord {
  if (record.finishedAt) return record;
  const r = record.pausedAt ? resumeShow(record, now) : record;
  const at = new Date(now).toISOString();
  return { ...withEntry(r, r.current, { actualEnd: at }), finishedAt: at };
}

export interface ShowStatus {
  finished: boolean;
  paused: boolean;
  current: number;
  /** Time left in the current item; negative when it runs over. */
  leftMs: number;
  lastMinute: boolean;
  over: boolean;
  /** Positive: behind the plan by this many minutes; negative: ahead. */
  behindMinutes: number;
}

export function showStatus(record: ShowRecord, now: number): ShowStatus {
  const entry = record.entries[record.current];
  const finished = record.finishedAt !== null || !entry;
  if (finished || !entry) {
    return {
      finished: true,
      paused: false,
      current: record.current,
      leftMs: 0,
      lastMinute: false,
      over: false,
      behindMinutes: 0,
    };
  }
  const effectiveNow = record.pausedAt ? ms(record.pausedAt) : now;
  const ongoingPause = record.pausedAt ? now - ms(record.pausedAt) : 0;
  const start = ms(entry.actualStart);
  const expectedEnd = start + entry.pausedMs + ongoingPause + entry.plannedDuration * MINUTE;
  const leftMs = start + entry.pausedMs + entry.plannedDuration * MINUTE - effectiveNow;
  const plannedEnd =
    ms(record.startedAt) +
    (entry.plannedOffset + entry.plannedDuration + record.shiftMinutes) * MINUTE;
  const behindMs = Math.max(now, expectedEnd) - plannedEnd;
  return {
    finished: false,
    paused: record.pausedAt !== null,
    current: record.current,
    leftMs,
    lastMinute: leftMs > 0 && leftMs <= MINUTE,
    over: leftMs < 0,
    behindMinutes: Math.round(behindMs / MINUTE),
  };
}

/** Moves the rest of the agenda by the current delay (or advance), so the show is on time again. */
export function shiftRest(record: ShowRecord, now: number): ShowRecord {
  const { behindMinutes, finished } = showStatus(record, now);
  if (finished || behindMinutes === 0) return record;
  return { ...record, shiftMinutes: record.shiftMinutes + behindMinutes };
}

/** Planned start of entry i, in minutes after the show's start (with the shift for later items). */
export function plannedStartMinutes(record: ShowRecord, index: number): number {
  const entry = record.entries[index]!;
  return entry.plannedOffset + (index > record.current ? record.shiftMinutes : 0);
}

export interface ReportRow {
  index: number;
  plannedOffset: number;
  plannedDuration: number;
  actualStart: number | null;
  actualEnd: number | null;
  actualMinutes: number | null;
  /** Actual minus planned length, in whole minutes (null if it never ran). */
  differenceMinutes: number | null;
  skipped: boolean;
}

export function showReport(record: ShowRecord): {
  rows: ReportRow[];
  plannedMinutes: number;
  actualMinutes: number | null;
  overMinutes: number | null;
} {
  const rows = record.entries.map((entry, index) => {
    const start = entry.actualStart ? ms(entry.actualStart) : null;
    const end = entry.actualEnd ? ms(entry.actualEnd) : null;
    const actualMinutes =
      start !== null && end !== null ? Math.round((end - start) / MINUTE) : null;
    return {
      index,
      plannedOffset: entry.plannedOffset,
      plannedDuration: entry.plannedDuration,
      actualStart: start,
      actualEnd: end,
      actualMinutes,
      differenceMinutes:
        actualMinutes === null ? null : actualMinutes - (entry.skipped ? 0 : entry.plannedDuration),
      skipped: entry.skipped,
    };
  });
  const last = record.entries.at(-1);
  const plannedMinutes = last ? last.plannedOffset + last.plannedDuration : 0;
  const actualMinutes = record.finishedAt
    ? Math.round((ms(record.finishedAt) - ms(record.startedAt)) / MINUTE)
    : null;
  return {
    rows,
    plannedMinutes,
    actualMinutes,
    overMinutes: actualMinutes === null ? null : actualMinutes - plannedMinutes,
  };
}

/** Longest pause one item can hold: a show paused for more than a week is not a show. */
export const MAX_PAUSE_MS = 7 * 24 * 60 * MINUTE;

export type ShowProblem = 'noEntries' | 'current' | 'times' | 'pause';

/**
 * Cross-checks a show record (from storage, a file or a link) before the live page uses it:
 * null when it is one the live page can run or report, otherwise what is wrong. A record with
 * a problem is not used: the page says so and offers a new start (which replaces it). Entries
 * naming agenda items the plan no longer has are fine: the agenda may change after a show
 * starts, and each entry carries its own title.
 */
export function showProblem(record: ShowRecord): ShowProblem | null {
  const { entries, current } = record;
  if (entries.length === 0) return 'noEntries';
  if (current >= entries.length) return 'current';
  const started = ms(record.startedAt);
  const notBefore = (iso: string | null, from: number) => iso === null || ms(iso) >= from;
  if (!Number.isFinite(started)) return 'times';
  if (!notBefore(record.finishedAt, started) || !notBefore(record.pausedAt, started))
    return 'times';
  if (record.finishedAt !== null && record.pausedAt !== null) return 'times';
  for (const [index, entry] of entries.entries()) {
    if (entry.pausedMs > MAX_PAUSE_MS) return 'pause';
    const ran = index <= current;
    // Items up to the current one have started (and those before it ended); later ones have not.
    if (ran !== (entry.actualStart !== null)) return 'times';
    if (index < current && entry.actualEnd === null) return 'times';
    if (index > current && entry.actualEnd !== null) return 'times';
    if (!notBefore(entry.actualStart, started)) return 'times';
    if (entry.actualStart !== null && !notBefore(entry.actualEnd, ms(entry.actualStart)))
      return 'times';
    if (entry.actualStart !== null && entry.actualEnd !== null) {
      const length = ms(entry.actualEnd) - ms(entry.actualStart);
      if (entry.pausedMs > length) return 'pause';
    }
  }
  return null;
}

/** The plan's show record when the live page can use it, else null (see `showProblem`). */
export function usableShow(plan: Plan): ShowRecord | null {
  return plan.show && showProblem(plan.show) === null ? plan.show : null;
}
