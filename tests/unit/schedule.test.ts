import { describe, expect, it } from 'vitest';
import { computeSchedule, overTarget, parseDuration } from '@/plan/schedule';

const items = (...durations: number[]) =>
  durations.map((durationMinutes) => ({ durationMinutes, fixedStart: null }));

describe('schedule', () => {
  it("computes the guide's run of show from 10:00", () => {
    const schedule = computeSchedule('10:00', items(5, 10, 15, 10, 20, 5));
    expect(schedule.items.map((i) => [i.start, i.end])).toEqual([
      [600, 605],
      [605, 615],
      [615, 630],
      [630, 640],
      [640, 660],
      [660, 665],
    ]);
    expect(overTarget(schedule, 60)).toBe(5);
  });

  it('pins a fixed start and reports the gap or overlap before it', () => {
    const gap = computeSchedule('10:00', [
      ...items(5),
      { durationMinutes: 15, fixedStart: '10:15' },
    ]);
    expect(gap.items[1]).toMatchObject({ start: 615, gapBefore: 10 });
    const overlap = computeSchedule('10:00', [
      ...items(20),
      { durationMinutes: 15, fixedStart: '10:15' },
    ]);
    expect(overlap.items[1]).toMatchObject({ start: 615, gapBefore: -5 });
  });

  it('runs past midnight onto the next day', () => {
    const schedule = computeSchedule('23:30', [
      ...items(45),
      { durationMinutes: 10, fixedStart: '00:20' },
    ]);
    expect(schedule.items[0]).toMatchObject({ start: 1410, end: 1455, day: 0 });
    expect(schedule.items[1]).toMatchObject({ start: 1460, day: 1, gapBefore: 5 });
  });
});

describe('parseDuration', () => {
  it.each([
    ['15', 15],
    [' 15 ', 15],
    ['1:15', 75],
    ['1h15', 75],
    ['1 h 15 min', 75],
    ['2h', 120],
    ['720', 720],
    ['15 мүн.', 15],
    ['1ч15', 75],
    ['1t15', 75],
  ])('reads %s as %i minutes', (raw, minutes) => {
    expect(parseDuration(raw)).toEqual({ ok: true, minutes });
  });

  it.each(['0', '721', '-5', '1.5', 'abc', '', '13:00', '1:75'])('refuses %s', (raw) => {
    expect(parseDuration(raw)).toEqual({ ok: false });
  });
});

describe('the show’s end', () => {
  it('is when the last item to finish finishes, even when a later item is pinned earlier', () => {
    // 10:00 start: a 5-minute item, a 75-minute one (10:05–11:20), then one pinned to 10:20
    // that overlaps it and ends at 10:30, and a last one after it, 10:30–10:40.
    const schedule = computeSchedule('10:00', [
      { durationMinutes: 5, fixedStart: null },
      { durationMinutes: 75, fixedStart: null },
      { durationMinutes: 10, fixedStart: '10:20' },
      { durationMinutes: 10, fixedStart: null },
    ]);
    expect(schedule.items.map((slot) => [slot.start, slot.end])).toEqual([
      [600, 605],
      [605, 680],
      [620, 630],
      [630, 640],
    ]);
    expect(schedule.items[2]!.gapBefore).toBe(-60);
    // The show runs until 11:20, not 10:40: 80 minutes, 15 over a 65-minute plan.
    expect(schedule.end).toBe(680);
    expect(schedule.totalMinutes).toBe(80);
    expect(overTarget(schedule, 65)).toBe(15);
  });

  it('is the start when there is nothing in the agenda', () => {
    expect(computeSchedule('09:30', [])).toMatchObject({ start: 570, end: 570, totalMinutes: 0 });
  });
});

describe('schedule at scale', () => {
  it('computes 1,000 items correctly, pinned ones included', () => {
    const input = Array.from({ length: 1000 }, (_, i) => ({
      durationMinutes: (i % 7) + 1,
      fixedStart: i === 500 ? '09:00' : null,
    }));
    const schedule = computeSchedule('08:00', input);
    let expectedStart = 480;
    let total = 0;
    schedule.items.forEach((slot, i) => {
      const duration = (i % 7) + 1;
      if (i === 500) {
        // 09:00 on whichever day is closest to where the agenda has got to.
        const k = Math.round((expectedStart - 540) / 1440);
        expectedStart = 540 + k * 1440;
      }
      expect(slot.start).toBe(expectedStart);
      expect(slot.end).toBe(expectedStart + duration);
      expect(slot.day).toBe(Math.floor(expectedStart / 1440));
      expectedStart += duration;
      total += duration;
    });
    expect(schedule.end).toBe(expectedStart);
    expect(total).toBeGreaterThan(1440); // the agenda runs into the next days
  });
});
