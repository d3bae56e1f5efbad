import { describe, expect, it } from 'vitest';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { readPlanFile, serializePlan } from '@/plan/file-format';
import {
  activeRun,
  addRun,
  finishShow,
  isRepeatPress,
  nextItem,
  pauseShow,
  plannedStartMinutes,
  plannedStartTime,
  previousItem,
  removeRun,
  reopenShow,
  restoreRun,
  resumeShow,
  runNumber,
  scheduledStartFor,
  setStageMessage,
  shiftRest,
  showReport,
  showStatus,
  skipItem,
  startShow,
  untilStart,
  updateRun,
} from '@/plan/live-show';
import { showToRuns } from '@/plan/migrations';
import { restorePlan } from '@/plan/restore';
import { assemblyDetails, testDeps } from '../fixtures';

const MIN = 60_000;
const T0 = Date.parse('2026-12-07T10:00:00');
const at = (minutes: number, seconds = 0) => T0 + minutes * MIN + seconds * 1000;
const plan = () => createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());

describe('running the show', () => {
  it('drives the clock through the guide example with a delay, a shift, a pause and a skip', () => {
    let show = startShow(plan(), at(0));
    // Video: 5 minutes planned.
    expect(showStatus(show, at(0))).toMatchObject({
      current: 0,
      leftMs: 5 * MIN,
      behindMinutes: 0,
      lastMinute: false,
    });
    expect(showStatus(show, at(4, 30))).toMatchObject({ lastMinute: true, over: false });
    show = nextItem(show, at(5));
    // Principal, on time.
    show = nextItem(show, at(15));
    // The guest talks 5 minutes too long (15 planned, 20 taken).
    expect(showStatus(show, at(30))).toMatchObject({ current: 2, leftMs: 0, behindMinutes: 0 });
    expect(showStatus(show, at(35))).toMatchObject({
      over: true,
      leftMs: -5 * MIN,
      behindMinutes: 5,
    });
    show = nextItem(show, at(35));
    expect(showStatus(show, at(35))).toMatchObject({ current: 3, behindMinutes: 5 });
    expect(plannedStartMinutes(show, 4)).toBe(40);
    // "Shift the rest": the delay is accepted, later items move.
    show = shiftRest(show, at(35));
    expect(showStatus(show, at(35)).behindMinutes).toBe(0);
    expect(plannedStartMinutes(show, 4)).toBe(45);
    // A 2-minute pause in the demo: time left freezes, and the show falls 2 minutes behind.
    show = pauseShow(show, at(40));
    expect(showStatus(show, at(42))).toMatchObject({
      paused: true,
      leftMs: 5 * MIN,
      behindMinutes: 2,
    });
    show = resumeShow(show, at(42));
    expect(showStatus(show, at(42))).toMatchObject({
      paused: false,
      leftMs: 5 * MIN,
      behindMinutes: 2,
    });
    show = nextItem(show, at(47));
    // The unplugged activity is skipped right away: 20 minutes won back.
    show = skipItem(show, at(47));
    expect(showStatus(show, at(47))).toMatchObject({ current: 5, behindMinutes: -18 });
    // Back: the skip was a mistake; the unplugged activity goes on.
    show = previousItem(show);
    expect(showStatus(show, at(47))).toMatchObject({ current: 4 });
    expect(show.entries[4]).toMatchObject({ actualEnd: null, skipped: false });
    show = skipItem(show, at(48));
    show = nextItem(show, at(52));
    expect(show.finishedAt).toBe(new Date(at(52)).toISOString());
    expect(showStatus(show, at(60)).finished).toBe(true);

    const report = showReport(show);
    // The demo took 12 minutes of clock time: 10 planned, plus the 2-minute pause.
    expect(report.rows.map((r) => r.actualMinutes)).toEqual([5, 10, 20, 12, 1, 4]);
    expect(report.rows.map((r) => r.differenceMinutes)).toEqual([0, 0, 5, 2, 1, -1]);
    expect(report.rows[4]!.skipped).toBe(true);
    expect(report).toMatchObject({ plannedMinutes: 65, actualMinutes: 52, overMinutes: -13 });
  });

  it('is saved with the plan and restored as it was (a reload resumes)', () => {
    const p = plan();
    const show = pauseShow(nextItem(startShow(p, at(0)), at(5)), at(7));
    const restored = restorePlan(JSON.parse(JSON.stringify({ ...p, shows: [show] })));
    expect(restored.ok && restored.plan.shows).toEqual([show]);
    expect(restored.ok && showStatus(restored.plan.shows[0]!, at(9))).toMatchObject({
      current: 1,
      paused: true,
      leftMs: 8 * MIN,
    });
  });

  it('finishing keeps the record; finishing early ends the current item', () => {
    const show = finishShow(nextItem(startShow(plan(), at(0)), at(6)), at(10));
    expect(show.entries[1]!.actualEnd).toBe(new Date(at(10)).toISOString());
    expect(showReport(show).actualMinutes).toBe(10);
    expect(nextItem(show, at(12))).toBe(show);
  });

  it('ending can be undone: the item that was on goes on', () => {
    const running = nextItem(startShow(plan(), at(0)), at(5));
    const ended = finishShow(running, at(7));
    const back = reopenShow(ended);
    expect(back.finishedAt).toBeNull();
    expect(back.entries[1]).toMatchObject({
      actualEnd: null,
      actualStart: running.entries[1]!.actualStart,
    });
    expect(showStatus(back, at(8))).toMatchObject({ finished: false, current: 1, leftMs: 7 * MIN });
    expect(reopenShow(running)).toBe(running);
  });

  it('keeps a message for the stage until it is cleared', () => {
    let show = startShow(plan(), at(0));
    expect(show.message).toBe('');
    show = setStageMessage(show, '  Wrap up  ');
    expect(show.message).toBe('Wrap up');
    expect(setStageMessage(show, 'Wrap up')).toBe(show);
    expect(setStageMessage(show, 'x'.repeat(500)).message).toHaveLength(200);
    expect(setStageMessage(show, '').message).toBe('');
  });

  it('takes a second press within a second for a bounce, not a step', () => {
    expect(isRepeatPress(null, at(0))).toBe(false);
    expect(isRepeatPress(at(0), at(0, 0.4))).toBe(true);
    expect(isRepeatPress(at(0), at(0, 1))).toBe(false);
    // A clock set back (another time zone, a corrected clock) never blocks the next press.
    expect(isRepeatPress(at(1), at(0))).toBe(false);
  });
});

describe('true to the schedule', () => {
  it('a start 5 minutes late is 5 minutes behind from the first item', () => {
    const show = startShow(plan(), at(5));
    expect(show.scheduledStart).toBe(new Date(at(0)).toISOString());
    expect(showStatus(show, at(5))).toMatchObject({
      current: 0,
      leftMs: 5 * MIN,
      behindMinutes: 5,
    });
    // The video runs its 5 minutes; the principal starts 5 minutes late, still 5 behind.
    const next = nextItem(show, at(10));
    expect(showStatus(next, at(10))).toMatchObject({ current: 1, behindMinutes: 5 });
    expect(plannedStartTime(next, 1)).toBe(at(5));
    // Accepting the delay moves the rest: on time again, later items 5 minutes later.
    const shifted = shiftRest(next, at(10));
    expect(showStatus(shifted, at(10)).behindMinutes).toBe(0);
    expect(plannedStartTime(shifted, 2)).toBe(at(20));
    expect(showReport(finishShow(shifted, at(12))).lateStartMinutes).toBe(5);
  });

  it('an early start is ahead', () => {
    const show = startShow(plan(), at(-3));
    expect(showStatus(show, at(-3)).behindMinutes).toBe(-3);
    // Ahead stays ahead while the item runs its planned length, and vanishes when it runs over.
    expect(showStatus(show, at(1)).behindMinutes).toBe(-3);
    expect(showStatus(show, at(6)).behindMinutes).toBe(1);
  });

  it('counts down to the scheduled start before it, and past it after', () => {
    const event = plan().event;
    expect(untilStart(event, at(-10))).toEqual({
      startsAt: at(0),
      leftMs: 10 * MIN,
      onEventDay: true,
    });
    expect(untilStart(event, at(3)).leftMs).toBe(-3 * MIN);
    // The evening before, it is tomorrow's start, not this morning's.
    expect(untilStart(event, Date.parse('2026-12-06T21:00:00')).startsAt).toBe(at(0));
  });

  it("days before the event there is no countdown to this morning: the start is not the plan's own", () => {
    const event = plan().event;
    // A week early, at 9:15: the nearest start time is today's, which is not the event's.
    const early = untilStart(event, Date.parse('2026-11-30T09:15:00'));
    expect(early.onEventDay).toBe(false);
    expect(early.startsAt).toBe(Date.parse('2026-11-30T10:00:00'));
    // The day after, long past the start: not the event's either.
    expect(untilStart(event, Date.parse('2026-12-08T23:00:00')).onEventDay).toBe(false);
    // From a day before until 12 hours after, it is.
    expect(untilStart(event, Date.parse('2026-12-06T10:30:00')).onEventDay).toBe(true);
    expect(untilStart(event, Date.parse('2026-12-07T21:30:00')).onEventDay).toBe(true);
    // A plan without a date has no other day to wait for.
    expect(untilStart({ ...event, date: '' }, Date.parse('2026-11-30T09:15:00')).onEventDay).toBe(
      true,
    );
  });

  it('a rehearsal on another day counts from the moment Start is pressed', () => {
    const when = Date.parse('2026-12-04T15:20:00');
    const show = startShow(plan(), when, { kind: 'rehearsal' });
    expect(show.scheduledStart).toBe(new Date(when).toISOString());
    expect(showStatus(show, when + 6 * MIN)).toMatchObject({ over: true, behindMinutes: 1 });
    expect(plannedStartTime(show, 1)).toBe(when + 5 * MIN);
  });

  it("the event run on another day than planned is measured against that day's start time", () => {
    const p = plan();
    const when = Date.parse('2026-12-09T10:04:00');
    expect(scheduledStartFor(p.event, when)).toBe(Date.parse('2026-12-09T10:00:00'));
    expect(showStatus(startShow(p, when), when).behindMinutes).toBe(4);
  });

  it('across midnight: an agenda from 23:30 begun at 00:10 is 40 minutes behind', () => {
    const p = { ...plan(), event: { ...plan().event, date: '2026-12-07', startTime: '23:30' } };
    const when = Date.parse('2026-12-08T00:10:00');
    const show = startShow(p, when);
    expect(show.scheduledStart).toBe(new Date(Date.parse('2026-12-07T23:30:00')).toISOString());
    expect(showStatus(show, when).behindMinutes).toBe(40);
    // The next item's planned time is after midnight, on the next day.
    expect(plannedStartTime(show, 1)).toBe(Date.parse('2026-12-07T23:35:00'));
    expect(plannedStartTime(show, 3)).toBe(Date.parse('2026-12-08T00:00:00'));
    // And just before midnight for an agenda from 00:15: not 24 hours late, 20 minutes early.
    const early = { ...p, event: { ...p.event, date: '2026-12-08', startTime: '00:15' } };
    expect(
      showStatus(
        startShow(early, Date.parse('2026-12-07T23:55:00')),
        Date.parse('2026-12-07T23:55:00'),
      ).behindMinutes,
    ).toBe(-20);
  });

  it('older records without a scheduled start count from the moment Start was pressed', () => {
    const show = { ...startShow(plan(), at(5)), scheduledStart: null };
    expect(showStatus(show, at(5)).behindMinutes).toBe(0);
  });
});

describe('runs', () => {
  it('a rehearsal then the event, each kept with its own report and number', () => {
    const p = plan();
    let shows = addRun(
      [],
      startShow(p, Date.parse('2026-12-04T15:00:00'), { kind: 'rehearsal', id: 'r1' }),
    );
    expect(activeRun(shows)?.id).toBe('r1');
    // Another run cannot start while one is on.
    expect(addRun(shows, startShow(p, at(0), { id: 'x' })).map((r) => r.id)).toEqual(['r1']);
    shows = updateRun(shows, 'r1', (r) => finishShow(r, Date.parse('2026-12-04T15:30:00')));
    expect(activeRun(shows)).toBeUndefined();
    shows = addRun(
      shows,
      startShow(p, Date.parse('2026-12-04T16:00:00'), { kind: 'rehearsal', id: 'r2' }),
    );
    shows = updateRun(shows, 'r2', (r) => finishShow(r, Date.parse('2026-12-04T16:10:00')));
    shows = addRun(shows, startShow(p, at(2), { id: 'e1' }));
    expect(shows.map((r) => [r.kind, runNumber(shows, r)])).toEqual([
      ['rehearsal', 1],
      ['rehearsal', 2],
      ['event', 1],
    ]);
    expect(showReport(shows[0]!).actualMinutes).toBe(30);
    expect(showStatus(shows[2]!, at(2)).behindMinutes).toBe(2);
    // Removing a run (asked for) can be undone, back in its place.
    const { shows: rest, removed, index } = removeRun(shows, 'r1');
    expect(rest.map((r) => r.id)).toEqual(['r2', 'e1']);
    expect(restoreRun(rest, removed!, index)).toEqual(shows);
    expect(restoreRun(shows, removed!, index)).toEqual(shows);
    expect(removeRun(shows, 'nope').removed).toBeNull();
  });

  it('a version-1 record becomes one run (the event), unknown fields kept', () => {
    const p = plan();
    const {
      id: _id,
      kind: _kind,
      label: _label,
      scheduledStart: _s,
      message: _m,
      ...v1
    } = nextItem(startShow(p, at(5)), at(10));
    const { shows: _shows, ...rest } = p;
    const old = { ...rest, show: { ...v1, futureField: 1 } };
    const migrated = showToRuns(JSON.parse(JSON.stringify(old)));
    expect(migrated).not.toHaveProperty('show');
    const restored = restorePlan(migrated);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.plan.shows).toHaveLength(1);
    expect(restored.plan.shows[0]).toMatchObject({
      id: 'run-1',
      kind: 'event',
      scheduledStart: null,
      message: '',
      current: 1,
      futureField: 1,
    });
    // As before: counted from the moment Start was pressed.
    expect(showStatus(restored.plan.shows[0]!, at(10)).behindMinutes).toBe(0);
    expect(showToRuns({ ...rest, show: null }).shows).toEqual([]);
    // A damaged record is kept for validation to refuse by name, never dropped.
    expect(showToRuns({ ...rest, show: 7 }).shows).toEqual([7]);
  });

  it('a version-1 file with a show imports as one run; a new file carries every run', () => {
    const p = plan();
    const options = {
      translate: (_k: string, f: string) => f,
      now: new Date(at(0)),
      appVersion: '1',
    };
    const {
      id: _id,
      kind: _kind,
      label: _label,
      scheduledStart: _s,
      message: _m,
      ...v1
    } = finishShow(startShow(p, at(0)), at(60));
    const { shows: _shows, ...rest } = p;
    const file = {
      format: 'hour-of-code-plan',
      version: 1,
      exportedAt: '2026-11-07T12:00:00Z',
      app: {},
      plan: { ...rest, show: v1 },
    };
    const read = readPlanFile(JSON.stringify(file));
    expect(read.ok && read.plan.shows.map((r) => [r.kind, r.finishedAt])).toEqual([
      ['event', new Date(at(60)).toISOString()],
    ]);
    const runs = [
      finishShow(
        startShow(p, at(-1000), { kind: 'rehearsal', id: 'r1', label: 'Dress rehearsal' }),
        at(-950),
      ),
      startShow(p, at(0), { id: 'e1' }),
    ];
    const again = readPlanFile(serializePlan({ ...p, shows: runs }, options));
    expect(again.ok && again.plan.shows).toEqual(runs);
  });
});
