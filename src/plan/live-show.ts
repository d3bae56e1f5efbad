import { parseDay } from './dates';
import { computeSchedule, parseTimeOfDay } from './schedule';
import { LIMITS, type Plan, type PlanEvent, type RunKind, type ShowRecord } from './schema';

/*
 * Running the show on the day, as pure functions of a record and a clock (`now`, epoch ms).
 * The record is saved with the plan as things happen, so a reload or a closed lid resumes.
 *
 * "Planned" is true to the schedule: item i is planned to end `offset_i + duration_i (+ shift)`
 * minutes after the record's `scheduledStart` — the event's start time on the clock (a start
 * 5 minutes late is 5 minutes behind from the first item), or for a rehearsal the moment Start
 * was pressed. Running behind means the current item will end later than that (a late start, an
 * item that ran over, a pause); "shift the rest" accepts the delay, moving every later item.
 *
 * A plan keeps every run (`plan.shows`): rehearsals and the event, each with its own report.
 * Everything below takes one record, so checks and reports apply per run.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A second press of Space or → within this long is taken for a bounce, not a second step. */
export const REPEAT_PRESS_MS = 1000;

/** Whether a press to move on comes too soon after the last one (`lastAt`) to be meant. */
export function isRepeatPress(lastAt: number | null, now: number): boolean {
  return lastAt !== null && now >= lastAt && now - lastAt < REPEAT_PRESS_MS;
}

/** The event's start time on a given calendar day (local time; a day is not an instant). */
function startOnDay(day: Date, minutes: number): number {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, minutes).getTime();
}

/**
 * When the event is scheduled to start, as seen at `now`: the start time on the event's date
 * from a day before it until 12 hours after; otherwise the start time on the day nearest to `now` (the event
 * is run on another day than planned, or an agenda starting at 23:30 is begun at 00:10).
 */
export function scheduledStartFor(event: PlanEvent, now: number): number {
  const minutes = parseTimeOfDay(event.startTime) ?? 0;
  const day = parseDay(event.date);
  if (day) {
    const planned = startOnDay(day, minutes);
    if (now >= planned - 24 * HOUR && now <= planned + 12 * HOUR) return planned;
  }
  const today = new Date(now);
  let best = startOnDay(today, minutes);
  for (const offset of [-1, 1]) {
    const other = new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset);
    const candidate = startOnDay(other, minutes);
    if (Math.abs(candidate - now) < Math.abs(best - now)) best = candidate;
  }
  return best;
}

/**
 * Before the start: how long until the scheduled start (negative once it has passed), and
 * whether that start is the plan's own (`onEventDay`: from a day before the event's date until 12
 * hours after its start, or any day for a plan without a date). Otherwise `startsAt` is the start
 * time on the day nearest to `now`, and a countdown to it would be to the wrong day.
 */
export function untilStart(
  event: PlanEvent,
  now: number,
): { startsAt: number; leftMs: number; onEventDay: boolean } {
  const startsAt = scheduledStartFor(event, now);
  const day = parseDay(event.date);
  const onEventDay = !day || startsAt === startOnDay(day, parseTimeOfDay(event.startTime) ?? 0);
  return { startsAt, leftMs: startsAt - now, onEventDay };
}

export interface StartOptions {
  kind?: RunKind;
  id?: string;
  label?: string;
}

export function startShow(plan: Plan, now: number, options: StartOptions = {}): ShowRecord {
  const kind = options.kind ?? 'event';
  const schedule = computeSchedule(plan.event.startTime, plan.runOfShow.items);
  const at = new Date(now).toISOString();
  const scheduled = kind === 'event' ? scheduledStartFor(plan.event, now) : now;
  return {
    id: options.id ?? `run-${now.toString(36)}`,
    kind,
    label: (options.label ?? '').trim().slice(0, LIMITS.titleLength),
    scheduledStart: new Date(scheduled).toISOString(),
    message: '',
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

/** Undo of an end: the show goes on with the item that was on, as if it had not ended. */
export function reopenShow(record: ShowRecord): ShowRecord {
  if (!record.finishedAt) return record;
  return { ...withEntry(record, record.current, { actualEnd: null }), finishedAt: null };
}

/** The desk's message to the stage screen; an empty text clears it. */
export function setStageMessage(record: ShowRecord, message: string): ShowRecord {
  const text = message.trim().slice(0, LIMITS.stageMessageLength);
  return text === record.message ? record : { ...record, message: text };
}

/** The instant the agenda's offsets count from (older records: the moment Start was pressed). */
export function scheduleBase(record: ShowRecord): number {
  const scheduled = record.scheduledStart ? ms(record.scheduledStart) : NaN;
  return Number.isFinite(scheduled) ? scheduled : ms(record.startedAt);
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
    scheduleBase(record) +
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

/** Planned start of entry i on the clock (epoch ms): past midnight simply runs on. */
export function plannedStartTime(record: ShowRecord, index: number): number {
  return scheduleBase(record) + plannedStartMinutes(record, index) * MINUTE;
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
  /** Minutes the first item began after (positive) or before (negative) its scheduled time. */
  lateStartMinutes: number;
  /** The agenda's planned start on the clock (epoch ms), for the planned times. */
  plannedStart: number;
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
    lateStartMinutes: Math.round((ms(record.startedAt) - scheduleBase(record)) / MINUTE),
    plannedStart: scheduleBase(record),
  };
}

/* Runs: a plan's list of shows (rehearsals and the event), oldest first. */

/**
 * The run going on now (started, not finished), if any: the newest such run. A run that doesn't
 * hold together (see `showProblem`) is never the one going on.
 */
export function activeRun(shows: readonly ShowRecord[]): ShowRecord | undefined {
  return shows.findLast((run) => run.finishedAt === null && showProblem(run) === null);
}

/** A run's number among the runs of its kind: "Rehearsal 2". */
export function runNumber(shows: readonly ShowRecord[], run: ShowRecord): number {
  const same = shows.filter((r) => r.kind === run.kind);
  return same.findIndex((r) => r.id === run.id) + 1;
}

/** Starts a new run; earlier runs stay. Refused (unchanged) while another run is still on. */
export function addRun(shows: readonly ShowRecord[], run: ShowRecord): ShowRecord[] {
  if (activeRun(shows) || shows.length >= LIMITS.maxRuns) return shows.slice();
  return [...shows, run];
}

/** Changes one run by id (the others stay the same objects). */
export function updateRun(
  shows: readonly ShowRecord[],
  id: string,
  change: (run: ShowRecord) => ShowRecord,
): ShowRecord[] {
  return shows.map((run) => (run.id === id ? change(run) : run));
}

/** Removes one run; returns it and where it was, so Undo can put it back. */
export function removeRun(
  shows: readonly ShowRecord[],
  id: string,
): { shows: ShowRecord[]; removed: ShowRecord | null; index: number } {
  const index = shows.findIndex((run) => run.id === id);
  if (index < 0) return { shows: shows.slice(), removed: null, index: -1 };
  return { shows: shows.filter((_, i) => i !== index), removed: shows[index]!, index };
}

/** Puts a removed run back where it was (Undo); nothing happens if it is there already. */
export function restoreRun(
  shows: readonly ShowRecord[],
  run: ShowRecord,
  index: number,
): ShowRecord[] {
  if (shows.some((r) => r.id === run.id)) return shows.slice();
  const next = shows.slice();
  next.splice(Math.min(Math.max(index, 0), next.length), 0, run);
  return next;
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

/** The runs the desk and the reports can use; a run with a problem is set aside (see `showProblem`). */
export function usableRuns(shows: readonly ShowRecord[]): ShowRecord[] {
  return shows.filter((run) => showProblem(run) === null);
}

/**
 * A run still going on in a copy (a file or link sent mid-show) is ended at the last moment it
 * recorded: the copy shows what had happened when it was sent, and never runs a show its reader
 * did not start.
 */
export function endedForCopy(run: ShowRecord): ShowRecord {
  // A damaged run (its current item past its entries…) is set aside wherever runs are used
  // (`usableRuns`) and never runs; ending it would write an entry where there is none.
  if (run.finishedAt || showProblem(run) !== null) return run;
  const moments = [
    run.startedAt,
    run.pausedAt,
    ...run.entries.flatMap((e) => [e.actualStart, e.actualEnd]),
  ]
    .map((iso) => (iso ? Date.parse(iso) : NaN))
    .filter(Number.isFinite);
  return finishShow(run, Math.max(...moments));
}
