import { beforeEach, describe, expect, it } from 'vitest';
import { addStep, setStepDone, setStepFields } from '@/plan/checklist';
import { createPlanFromTemplate, newStep } from '@/plan/create-plan';
import { serializePlan } from '@/plan/file-format';
import { changedBy, copyDifferences, mergedAuthors, summarizeMerge } from '@/plan/merge-summary';
import { holdsOtherValue, takeOtherValue } from '@/plan/merge';
import { endedForCopy, nextItem, startShow } from '@/plan/live-show';
import { restorePlan } from '@/plan/restore';
import { setItemFields } from '@/plan/run-of-show';
import type { Plan } from '@/plan/schema';
import { createClock } from '@/plan/stamps';
import { mergeImportedPlan } from '@/store/merge-copy';
import { createPlansStore } from '@/store/plans-store';
import { assemblyDetails, testDeps } from '../fixtures';

/*
 * The round trip in the store: the organizer's plan here, a colleague's copy of it edited in
 * another browser (another store, its own clock and name), brought back and merged.
 */

const stepAt = (p: Plan, section: number, index: number) =>
  p.checklist.sections[section]!.steps[index]!;

function roundTrip() {
  // One clock on the wall for both browsers, a minute on with every change.
  let time = Date.parse('2026-11-30T09:00:00Z');
  const wall = () => (time += 60_000);
  const organizer = createPlansStore({
    storage: () => undefined,
    name: () => 'Olga',
    clock: createClock('olga', wall),
  });
  const colleague = createPlansStore({
    storage: () => undefined,
    name: () => 'Kari',
    clock: createClock('kari', wall),
  });
  const plan = createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());
  organizer.getState().addPlan(plan);
  // The file carries the plan as it is; the colleague imports it into an empty browser.
  colleague.getState().addPlan(JSON.parse(JSON.stringify(plan)) as Plan);
  const here = () => organizer.getState().plans[0]!;
  const there = () => colleague.getState().plans[0]!;
  return { organizer, colleague, plan, here, there };
}

describe('bringing a colleague’s copy back', () => {
  let t: ReturnType<typeof roundTrip>;
  beforeEach(() => {
    t = roundTrip();
  });

  it('merges both sides’ work into the one plan, as one undo step', () => {
    const { organizer, colleague, plan, here, there } = t;
    const [s1, s2, s3] = [stepAt(plan, 0, 0), stepAt(plan, 0, 1), stepAt(plan, 1, 0)];
    const item = plan.runOfShow.items[1]!;
    const at = new Date('2026-11-30T09:00:00Z');
    // Different things on each side…
    colleague.getState().updatePlan(plan.id, (p) => setStepDone(p, s1.id, true, at));
    colleague
      .getState()
      .updatePlan(plan.id, (p) => setItemFields(p, item.id, { durationMinutes: 25 }));
    colleague
      .getState()
      .updatePlan(plan.id, (p) =>
        addStep(
          p,
          p.checklist.sections[0]!.id,
          newStep(testDeps(), { id: 'new', text: 'Book the bus' }),
        ),
      );
    organizer.getState().updatePlan(plan.id, (p) => setStepFields(p, s2.id, { owner: 'Olga' }));
    // …and the same thing on both, the colleague later.
    organizer.getState().updatePlan(plan.id, (p) => setStepFields(p, s3.id, { note: 'mine' }));
    colleague.getState().updatePlan(plan.id, (p) => setStepFields(p, s3.id, { note: 'theirs' }));

    const before = here();
    const outcome = organizer.getState().mergeCopy(there());
    if (!outcome.ok) throw new Error('merge refused');
    expect(organizer.getState().plans).toHaveLength(1);
    const merged = here();
    expect(stepAt(merged, 0, 0).done).toBe(true);
    expect(stepAt(merged, 0, 1).owner).toBe('Olga');
    expect(merged.checklist.sections[0]!.steps.some((s) => s.text === 'Book the bus')).toBe(true);
    expect(merged.runOfShow.items[1]!.durationMinutes).toBe(25);
    expect(stepAt(merged, 1, 0).note).toBe('theirs');
    expect(outcome.conflicts.map((c) => [c.key, c.a, c.b, c.kept])).toEqual([
      [`step:${s3.id}.note`, 'mine', 'theirs', 'b'],
    ]);

    // The summary, and who did it.
    const lines = summarizeMerge(before, merged).map((l) => [l.kind, l.things.length]);
    expect(lines).toEqual([
      ['ticked', 1],
      ['lengths', 1],
      ['notes', 1],
      ['stepsAdded', 1],
    ]);
    expect(mergedAuthors(before, merged)).toEqual(['\u2068Kari\u2069']);
    expect(changedBy(merged, `step:${s1.id}.done`)?.name).toBe('\u2068Kari\u2069');

    // "Use this one instead": an ordinary edit, which then wins.
    organizer.getState().updatePlan(plan.id, (p) => takeOtherValue(p, outcome.conflicts[0]!));
    expect(stepAt(here(), 1, 0).note).toBe('mine');
    organizer.getState().undo(plan.id);

    // One undo takes the whole merge back.
    expect(organizer.getState().undo(plan.id)).toBe(true);
    const undone = here();
    expect(stepAt(undone, 0, 0).done).toBe(false);
    expect(stepAt(undone, 1, 0).note).toBe('mine');
    expect(undone.runOfShow.items[1]!.durationMinutes).toBe(item.durationMinutes);
    expect(undone.checklist.sections[0]!.steps.some((s) => s.id === 'new')).toBe(false);
    expect(stepAt(undone, 0, 1).owner).toBe('Olga');
  });

  it('Undo then Redo of a merge keeps naming who ticked: the credit survives a file and a merge', async () => {
    const { organizer, colleague, plan, here, there } = t;
    const s1 = stepAt(plan, 0, 0);
    const key = `step:${s1.id}.done`;
    colleague.getState().updatePlan(plan.id, (p) => setStepDone(p, s1.id, true, new Date()));
    const tickedAt = changedBy(there(), key)!.at;
    organizer.getState().mergeCopy(there());
    expect(changedBy(here(), key)?.name).toBe('\u2068Kari\u2069');

    expect(organizer.getState().undo(plan.id)).toBe(true);
    expect(stepAt(here(), 0, 0).done).toBe(false);
    expect(organizer.getState().redo(plan.id)).toBe(true);
    expect(stepAt(here(), 0, 0).done).toBe(true);
    // Redo is a new change (it must win later merges), but the tick is still Kari's, from when
    // she made it.
    expect(changedBy(here(), key)).toEqual({ name: '\u2068Kari\u2069', at: tickedAt });
    expect(here().sync!.stamps[key]! > there().sync!.stamps[key]!).toBe(true);

    // The credit travels with the plan: through a file, and into a third copy by merge.
    const { readPlanFile } = await import('@/plan/file-format');
    const text = serializePlan(here(), {
      translate: (_key, fallback) => fallback,
      now: new Date(),
      appVersion: 'test',
    });
    const read = readPlanFile(text);
    if (!read.ok) throw new Error('unreadable');
    expect(changedBy(read.plan, key)?.name).toBe('\u2068Kari\u2069');
    const merged = colleague.getState().mergeCopy(read.plan);
    if (!merged.ok) throw new Error('merge refused');
    expect(changedBy(there(), key)?.name).toBe('\u2068Kari\u2069');

    // A change of the value drops the credit: unticking and ticking again is Olga's.
    organizer.getState().updatePlan(plan.id, (p) => setStepDone(p, s1.id, false, new Date()));
    organizer.getState().updatePlan(plan.id, (p) => setStepDone(p, s1.id, true, new Date()));
    expect(changedBy(here(), key)?.name).toBe('\u2068Olga\u2069');
    expect(here().sync!.credit?.[key]).toBeUndefined();
  });

  it('a rehearsal still running in the copy comes in ended; a run this plan has is left to the merge', () => {
    const { organizer, colleague, plan, here, there } = t;
    const start = Date.parse('2026-11-30T10:00:00Z');
    // Running in both (the organizer's show, sent mid-show) and one only the colleague started.
    const shared = startShow(plan, start);
    organizer.getState().updatePlan(plan.id, (p) => ({ ...p, shows: [shared] }));
    colleague.getState().updatePlan(plan.id, (p) => ({ ...p, shows: [shared] }));
    const rehearsal = startShow(there(), start + 60_000);
    colleague.getState().updatePlan(plan.id, (p) => ({
      ...p,
      shows: [...p.shows, nextItem(rehearsal, start + 120_000)],
    }));
    const outcome = mergeImportedPlan(there(), organizer);
    if (!outcome.ok) throw new Error('merge refused');
    const runs = here().shows;
    expect(runs.map((r) => r.id)).toEqual([shared.id, rehearsal.id]);
    expect(runs[0]!.finishedAt).toBeFalsy();
    expect(runs[1]!.finishedAt).toBe(new Date(start + 120_000).toISOString());
  });

  it('after Undo the copy still differs: copyDifferences names where, with both values', () => {
    const { organizer, colleague, plan, here, there } = t;
    const s1 = stepAt(plan, 0, 0);
    const item = plan.runOfShow.items[1]!;
    colleague.getState().updatePlan(plan.id, (p) => setStepDone(p, s1.id, true, new Date()));
    colleague
      .getState()
      .updatePlan(plan.id, (p) => setItemFields(p, item.id, { durationMinutes: 25 }));
    // The organizer's own change, which the copy never touched, is no difference to offer.
    organizer
      .getState()
      .updatePlan(plan.id, (p) => setStepFields(p, stepAt(p, 0, 2).id, { owner: 'Olga' }));
    organizer.getState().mergeCopy(there());
    expect(copyDifferences(here(), there())).toEqual([]);
    organizer.getState().undo(plan.id);
    const again = organizer.getState().mergeCopy(there());
    if (!again.ok) throw new Error('merge refused');
    expect(summarizeMerge(again.before, again.after)).toEqual([]);
    expect(copyDifferences(here(), there()).map((d) => [d.key, d.a, d.b, d.kept])).toEqual([
      [`step:${s1.id}.done`, false, true, 'a'],
      [`item:${item.id}.durationMinutes`, item.durationMinutes, 25, 'a'],
    ]);
    // Whether the plan holds the copy's value, whatever Undo did since.
    const [tick, length] = copyDifferences(here(), there());
    expect(holdsOtherValue(here(), tick!)).toBe(false);
    organizer.getState().updatePlan(plan.id, (p) => takeOtherValue(p, tick!));
    expect(holdsOtherValue(here(), tick!)).toBe(true);
    expect(holdsOtherValue(here(), length!)).toBe(false);
    organizer.getState().undo(plan.id);
    expect(holdsOtherValue(here(), tick!)).toBe(false);
  });

  it('a damaged run in a copy (its item past its entries) is left as it is, and the copy merges', () => {
    const { organizer, colleague, plan, here, there } = t;
    const run = startShow(plan, Date.parse('2026-11-30T10:00:00Z'));
    colleague.getState().updatePlan(plan.id, (p) => ({ ...p, shows: [{ ...run, current: 999 }] }));
    expect(endedForCopy(there().shows[0]!)).toBe(there().shows[0]);
    const outcome = mergeImportedPlan(there(), organizer);
    expect(outcome.ok).toBe(true);
    expect(restorePlan(here()).ok).toBe(true);
  });

  it('fields named like Object’s own ("toString", "valueOf") merge as data, and are listed by copyDifferences as data', () => {
    const { organizer, colleague, plan, here, there } = t;
    colleague.getState().updatePlan(plan.id, (p) => ({
      ...p,
      event: { ...p.event, toString: 'y', valueOf: 'z' } as Plan['event'],
    }));
    const outcome = organizer.getState().mergeCopy(there());
    if (!outcome.ok) throw new Error('merge refused');
    expect(Object.getOwnPropertyDescriptor(here().event, 'toString')?.value).toBe('y');
    expect(outcome.conflicts).toEqual([]);
    // A field only the copy has is not a difference to offer.
    organizer.getState().undo(plan.id);
    expect(copyDifferences(here(), there()).map((d) => d.field)).toEqual([]);
  });

  it('merging the same copy again changes nothing', () => {
    const { organizer, colleague, plan, here, there } = t;
    colleague.getState().updatePlan(plan.id, (p) => ({ ...p, notes: 'from Kari' }));
    organizer.getState().mergeCopy(there());
    const once = here();
    const again = organizer.getState().mergeCopy(there());
    expect(again.ok && again.conflicts).toEqual([]);
    expect({ ...here(), updatedAt: '' }).toEqual({ ...once, updatedAt: '' });
  });

  it('a copy that went through a file merges like the copy itself', async () => {
    const { organizer, colleague, plan, here, there } = t;
    colleague
      .getState()
      .updatePlan(plan.id, (p) => setStepDone(p, stepAt(p, 0, 0).id, true, new Date()));
    const { readPlanFile } = await import('@/plan/file-format');
    const text = serializePlan(there(), {
      translate: (_key, fallback) => `[${fallback}]`,
      now: new Date(),
      appVersion: 'test',
    });
    const read = readPlanFile(text);
    if (!read.ok) throw new Error('unreadable');
    const { withoutTextsAsSeen } = await import('@/plan/file-format');
    const outcome = organizer.getState().mergeCopy(withoutTextsAsSeen(read.plan, here()));
    expect(outcome.ok && summarizeMerge(outcome.before, outcome.after).map((l) => l.kind)).toEqual([
      'ticked',
    ]);
  });
});
