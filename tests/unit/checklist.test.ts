import { describe, expect, it } from 'vitest';
import {
  addStep,
  dragList,
  dropPlace,
  headingDragId,
  stepDragId,
  stepOfDragId,
  stepNear,
  findStep,
  isDueThisWeek,
  isLate,
  matchesFilter,
  moveStep,
  nudgeStep,
  offsetForDay,
  ownersInPlan,
  removeStep,
  setIdeaPicked,
  setStepDone,
  setStepFields,
  setStepText,
  stepDueDate,
  summarize,
} from '@/plan/checklist';
import { createPlanFromTemplate, newStep } from '@/plan/create-plan';
import { formatDay } from '@/plan/dates';
import { planProgress, sectionProgress } from '@/plan/progress';
import type { Plan, Step } from '@/plan/schema';
import { assemblyDetails, testDeps } from '../fixtures';

const plan = () => createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());
const stepIds = (p: Plan, section: number) => p.checklist.sections[section]!.steps.map((s) => s.id);
/** `p` with the steps of one section replaced. */
const setSteps = (p: Plan, section: number, change: (steps: Step[]) => Step[]): Plan => ({
  ...p,
  checklist: {
    sections: p.checklist.sections.map((s, i) =>
      i === section ? { ...s, steps: change(s.steps) } : s,
    ),
  },
});
const due = (p: Plan, stepId: string) =>
  formatDay(stepDueDate(findStep(p, stepId)!.step, p.event.date)!);
const at = (iso: string) => new Date(iso); // local time: no "Z"

describe('due dates', () => {
  it('count back across a month end', () => {
    const p = { ...plan(), event: { ...plan().event, date: '2026-12-07' } };
    const invite = p.checklist.sections[1]!.steps[1]!; // media invite, -14
    expect(due(p, invite.id)).toBe('2026-11-23');
  });

  it('count back across a year end', () => {
    const p = plan();
    p.event.date = '2027-01-08';
    expect(due(p, p.checklist.sections[1]!.steps[1]!.id)).toBe('2026-12-25');
    expect(due(p, p.checklist.sections[0]!.steps[0]!.id)).toBe('2026-12-11'); // -28
  });

  it('keep whole days across daylight-saving changes', () => {
    // The tests run in Europe/Oslo (vite.config.ts, test.env.TZ). In a zone without a clock
    // change (UTC) this test would pass whatever the date arithmetic did: make sure it has one.
    // The clocks go forward at 02:00 on 29 March, so that day's midnight is still winter time.
    expect(new Date(2026, 2, 30).getTimezoneOffset()).not.toBe(
      new Date(2026, 2, 28).getTimezoneOffset(),
    );
    expect(new Date(2026, 9, 26).getTimezoneOffset()).not.toBe(
      new Date(2026, 9, 24).getTimezoneOffset(),
    );
    // Europe: clocks change on 29 March and 25 October 2026; the US on 8 March and 1 November.
    for (const [event, expected] of [
      ['2026-04-05', '2026-03-22'],
      ['2026-11-02', '2026-10-19'],
      ['2026-03-15', '2026-03-01'],
      ['2026-11-08', '2026-10-25'],
    ]) {
      const p = plan();
      p.event.date = event!;
      expect(due(p, p.checklist.sections[1]!.steps[1]!.id)).toBe(expected);
    }
  });

  it('all move when the event date changes', () => {
    const p = plan();
    const before = p.checklist.sections.flatMap((s) => s.steps.map((step) => due(p, step.id)));
    const moved = { ...p, event: { ...p.event, date: '2026-12-14' } };
    const after = moved.checklist.sections.flatMap((s) =>
      s.steps.map((step) => due(moved, step.id)),
    );
    after.forEach((day, i) => {
      expect(new Date(day).getTime() - new Date(before[i]!).getTime()).toBe(7 * 86_400_000);
    });
  });

  it('a step is late from the first moment of the day after it was due', () => {
    const p = plan();
    const invite = p.checklist.sections[1]!.steps[1]!; // due 2026-11-23
    expect(isLate(invite, p.event.date, at('2026-11-23T00:00:00'))).toBe(false);
    expect(isLate(invite, p.event.date, at('2026-11-23T23:59:59'))).toBe(false);
    expect(isLate(invite, p.event.date, at('2026-11-24T00:00:00'))).toBe(true);
    expect(isLate({ ...invite, done: true }, p.event.date, at('2026-11-30T12:00:00'))).toBe(false);
  });

  it('an idea not picked is never late', () => {
    const p = plan();
    const idea = p.checklist.sections[3]!.steps[0]!;
    expect(isLate(idea, p.event.date, at('2026-12-10T09:00:00'))).toBe(false);
    expect(isLate({ ...idea, picked: true }, p.event.date, at('2026-12-10T09:00:00'))).toBe(true);
  });

  it('"due this week" runs Monday to Sunday and excludes late steps', () => {
    const p = plan();
    const invite = p.checklist.sections[1]!.steps[1]!; // Mon 2026-11-23
    expect(isDueThisWeek(invite, p.event.date, at('2026-11-22T10:00:00'))).toBe(false); // Sunday before
    expect(isDueThisWeek(invite, p.event.date, at('2026-11-23T10:00:00'))).toBe(true);
    expect(isDueThisWeek(invite, p.event.date, at('2026-11-24T10:00:00'))).toBe(false); // late now
    // Late: venue (9 Nov), speaker and reporters (16 Nov). This week: parents and media (23 Nov), follow-up (27 Nov).
    expect(summarize(p, at('2026-11-23T10:00:00'))).toEqual({ late: 3, thisWeek: 3 });
  });

  it('converts a picked due day back to an offset', () => {
    expect(offsetForDay('2026-12-07', '2026-11-23')).toBe(-14);
    expect(offsetForDay('2026-12-07', '2027-01-01')).toBe(25);
    expect(offsetForDay('2026-12-07', 'nope')).toBeNull();
  });
});

describe('steps', () => {
  it('ticking records when, unticking clears it', () => {
    const p = plan();
    const id = p.checklist.sections[0]!.steps[0]!.id;
    const ticked = setStepDone(p, id, true, new Date('2026-11-22T10:00:00Z'));
    expect(findStep(ticked, id)!.step).toMatchObject({
      done: true,
      doneAt: '2026-11-22T10:00:00.000Z',
    });
    expect(planProgress(ticked)).toEqual({ done: 1, total: 14 });
    const unticked = setStepDone(ticked, id, false, new Date());
    expect(findStep(unticked, id)!.step).toMatchObject({ done: false, doneAt: null });
    expect(setStepDone(unticked, id, false, new Date())).toBe(unticked);
  });

  it('picking an idea makes it count; un-picking clears its tick', () => {
    const p = plan();
    const id = p.checklist.sections[3]!.steps[2]!.id;
    const picked = setIdeaPicked(p, id, true);
    expect(sectionProgress(picked.checklist.sections[3]!)).toEqual({ done: 0, total: 1 });
    const done = setStepDone(picked, id, true, new Date());
    const unpicked = setIdeaPicked(done, id, false);
    expect(findStep(unpicked, id)!.step).toMatchObject({ picked: false, done: false });
  });

  it('editing the text drops the key; other fields keep it', () => {
    const p = plan();
    const id = p.checklist.sections[0]!.steps[0]!.id;
    const owned = setStepFields(p, id, { owner: 'Ana', note: 'Gym is booked' });
    expect(findStep(owned, id)!.step).toMatchObject({ textKey: 'step.prepareVenue', owner: 'Ana' });
    const edited = setStepText(owned, id, 'Book the gym');
    expect(findStep(edited, id)!.step).toMatchObject({ textKey: null, text: 'Book the gym' });
  });

  it('leaves untouched sections and steps as the same objects', () => {
    const p = plan();
    const id = p.checklist.sections[0]!.steps[0]!.id;
    const next = setStepDone(p, id, true, new Date());
    expect(next.checklist.sections[1]).toBe(p.checklist.sections[1]);
    expect(next.checklist.sections[0]!.steps[1]).toBe(p.checklist.sections[0]!.steps[1]);
  });

  it('adds, removes and moves steps within and between sections', () => {
    const p = plan();
    const sectionId = p.checklist.sections[0]!.id;
    const extra = newStep(testDeps('2026-11-22T00:00:00Z'), {
      id: 'extra',
      text: 'Order T-shirts',
    });
    const added = addStep(p, sectionId, extra);
    expect(stepIds(added, 0).at(-1)).toBe('extra');
    expect(removeStep(added, 'extra')).toEqual(p);

    const first = stepIds(p, 0)[0]!;
    const down = nudgeStep(p, first, 1);
    expect(stepIds(down, 0).slice(0, 2)).toEqual([stepIds(p, 0)[1], first]);

    // From the bottom of "Prepare" into the top of "Media", and back.
    const last = stepIds(p, 0).at(-1)!;
    const crossed = nudgeStep(p, last, 1);
    expect(stepIds(crossed, 1)[0]).toBe(last);
    expect(nudgeStep(crossed, last, -1)).toEqual(p);

    // The very first step can't go further up.
    expect(nudgeStep(p, first, -1)).toBe(p);
    const moved = moveStep(p, first, p.checklist.sections[4]!.id, 1);
    expect(stepIds(moved, 4)[1]).toBe(first);
  });
});

describe('moving one place in a filtered view', () => {
  it('passes the next step in view, not a hidden one, across sections too', () => {
    const p = plan();
    const [a, b, c, d] = stepIds(p, 0);
    const [m1] = stepIds(p, 1);
    const shown = (hidden: string[]) => (step: Step) => !hidden.includes(step.id);
    // b hidden: a goes down past c (the next in view), so it ends after c, b staying where it was.
    expect(stepIds(nudgeStep(p, a!, 1, shown([b!])), 0)).toEqual([b, c, a, d]);
    // And back up past c.
    const down = nudgeStep(p, a!, 1, shown([b!]));
    expect(stepIds(nudgeStep(down, a!, -1, shown([b!])), 0)).toEqual([b, a, c, d]);
    // d hidden: c, the last in view of its section, goes down into the next section, first.
    const crossed = nudgeStep(p, c!, 1, shown([d!]));
    expect(stepIds(crossed, 0)).toEqual([a, b, d]);
    expect(stepIds(crossed, 1)[0]).toBe(c);
    expect(stepIds(crossed, 1)[1]).toBe(m1);
    // The step itself is always in view, even when the filter would hide it (just ticked).
    expect(stepIds(nudgeStep(p, a!, 1, shown([a!])), 0)).toEqual([b, a, c, d]);
    // The first step in view of the first section has nowhere to go up.
    expect(nudgeStep(p, b!, -1, shown([a!]))).toBe(p);
    // Unknown steps move nothing.
    expect(nudgeStep(p, 'nope', 1)).toBe(p);
  });
});

describe('the step near a place a step has left', () => {
  const shown = (hidden: string[]) => (step: Step) => !hidden.includes(step.id);
  it('is the one now in its place, else the one before, among the steps shown', () => {
    const p = plan();
    const sectionId = p.checklist.sections[0]!.id;
    const [a, b, c, d] = stepIds(p, 0);
    // b was deleted from place 1 (a, c, d remain): c took its place.
    const without = setSteps(p, 0, (steps) => steps.filter((s) => s.id !== b));
    expect(stepNear(without, sectionId, 1, shown([]))).toBe(c);
    // c hidden by the filter: the next in view after it.
    expect(stepNear(without, sectionId, 1, shown([c!]))).toBe(d);
    // Nothing in view after the place: the last in view before it.
    expect(stepNear(without, sectionId, 1, shown([c!, d!]))).toBe(a);
    // The last step was deleted: the one before it.
    expect(stepNear(without, sectionId, 3, shown([]))).toBe(d);
    // A place past the end (the section shrank meanwhile) or before the start is clamped.
    expect(stepNear(without, sectionId, 99, shown([]))).toBe(d);
    expect(stepNear(without, sectionId, -1, shown([]))).toBe(a);
    // No such section: null.
    expect(stepNear(p, 'gone', 0, shown([]))).toBeNull();
  });

  it('with none shown in its section, is the first shown after it, else the last shown before', () => {
    const p = plan();
    const sections = p.checklist.sections;
    const [a, b, c, d] = stepIds(p, 0);
    const [m1, m2] = stepIds(p, 1);
    const last = sections.length - 1;
    // Prepare shows none: Media's first shown.
    expect(stepNear(p, sections[0]!.id, 1, shown([a!, b!, c!, d!]))).toBe(m1);
    expect(stepNear(p, sections[0]!.id, 1, shown([a!, b!, c!, d!, m1!]))).toBe(m2);
    // The last section shows none: the last shown in the one before it.
    expect(stepNear(p, sections[last]!.id, 0, shown(stepIds(p, last)))).toBe(
      stepIds(p, last - 1).at(-1),
    );
    // An emptied section in the middle: the next section's first.
    const emptied = setSteps(p, 1, () => []);
    expect(stepNear(emptied, sections[1]!.id, 0, shown([]))).toBe(stepIds(p, 2)[0]);
    // Nothing shown anywhere: null.
    const everyStep = sections.flatMap((section) => section.steps.map((step) => step.id));
    expect(stepNear(p, sections[1]!.id, 0, shown(everyStep))).toBeNull();
  });
});

describe('drag and drop', () => {
  const sectionId = (p: Plan, i: number) => p.checklist.sections[i]!.id;
  /** A section's heading and a step, as the sortable list names them. */
  const head = (p: Plan, i: number) => headingDragId(sectionId(p, i));
  const step = stepDragId;
  /** Where a step (by the plan's ids) lands dropped over a step or a heading's drag id. */
  const drop = (p: Plan, list: string[], stepId: string, over: string) =>
    dropPlace(p, list, step(stepId), over);

  it('lists each section heading followed by its steps in view', () => {
    const p = plan();
    const list = dragList(p);
    expect(list.slice(0, 5)).toEqual([head(p, 0), ...stepIds(p, 0).map(step)]);
    expect(list[5]).toBe(head(p, 1));
    const shown = dragList(p, (s) => s.dueOffsetDays === -7);
    expect(shown).toContain(head(p, 2));
    expect(shown.map(stepOfDragId).filter((id) => id !== null)).toEqual(
      p.checklist.sections.flatMap((s) =>
        s.steps.filter((st) => st.dueOffsetDays === -7).map((st) => st.id),
      ),
    );
  });

  it('within a section the step takes the place of the one it is dropped on', () => {
    const p = plan();
    const list = dragList(p);
    const [a, b, c] = stepIds(p, 0);
    expect(drop(p, list, a!, step(c!))).toEqual({ sectionId: sectionId(p, 0), index: 2 });
    expect(drop(p, list, c!, step(b!))).toEqual({ sectionId: sectionId(p, 0), index: 1 });
    expect(drop(p, list, b!, step(b!))).toEqual({ sectionId: sectionId(p, 0), index: 1 });
    const moved = moveStep(p, a!, sectionId(p, 0), 2);
    expect(stepIds(moved, 0).slice(0, 3)).toEqual([b, c, a]);
  });

  it('past the next heading the step goes first in that section, then on one by one', () => {
    const p = plan();
    const list = dragList(p);
    const last = stepIds(p, 0).at(-1)!;
    const [firstMedia, secondMedia] = stepIds(p, 1);
    expect(drop(p, list, last, head(p, 1))).toEqual({ sectionId: sectionId(p, 1), index: 0 });
    expect(drop(p, list, last, step(firstMedia!))).toEqual({
      sectionId: sectionId(p, 1),
      index: 1,
    });
    expect(drop(p, list, last, step(secondMedia!))).toEqual({
      sectionId: sectionId(p, 1),
      index: 2,
    });
  });

  it('up past its own heading the step goes last in the section before', () => {
    const p = plan();
    const list = dragList(p);
    const first = stepIds(p, 1)[0]!;
    expect(drop(p, list, first, head(p, 1))).toEqual({
      sectionId: sectionId(p, 0),
      index: stepIds(p, 0).length,
    });
    // Above the first heading there is no section: the first place of the first.
    expect(drop(p, list, first, head(p, 0))).toEqual({ sectionId: sectionId(p, 0), index: 0 });
  });

  it('with steps hidden by a filter, lands next to the steps in view', () => {
    const p = plan();
    const [a, b, c, d] = stepIds(p, 0);
    // a, b and d in view: b dropped over d goes after d (c, hidden, stays before d).
    const list = dragList(p, (s) => s.id === a || s.id === d || s.id === b);
    expect(drop(p, list, b!, step(d!))).toEqual({ sectionId: sectionId(p, 0), index: 3 });
    expect(stepIds(moveStep(p, b!, sectionId(p, 0), 3), 0)).toEqual([a, c, d, b]);
    // A section with nothing in view, reached from above: it goes first in it.
    const none = dragList(p, (s) => s.id === a);
    expect(drop(p, none, a!, head(p, 2))).toEqual({ sectionId: sectionId(p, 2), index: 0 });
  });

  it("a step whose id is a section's is not taken for that section's heading", () => {
    // A hand-made file may do this: restore keeps ids unique within a kind, not across kinds.
    const base = plan();
    const [x1, x2] = stepIds(base, 0);
    const clash = sectionId(base, 1);
    const p = setSteps(base, 0, (steps) => [...steps.slice(0, 2), { ...steps[2]!, id: clash }]);
    const list = dragList(p);
    expect(new Set(list).size).toBe(list.length);
    // x1 moved down: 2nd, then 3rd in its section (over the clashing step), and past the next
    // heading 1st in that section.
    expect(drop(p, list, x1!, step(x2!))).toEqual({ sectionId: sectionId(p, 0), index: 1 });
    expect(drop(p, list, x1!, step(clash))).toEqual({ sectionId: sectionId(p, 0), index: 2 });
    expect(drop(p, list, x1!, head(p, 1))).toEqual({ sectionId: sectionId(p, 1), index: 0 });
    // The step named like the section moves like any step.
    expect(drop(p, list, clash, head(p, 1))).toEqual({ sectionId: sectionId(p, 1), index: 0 });
  });

  it('unknown ids move nothing, and a heading is never the step that moves', () => {
    const p = plan();
    const list = dragList(p);
    const first = step(stepIds(p, 0)[0]!);
    expect(dropPlace(p, list, step('nope'), first)).toBeUndefined();
    expect(dropPlace(p, list, first, step('nope'))).toBeUndefined();
    expect(dropPlace(p, list, stepIds(p, 0)[0]!, first)).toBeUndefined();
    expect(dropPlace(p, list, head(p, 0), first)).toBeUndefined();
  });
});

describe('filters and owners', () => {
  it('filter by to-do, late and owner (case-insensitive)', () => {
    let p = plan();
    const [a, b] = stepIds(p, 0);
    p = setStepDone(p, a!, true, new Date());
    p = setStepFields(p, b!, { owner: 'Ana' });
    const now = at('2026-11-30T09:00:00');
    const steps = p.checklist.sections.flatMap((s) => s.steps);
    expect(steps.filter((s) => matchesFilter(s, { kind: 'todo' }, p.event.date, now))).toHaveLength(
      13,
    );
    expect(
      steps
        .filter((s) => matchesFilter(s, { kind: 'owner', owner: 'ana' }, p.event.date, now))
        .map((s) => s.id),
    ).toEqual([b]);
    // Event 7 December, today 30 November: late are the steps due before today and not done.
    // Not the venue (due 9 November, but done), not group activities (due today, 30 November),
    // not what is due later, and not the ideas (not picked).
    const late = steps
      .filter((s) => matchesFilter(s, { kind: 'late' }, p.event.date, now))
      .map((s) => s.id);
    expect(late).toEqual([
      b, // invite a speaker, 16 November
      stepIds(p, 0)[2], // letter to parents, 23 November
      ...stepIds(p, 1).slice(0, 3), // reporters 16 Nov, media invite 23 Nov, follow-up 27 Nov
    ]);
    expect(late.map((id) => findStep(p, id)!.step.textKey)).toEqual([
      'step.prepareInviteSpeaker',
      'step.prepareParents',
      'step.mediaFindReporters',
      'step.mediaInvite',
      'step.mediaFollowUp',
    ]);
  });

  it('filter by due this week: Monday to Sunday, not done, not late', () => {
    const p = plan();
    const steps = p.checklist.sections.flatMap((s) => s.steps);
    // Event Monday 7 December; today Monday 30 November: the week runs to Sunday 6 December.
    const week = (now: Date) =>
      steps
        .filter((s) => matchesFilter(s, { kind: 'week' }, p.event.date, now))
        .map((s) => `${s.textKey} ${s.dueOffsetDays}`);
    expect(week(at('2026-11-30T09:00:00'))).toEqual(WEEK_OF_30_NOVEMBER);
    // On Friday 4 December, what was due on Monday is late, no longer "this week".
    expect(week(at('2026-12-04T09:00:00'))).toEqual(
      WEEK_OF_30_NOVEMBER.filter((entry) => Number(entry.split(' ')[1]) >= -3),
    );
  });

  it('offers the names used in the plan once each', () => {
    let p = plan();
    const [a, b] = stepIds(p, 0);
    p = setStepFields(p, a!, { owner: 'Ana' });
    p = setStepFields(p, b!, { owner: ' ana ' });
    p.runOfShow.items[1]!.who = 'Principal Berg';
    expect(ownersInPlan(p)).toEqual(['Ana', 'Principal Berg']);
  });
});

/** School assembly steps due from Monday 30 November to Sunday 6 December (event 7 December). */
const WEEK_OF_30_NOVEMBER = [
  'step.prepareActivities -7',
  'step.mediaSocial -7',
  'step.mediaPhotos -3',
  'step.mediaAnswers -3',
];
