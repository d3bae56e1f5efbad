import { describe, expect, it } from 'vitest';
import { createPlanFromTemplate } from '@/plan/create-plan';
import {
  finishShow,
  nextItem,
  pauseShow,
  plannedStartMinutes,
  previousItem,
  resumeShow,
  shiftRest,
  showReport,
  showStatus,
  skipItem,
  startShow,
} from '@/plan/live-show';
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
    const restored = restorePlan(JSON.parse(JSON.stringify({ ...p, show })));
    expect(restored.ok && restored.plan.show).toEqual(show);
    expect(restored.ok && showStatus(restored.plan.show!, at(9))).toMatchObject({
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
});
