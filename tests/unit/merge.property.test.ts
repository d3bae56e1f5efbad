import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newItem, newStep } from '@/plan/create-plan';
import { deepEqual } from '@/plan/equal';
import { mergePlans, type MergeConflict } from '@/plan/merge';
import { sameRelativeOrder } from '@/plan/registers';
import { startShow } from '@/plan/live-show';
import type { Plan, RunItem, Section } from '@/plan/schema';
import { stampChanges } from '@/plan/stamp-changes';
import { createClock } from '@/plan/stamps';
import { startPlan } from '../merge-helpers';
import { propertyRuns } from '../property-runs';

/*
 * Two copies of one plan, each edited by a random sequence of the app's kinds of edit, then
 * merged. Each edit records which registers it changed, independently of the merge's own
 * bookkeeping, so the properties check the merge against what actually happened.
 */

const numRuns = propertyRuns();

type Op =
  | { type: 'tick'; step: number; done: boolean }
  | { type: 'owner'; step: number; owner: string }
  | { type: 'length'; item: number; minutes: number }
  | { type: 'pin'; item: number; at: string | null }
  | { type: 'title'; title: string }
  | { type: 'place'; place: string }
  | { type: 'sectionTitle'; section: number; title: string }
  | { type: 'addStep'; section: number; at: number }
  | { type: 'deleteStep'; step: number }
  | { type: 'moveStep'; step: number; section: number }
  | { type: 'reorderSteps'; section: number }
  | { type: 'addItem'; at: number }
  | { type: 'deleteItem'; item: number }
  | { type: 'moveItem'; from: number; to: number }
  | { type: 'deleteSection'; section: number }
  | { type: 'addSection' }
  | { type: 'startRun'; rehearsal: boolean }
  | { type: 'runMessage'; run: number; message: string }
  | { type: 'finishRun'; run: number }
  | { type: 'removeRun'; run: number };

const n = fc.nat(9);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('tick' as const), step: n, done: fc.boolean() }),
  fc.record({
    type: fc.constant('owner' as const),
    step: n,
    owner: fc.constantFrom('', 'Ada', 'Bo'),
  }),
  fc.record({
    type: fc.constant('length' as const),
    item: n,
    minutes: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    type: fc.constant('pin' as const),
    item: n,
    at: fc.constantFrom(null, '10:00', '11:00'),
  }),
  fc.record({
    type: fc.constant('title' as const),
    title: fc.constantFrom('Assembly', 'Show', 'Day'),
  }),
  fc.record({ type: fc.constant('place' as const), place: fc.constantFrom('Hall', 'Gym') }),
  fc.record({
    type: fc.constant('sectionTitle' as const),
    section: n,
    title: fc.constantFrom('A', 'B'),
  }),
  fc.record({ type: fc.constant('addStep' as const), section: n, at: n }),
  fc.record({ type: fc.constant('deleteStep' as const), step: n }),
  fc.record({ type: fc.constant('moveStep' as const), step: n, section: n }),
  fc.record({ type: fc.constant('reorderSteps' as const), section: n }),
  fc.record({ type: fc.constant('addItem' as const), at: n }),
  fc.record({ type: fc.constant('deleteItem' as const), item: n }),
  fc.record({ type: fc.constant('moveItem' as const), from: n, to: n }),
  fc.record({ type: fc.constant('deleteSection' as const), section: n }),
  fc.record({ type: fc.constant('addSection' as const) }),
  fc.record({ type: fc.constant('startRun' as const), rehearsal: fc.boolean() }),
  fc.record({
    type: fc.constant('runMessage' as const),
    run: n,
    message: fc.constantFrom('', 'Wrap up', 'Louder'),
  }),
  fc.record({ type: fc.constant('finishRun' as const), run: n }),
  fc.record({ type: fc.constant('removeRun' as const), run: n }),
);

/** What one copy did since the copies parted: registers changed, things added, things deleted. */
interface Trace {
  touched: Set<string>;
  added: Set<string>;
  deleted: Set<string>;
  deletedSections: Set<string>;
  /** Runs of the show: started, changed (message, finish) and removed on this side. */
  runsAdded: Set<string>;
  runsChanged: Set<string>;
  runsRemoved: Set<string>;
}

const allSteps = (plan: Plan) =>
  plan.checklist.sections.flatMap((s) => s.steps.map((step) => ({ step, section: s.id })));

function apply(plan: Plan, op: Op, side: string, counter: { n: number }, trace: Trace): Plan {
  const sections = plan.checklist.sections;
  const items = plan.runOfShow.items;
  const steps = allSteps(plan);
  const withSections = (next: Section[]): Plan => ({
    ...plan,
    checklist: { ...plan.checklist, sections: next },
  });
  const withItems = (next: RunItem[]): Plan => ({
    ...plan,
    runOfShow: { ...plan.runOfShow, items: next },
  });
  const editStep = (index: number, field: 'done' | 'owner', value: unknown): Plan => {
    if (steps.length === 0) return plan;
    const { step } = steps[index % steps.length]!;
    if (step[field] === value) return plan;
    trace.touched.add(`step:${step.id}.${field}`);
    return withSections(
      sections.map((s) =>
        s.steps.includes(step)
          ? { ...s, steps: s.steps.map((x) => (x === step ? { ...x, [field]: value } : x)) }
          : s,
      ),
    );
  };
  const editItem = (
    index: number,
    field: 'durationMinutes' | 'fixedStart',
    value: unknown,
  ): Plan => {
    if (items.length === 0) return plan;
    const item = items[index % items.length]!;
    if (item[field] === value) return plan;
    trace.touched.add(`item:${item.id}.${field}`);
    return withItems(items.map((x) => (x === item ? { ...x, [field]: value } : x)));
  };
  const newId = () => `${side}${(counter.n += 1)}`;
  switch (op.type) {
    case 'tick':
      return editStep(op.step, 'done', op.done);
    case 'owner':
      return editStep(op.step, 'owner', op.owner);
    case 'length':
      return editItem(op.item, 'durationMinutes', op.minutes);
    case 'pin':
      return editItem(op.item, 'fixedStart', op.at);
    case 'title':
      if (plan.title === op.title) return plan;
      trace.touched.add('plan.title');
      return { ...plan, title: op.title };
    case 'place':
      if (plan.event.place === op.place) return plan;
      trace.touched.add('event.place');
      return { ...plan, event: { ...plan.event, place: op.place } };
    case 'sectionTitle': {
      const section = sections[op.section % Math.max(1, sections.length)];
      if (!section || section.title === op.title) return plan;
      trace.touched.add(`section:${section.id}.title`);
      return withSections(sections.map((s) => (s === section ? { ...s, title: op.title } : s)));
    }
    case 'addStep': {
      const section = sections[op.section % Math.max(1, sections.length)];
      if (!section) return plan;
      const id = newId();
      trace.added.add(id);
      const next = section.steps.slice();
      next.splice(
        op.at % (next.length + 1),
        0,
        newStep({ now: () => new Date(0), newId: () => id }, { text: id }),
      );
      return withSections(sections.map((s) => (s === section ? { ...s, steps: next } : s)));
    }
    case 'deleteStep': {
      if (steps.length === 0) return plan;
      const { step } = steps[op.step % steps.length]!;
      trace.deleted.add(step.id);
      return withSections(
        sections.map((s) =>
          s.steps.includes(step) ? { ...s, steps: s.steps.filter((x) => x !== step) } : s,
        ),
      );
    }
    case 'moveStep': {
      if (steps.length === 0) return plan;
      const { step, section: from } = steps[op.step % steps.length]!;
      const to = sections[op.section % sections.length]!;
      if (to.id === from) return plan;
      trace.touched.add(`step:${step.id}.@in`);
      trace.touched.add(`order:steps:${to.id}`);
      return withSections(
        sections.map((s) =>
          s.id === from
            ? { ...s, steps: s.steps.filter((x) => x !== step) }
            : s === to
              ? { ...s, steps: [...s.steps, step] }
              : s,
        ),
      );
    }
    case 'reorderSteps': {
      const section = sections[op.section % Math.max(1, sections.length)];
      if (!section || section.steps.length < 2) return plan;
      trace.touched.add(`order:steps:${section.id}`);
      return withSections(
        sections.map((s) => (s === section ? { ...s, steps: s.steps.slice().reverse() } : s)),
      );
    }
    case 'addItem': {
      const id = newId();
      trace.added.add(id);
      const next = items.slice();
      next.splice(
        op.at % (next.length + 1),
        0,
        newItem({ now: () => new Date(0), newId: () => id }, { title: id }),
      );
      return withItems(next);
    }
    case 'deleteItem': {
      if (items.length === 0) return plan;
      const item = items[op.item % items.length]!;
      trace.deleted.add(item.id);
      return withItems(items.filter((x) => x !== item));
    }
    case 'moveItem': {
      if (items.length < 2) return plan;
      const from = op.from % items.length;
      const to = op.to % items.length;
      if (from === to) return plan;
      const next = items.slice();
      const [moved] = next.splice(from, 1);
      next.splice(to, 0, moved!);
      trace.touched.add('order:items');
      return withItems(next);
    }
    case 'deleteSection': {
      if (sections.length < 2) return plan;
      const section = sections[op.section % sections.length]!;
      trace.deleted.add(section.id);
      trace.deletedSections.add(section.id);
      for (const s of section.steps) trace.deleted.add(s.id);
      return withSections(sections.filter((s) => s !== section));
    }
    case 'addSection': {
      if (sections.length >= 4) return plan;
      const id = newId();
      trace.added.add(id);
      return withSections([...sections, { id, titleKey: null, title: id, steps: [] }]);
    }
    case 'startRun': {
      if (plan.shows.length >= 3) return plan;
      const id = `run-${newId()}`;
      trace.runsAdded.add(id);
      // A run starts after the last one here (the list is oldest first); each side at its own times.
      const last = plan.shows.at(-1);
      const at =
        (last ? Date.parse(last.startedAt) : Date.parse('2026-12-07T09:00:00.000Z')) +
        60_000 +
        side.charCodeAt(0);
      const run = startShow(plan, at, { id, kind: op.rehearsal ? 'rehearsal' : 'event' });
      return { ...plan, shows: [...plan.shows, run] };
    }
    case 'runMessage':
    case 'finishRun': {
      if (plan.shows.length === 0) return plan;
      const run = plan.shows[op.run % plan.shows.length]!;
      const next =
        op.type === 'runMessage'
          ? { ...run, message: op.message }
          : { ...run, finishedAt: run.finishedAt ?? run.startedAt };
      if (deepEqual(next, run)) return plan;
      trace.runsChanged.add(run.id);
      return { ...plan, shows: plan.shows.map((r) => (r === run ? next : r)) };
    }
    case 'removeRun': {
      if (plan.shows.length === 0) return plan;
      const run = plan.shows[op.run % plan.shows.length]!;
      trace.runsRemoved.add(run.id);
      return { ...plan, shows: plan.shows.filter((r) => r !== run) };
    }
  }
}

/** A copy edited by `ops` on replica `side`, with its own clock starting at `start`. */
function edit(from: Plan, ops: Op[], side: string, start: number) {
  let t = start;
  const clock = createClock(side, () => (t += 1));
  for (const stamp of Object.values(from.sync?.seen ?? {})) clock.observe(stamp);
  const trace: Trace = {
    touched: new Set(),
    added: new Set(),
    deleted: new Set(),
    deletedSections: new Set(),
    runsAdded: new Set(),
    runsChanged: new Set(),
    runsRemoved: new Set(),
  };
  const counter = { n: 0 };
  let plan = from;
  for (const op of ops) {
    const next = apply(plan, op, side, counter, trace);
    plan = stampChanges(plan, next, clock);
  }
  return { plan, trace };
}

const T0 = Date.parse('2026-11-22T10:00:00.000Z');
const forks = fc.record({
  a: fc.array(opArb, { maxLength: 12 }),
  b: fc.array(opArb, { maxLength: 12 }),
  aStart: fc.integer({ min: T0, max: T0 + 20 }),
  bStart: fc.integer({ min: T0, max: T0 + 20 }),
  // Sometimes the copies part after some shared history.
  shared: fc.array(opArb, { maxLength: 4 }),
});

function fork(input: { a: Op[]; b: Op[]; aStart: number; bStart: number; shared: Op[] }) {
  const origin = edit(startPlan(['i1', 'i2', 'i3']), input.shared, 'o', T0 - 1000).plan;
  const A = edit(origin, input.a, 'a', input.aStart);
  const B = edit(origin, input.b, 'b', input.bStart);
  return { origin, A, B };
}

function merged(a: Plan, b: Plan): { plan: Plan; conflicts: MergeConflict[] } {
  const result = mergePlans(a, b);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

/** The value of a register in a plan, or `missing` when its thing isn't there. */
const missing = Symbol('missing');
function valueOf(plan: Plan, key: string): unknown {
  if (key.startsWith('plan.')) return (plan as Record<string, unknown>)[key.slice(5)];
  if (key.startsWith('event.')) return (plan.event as Record<string, unknown>)[key.slice(6)];
  if (key.startsWith('order:')) return missing;
  const [entity, field] = key.split('.') as [string, string];
  const [kind, id] = entity.split(':') as [string, string];
  if (kind === 'section') {
    const s = plan.checklist.sections.find((x) => x.id === id);
    return s ? (s as Record<string, unknown>)[field] : missing;
  }
  if (kind === 'item') {
    const i = plan.runOfShow.items.find((x) => x.id === id);
    return i ? (i as Record<string, unknown>)[field] : missing;
  }
  const found = allSteps(plan).find((x) => x.step.id === id);
  if (!found) return missing;
  return field === '@in' ? found.section : (found.step as Record<string, unknown>)[field];
}

function orderOf(plan: Plan, key: string): string[] | typeof missing {
  if (key === 'order:items') return plan.runOfShow.items.map((i) => i.id);
  if (key === 'order:sections') return plan.checklist.sections.map((s) => s.id);
  const section = plan.checklist.sections.find((s) => `order:steps:${s.id}` === key);
  return section ? section.steps.map((s) => s.id) : missing;
}

const entityOf = (key: string) => key.split('.')[0]!.split(':')[1] ?? null;

describe('merging two copies of a plan', () => {
  it('is commutative: merge(a, b) and merge(b, a) give the same plan', () => {
    fc.assert(
      fc.property(forks, (input) => {
        const { A, B } = fork(input);
        expect(merged(A.plan, B.plan).plan).toEqual(merged(B.plan, A.plan).plan);
      }),
      { numRuns },
    );
  });

  it('is idempotent: merging the result again with either copy, or itself, changes nothing', () => {
    fc.assert(
      fc.property(forks, (input) => {
        const { A, B } = fork(input);
        const m = merged(A.plan, B.plan).plan;
        expect(merged(m, m).plan).toEqual(m);
        expect(merged(m, A.plan).plan).toEqual(m);
        expect(merged(m, B.plan).plan).toEqual(m);
        expect(merged(A.plan, A.plan).plan).toEqual(A.plan);
      }),
      { numRuns },
    );
  });

  it('merging an older copy changes nothing', () => {
    fc.assert(
      fc.property(forks, fc.array(opArb, { maxLength: 6 }), (input, more) => {
        const { origin, A } = fork(input);
        expect(merged(A.plan, origin).plan).toEqual(A.plan);
        const later = edit(A.plan, more, 'c', input.aStart + 100).plan;
        expect(merged(later, A.plan).plan).toEqual(later);
        expect(merged(A.plan, later).plan).toEqual(later);
      }),
      { numRuns },
    );
  });

  it('keeps every edit made on one side only', () => {
    fc.assert(
      fc.property(forks, (input) => {
        const { A, B } = fork(input);
        const m = merged(A.plan, B.plan).plan;
        for (const [mine, theirs] of [
          [A, B],
          [B, A],
        ] as const) {
          for (const id of mine.trace.added) {
            // What one side added is in the result, unless that side deleted it again.
            if (mine.trace.deleted.has(id)) continue;
            const there =
              m.runOfShow.items.some((i) => i.id === id) ||
              m.checklist.sections.some((s) => s.id === id || s.steps.some((st) => st.id === id));
            expect(there, `added ${id}`).toBe(true);
          }
          for (const key of mine.trace.touched) {
            if (theirs.trace.touched.has(key)) continue;
            const id = entityOf(key);
            // A deletion on the other side is an edit there too: the later one wins.
            if (id && theirs.trace.deleted.has(id)) continue;
            if (id && mine.trace.deleted.has(id)) continue;
            if (key.startsWith('order:')) {
              const mineOrder = orderOf(mine.plan, key);
              const result = orderOf(m, key);
              if (mineOrder === missing || result === missing) continue;
              expect(sameRelativeOrder(mineOrder, result), key).toBe(true);
              continue;
            }
            const expected = valueOf(mine.plan, key);
            if (expected === missing) continue;
            expect(valueOf(m, key), key).toEqual(expected);
          }
          for (const id of mine.trace.deleted) {
            // A deletion wins over the same thing left untouched on the other side.
            const touchedThere = [...theirs.trace.touched].some((k) => entityOf(k) === id);
            // A section comes back with a step the other side added, moved or changed later.
            const stepsArrived =
              theirs.trace.added.size > 0 ||
              [...theirs.trace.touched].some((k) => k.startsWith('step:'));
            if (touchedThere || mine.trace.added.has(id)) continue;
            if (mine.trace.deletedSections.has(id) && stepsArrived) continue;
            const present =
              m.runOfShow.items.some((i) => i.id === id) ||
              allSteps(m).some((x) => x.step.id === id) ||
              m.checklist.sections.some((s) => s.id === id);
            expect(present, `deleted ${id}`).toBe(false);
          }
        }
      }),
      { numRuns },
    );
  });

  it('keeps recorded runs from both sides, joined by run id; the later change of a run wins', () => {
    fc.assert(
      fc.property(forks, (input) => {
        const { origin, A, B } = fork(input);
        const { plan: m, conflicts } = merged(A.plan, B.plan);
        const inResult = new Map(m.shows.map((r) => [r.id, r]));
        // Oldest first, each run once.
        expect(m.shows.map((r) => r.startedAt)).toEqual(m.shows.map((r) => r.startedAt).sort());
        expect(inResult.size).toBe(m.shows.length);
        for (const [mine, theirs] of [
          [A, B],
          [B, A],
        ] as const) {
          // A run started on one side (and still there) is in the result, as that side has it.
          for (const id of mine.trace.runsAdded) {
            if (mine.trace.runsRemoved.has(id)) continue;
            expect(inResult.get(id), `run ${id}`).toEqual(mine.plan.shows.find((r) => r.id === id));
          }
          for (const run of mine.plan.shows) {
            const changedHere = mine.trace.runsChanged.has(run.id);
            const changedThere = theirs.trace.runsChanged.has(run.id);
            const removedThere = theirs.trace.runsRemoved.has(run.id);
            // Changed on this side only, and not removed there: this side's record.
            if (changedHere && !changedThere && !removedThere)
              expect(inResult.get(run.id), `run ${run.id}`).toEqual(run);
          }
          // A run removed on one side and left alone on the other is gone.
          for (const id of mine.trace.runsRemoved) {
            if (theirs.trace.runsChanged.has(id) || mine.trace.runsAdded.has(id)) continue;
            expect(inResult.has(id), `removed run ${id}`).toBe(false);
          }
        }
        // The same run changed on both sides: the record with the later stamp, no question asked.
        for (const run of origin.shows) {
          if (!A.trace.runsChanged.has(run.id) || !B.trace.runsChanged.has(run.id)) continue;
          const a = A.plan.shows.find((r) => r.id === run.id);
          const b = B.plan.shows.find((r) => r.id === run.id);
          if (!a || !b) continue;
          const sa = A.plan.sync!.stamps[`run:${run.id}`]!;
          const sb = B.plan.sync!.stamps[`run:${run.id}`]!;
          expect(inResult.get(run.id)).toEqual(sa > sb ? a : sb > sa ? b : inResult.get(run.id));
        }
        expect(conflicts.some((c) => c.key.startsWith('run:'))).toBe(false);
      }),
      { numRuns },
    );
  });

  it('reports as conflicts exactly the fields changed on both sides to different values', () => {
    fc.assert(
      fc.property(forks, (input) => {
        const { A, B } = fork(input);
        const { plan: m, conflicts } = merged(A.plan, B.plan);
        const expected = new Set<string>();
        for (const key of A.trace.touched) {
          if (!B.trace.touched.has(key)) continue;
          if (key.startsWith('order:')) {
            const a = orderOf(A.plan, key);
            const b = orderOf(B.plan, key);
            const result = orderOf(m, key);
            if (a === missing || b === missing || result === missing) continue;
            const members = new Set(result);
            if (
              !sameRelativeOrder(
                a.filter((x) => members.has(x)),
                b.filter((x) => members.has(x)),
              )
            )
              expected.add(key);
            continue;
          }
          const a = valueOf(A.plan, key);
          const b = valueOf(B.plan, key);
          if (a === missing || b === missing || valueOf(m, key) === missing) continue;
          if (!deepEqual(a, b)) expected.add(key);
        }
        expect(new Set(conflicts.map((c) => c.key))).toEqual(expected);
        // Each conflict names the value the result kept and the other one.
        for (const c of conflicts) {
          const kept = c.kept === 'a' ? c.a : c.b;
          if (c.kind !== 'order') expect(valueOf(m, c.key)).toEqual(kept);
        }
      }),
      { numRuns },
    );
  });
});
