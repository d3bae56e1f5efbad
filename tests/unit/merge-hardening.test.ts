import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newItem, newStep } from '@/plan/create-plan';
import { readPlanFile, restorePlanFile } from '@/plan/file-format';
import { mergePlans } from '@/plan/merge';
import { changedBy, mergedAuthors } from '@/plan/merge-summary';
import { MAX_FIELD_NAME_LENGTH, MAX_PLAN_VALUES, restorePlan } from '@/plan/restore';
import { LIMITS, type Plan } from '@/plan/schema';
import { stampChanges } from '@/plan/stamp-changes';
import {
  MAX_CLOCK_SKEW_MS,
  MAX_TOMBSTONES,
  REPLICA_PATTERN,
  STAMP_PATTERN,
  createClock,
  knows,
  makeStamp,
  stampWall,
} from '@/plan/stamps';
import { MERGE_T0, startPlan } from '../merge-helpers';
import { propertyRuns } from '../property-runs';

/*
 * What an attacker review of the merge found (issue 20): copies built by hand must never make a
 * plan that storage later refuses, win merges from the future, hold repeated ids, or reach
 * Object's built-ins through a replica id.
 */

const T0 = Date.parse(MERGE_T0);
const deps = { now: () => new Date(T0), newId: () => 'x' };

const fileOf = (plan: unknown, exportedAt = '2026-11-22T09:00:00.000Z', version = 3) => ({
  format: 'hour-of-code-plan',
  version,
  exportedAt,
  app: { name: 'hour-of-code-planner', version: 'test' },
  plan,
});

/** As storage keeps it: JSON text, read back. */
const stored = (plan: Plan): unknown => JSON.parse(JSON.stringify(plan));

function restored(raw: unknown): Plan {
  const result = restorePlan(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.plan;
}

const setOwner = (plan: Plan, stepId: string, owner: string): Plan => ({
  ...plan,
  checklist: {
    ...plan.checklist,
    sections: plan.checklist.sections.map((s) =>
      s.steps.some((st) => st.id === stepId)
        ? { ...s, steps: s.steps.map((st) => (st.id === stepId ? { ...st, owner } : st)) }
        : s,
    ),
  },
});
const ownerOf = (plan: Plan, stepId: string) =>
  plan.checklist.sections.flatMap((s) => s.steps).find((s) => s.id === stepId)?.owner;

describe('field names a register key can hold (A)', () => {
  it('drops a field name too long for a register key, so removing it later stamps a key storage accepts', () => {
    const long = 'x'.repeat(140);
    const raw = { ...startPlan(), [long]: 'extra' } as Plan;
    const plan = restored(raw);
    expect(Object.hasOwn(plan, long)).toBe(false);
    // Before, Undo (the plan as it was, without the field) stamped `plan.xxx…`, 145 characters,
    // and the stored plan was set aside at the next reading.
    const clock = createClock('local', () => T0 + 1000);
    const edited = stampChanges(plan, { ...plan, notes: 'Bring chairs' }, clock);
    expect(restorePlan(stored(edited)).ok).toBe(true);
    // A field name exactly at the bound is kept, and stays storable once stamped.
    const longest = 'y'.repeat(MAX_FIELD_NAME_LENGTH);
    const id = 'z'.repeat(LIMITS.idLength);
    const withSection = startPlan();
    withSection.checklist.sections[0] = {
      ...withSection.checklist.sections[0]!,
      id,
      [longest]: 1,
    };
    const kept = restored(withSection);
    expect(kept.checklist.sections[0]).toHaveProperty(longest, 1);
    const changed = stampChanges(
      kept,
      {
        ...kept,
        checklist: {
          sections: kept.checklist.sections.map((s, i) => (i === 0 ? { ...s, [longest]: 2 } : s)),
        },
      },
      clock,
    );
    expect(Object.keys(changed.sync!.stamps)).toContain(`section:${id}.${longest}`);
    expect(restorePlan(stored(changed)).ok).toBe(true);
  });

  it('any edit of any plan that passes restore gives a plan that passes restore again', () => {
    const name = fc.oneof(
      fc.constantFrom('extra', 'x'.repeat(31), 'y'.repeat(32), 'z'.repeat(135), 'w'.repeat(300)),
      fc.string({ minLength: 1, maxLength: 160, size: 'max' }),
    );
    const id = fc.oneof(fc.constantFrom('a', 'b'), fc.constant('q'.repeat(LIMITS.idLength)));
    const extras = fc.dictionary(name, fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), {
      maxKeys: 2,
    });
    const where = fc.constantFrom(
      'plan',
      'event',
      'checklist',
      'runOfShow',
      'section',
      'step',
      'item',
    );
    const edit = fc.constantFrom(
      'removeExtras',
      'changeExtras',
      'deleteStep',
      'deleteSection',
      'deleteItem',
      'owner',
      'addStepExtra',
    );
    fc.assert(
      fc.property(
        fc.record({ where, extras, sectionId: id, stepId: id, itemId: id }),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        ({ where, extras, sectionId, stepId, itemId }, edits) => {
          const raw = startPlan() as Plan & Record<string, unknown>;
          const s0 = { ...raw.checklist.sections[0]!, id: sectionId };
          s0.steps = [{ ...s0.steps[0]!, id: stepId }, ...s0.steps.slice(1)];
          raw.checklist = { sections: [s0, raw.checklist.sections[1]!] };
          raw.runOfShow = { items: [{ ...raw.runOfShow.items[0]!, id: itemId }] };
          const put = <T extends object>(o: T): T => ({ ...o, ...extras });
          if (where === 'plan') Object.assign(raw, extras);
          if (where === 'event') raw.event = put(raw.event);
          if (where === 'checklist') raw.checklist = put(raw.checklist);
          if (where === 'runOfShow') raw.runOfShow = put(raw.runOfShow);
          if (where === 'section') raw.checklist.sections[0] = put(s0);
          if (where === 'step') s0.steps[0] = put(s0.steps[0]!);
          if (where === 'item') raw.runOfShow.items[0] = put(raw.runOfShow.items[0]!);
          const first = restorePlan(stored(raw));
          fc.pre(first.ok);
          if (!first.ok) return;
          let plan = first.plan;
          const clock = createClock('local', () => T0 + 5000);
          const known = new Set(Object.keys(startPlan()));
          const strip = <T extends object>(o: T, keys: Set<string>, bump = false): T =>
            Object.fromEntries(
              Object.entries(o).flatMap(([k, v]) =>
                keys.has(k) ? [[k, v]] : bump ? [[k, `${String(v)}!`]] : [],
              ),
            ) as T;
          for (const kind of edits) {
            let next: Plan = plan;
            const stepKeys = new Set(Object.keys(newStep(deps)));
            const itemKeys = new Set(Object.keys(newItem(deps)));
            const sectionKeys = new Set(['id', 'titleKey', 'title', 'steps']);
            const bump = kind === 'changeExtras';
            if (kind === 'removeExtras' || kind === 'changeExtras') {
              next = {
                ...strip(plan, known, bump),
                event: strip(plan.event, new Set(Object.keys(startPlan().event)), bump),
                checklist: {
                  ...strip(plan.checklist, new Set(['sections']), bump),
                  sections: plan.checklist.sections.map((s) => ({
                    ...strip(s, sectionKeys, bump),
                    steps: s.steps.map((st) => strip(st, stepKeys, bump)),
                  })),
                },
                runOfShow: {
                  ...strip(plan.runOfShow, new Set(['items']), bump),
                  items: plan.runOfShow.items.map((it) => strip(it, itemKeys, bump)),
                },
              };
            } else if (kind === 'deleteStep') {
              next = {
                ...plan,
                checklist: {
                  ...plan.checklist,
                  sections: plan.checklist.sections.map((s) => ({ ...s, steps: s.steps.slice(1) })),
                },
              };
            } else if (kind === 'deleteSection') {
              next = {
                ...plan,
                checklist: { ...plan.checklist, sections: plan.checklist.sections.slice(1) },
              };
            } else if (kind === 'deleteItem') {
              next = { ...plan, runOfShow: { ...plan.runOfShow, items: [] } };
            } else if (kind === 'owner') {
              const step = plan.checklist.sections[0]?.steps[0];
              if (step) next = setOwner(plan, step.id, 'Ada');
            } else {
              next = {
                ...plan,
                checklist: {
                  ...plan.checklist,
                  sections: plan.checklist.sections.map((s) => ({
                    ...s,
                    steps: s.steps.map((st) => ({ ...st, ...extras })),
                  })),
                },
              };
              // An edit can only add what restore lets through: the app's edits go through it.
              const gate = restorePlan(stored(next));
              if (gate.ok) next = { ...gate.plan, sync: plan.sync };
              else next = plan;
            }
            plan = stampChanges(plan, next, clock);
            const again = restorePlan(stored(plan));
            if (!again.ok) throw new Error(JSON.stringify(again.issues));
            plan = again.plan;
          }
        },
      ),
      { numRuns: propertyRuns() },
    );
  });
});

describe('stamps from a clock ahead (B, C)', () => {
  it('merging the same copy dated ahead twice, with an edit here between, never undoes the edit', () => {
    for (const ahead of [60_000, 3 * 3600_000, MAX_CLOCK_SKEW_MS - 60_000]) {
      let now = T0;
      const clock = createClock('local', () => now);
      const mine = startPlan();
      // The colleague's device runs `ahead`; a hand-made copy may even leave its own `seen` out.
      const theirs = setOwner(startPlan(), 'p1', 'Mallory');
      const stamp = makeStamp(T0 + ahead, 0, 'skewed');
      theirs.sync = { ...theirs.sync!, stamps: { 'step:p1.owner': stamp } };
      const text = JSON.stringify(fileOf(theirs));
      const read = (at: number) => {
        const r = restorePlanFile(JSON.parse(text), at);
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        return r.plan;
      };
      // What the store does after a merge: the clock observes every replica it has seen.
      const mergeIn = (plan: Plan, copy: Plan): Plan => {
        const m = mergePlans(plan, copy);
        if (!m.ok) throw new Error(JSON.stringify(m.issues));
        for (const s of Object.values(m.plan.sync!.seen)) clock.observe(s);
        return m.plan;
      };
      const first = mergeIn(mine, read(now));
      expect(ownerOf(first, 'p1')).toBe('Mallory');
      now += 60_000;
      const edited = stampChanges(first, setOwner(first, 'p1', 'Olga'), clock);
      now += 2 * MAX_CLOCK_SKEW_MS;
      const second = mergeIn(edited, read(now));
      expect(ownerOf(second, 'p1')).toBe('Olga');
      expect(mergeIn(second, read(now))).toEqual(second);
    }
  });

  it('refuses a copy (or an older file) dated more than a day ahead, the same at every reading', () => {
    const theirs = setOwner(startPlan(), 'p1', 'Mallory');
    theirs.sync = {
      ...theirs.sync!,
      stamps: { 'step:p1.owner': makeStamp(36 ** 9 - 1, 0, 'skewed') },
    };
    for (const at of [T0, T0 + 3600_000]) {
      const read = restorePlanFile(fileOf(theirs), at);
      expect(read.ok || read.error.code).toBe('futureStamps');
    }
    const old = restorePlanFile(fileOf(startPlan(), '2027-06-01T00:00:00.000Z', 2), T0);
    expect(old).toEqual({
      ok: false,
      error: { code: 'futureStamps', until: '2027-06-01T00:00:00.000Z' },
    });
    const fine = restorePlanFile(fileOf(startPlan(), '2026-11-22T20:00:00.000Z', 2), T0);
    expect(fine.ok).toBe(true);
  });

  it('the clock ignores a stamp from beyond a day ahead, and follows one within it', () => {
    const now = T0;
    const clock = createClock('local', () => now);
    clock.observe(`zzzzzzzzz0000evil`);
    expect(stampWall(clock.tick())).toBe(now);
    clock.observe(makeStamp(now + MAX_CLOCK_SKEW_MS + 1, 0, 'evil'));
    expect(stampWall(clock.tick())).toBe(now);
    const close = makeStamp(now + 3600_000, 7, 'other');
    clock.observe(close);
    expect(clock.tick() > close).toBe(true);
  });
});

describe('repeated ids (D)', () => {
  function withRepeats(): Plan {
    const plan = startPlan();
    const [s1, s2] = plan.checklist.sections;
    return {
      ...plan,
      checklist: {
        sections: [
          // A step repeated in its section, exactly; a section with the first one's id.
          { ...s1!, steps: [...s1!.steps, s1!.steps[0]!] },
          s2!,
          { ...s2!, id: 's1', title: 'Same id, other section', steps: [] },
          // The same step id with other content, in another section.
          { ...s2!, id: 's3', steps: [{ ...s1!.steps[1]!, owner: 'Bo' }] },
        ],
      },
      runOfShow: {
        items: [
          ...plan.runOfShow.items,
          plan.runOfShow.items[0]!,
          { ...plan.runOfShow.items[1]!, title: 'Changed' },
          // An item with a step's id: their registers are apart (step:p2 / item:p2).
          { ...plan.runOfShow.items[1]!, id: 'p2' },
        ],
      },
    };
  }
  const ids = (plan: Plan) => ({
    sections: plan.checklist.sections.map((s) => s.id),
    steps: plan.checklist.sections.flatMap((s) => s.steps.map((st) => st.id)),
    items: plan.runOfShow.items.map((i) => i.id),
  });
  const unique = (list: string[]) => new Set(list).size === list.length;

  it('repairs repeats on restore: an exact repeat is dropped, another gets a new safe id', () => {
    const plan = restored(stored(withRepeats()));
    const got = ids(plan);
    expect(got).toEqual({
      sections: ['s1', 's2', 's1-2', 's3'],
      steps: ['p1', 'p2', 'p3', 'p2-2'],
      items: ['i1', 'i2', 'i2-2', 'p2'],
    });
    expect(plan.checklist.sections[3]!.steps[0]!.owner).toBe('Bo');
    // Deterministic, and stable: restoring the repaired plan changes nothing.
    expect(restored(stored(withRepeats()))).toEqual(plan);
    expect(restored(stored(plan))).toEqual(plan);
  });

  it('a new id is never one of the plan’s ids or tombstones, and is safe for an address', () => {
    const base = withRepeats();
    const weird = {
      ...base,
      runOfShow: { items: [base.runOfShow.items[0]!, { ...base.runOfShow.items[1]!, id: 'i1' }] },
      sync: { ...base.sync!, gone: { 'item:i1-2': makeStamp(T0, 0, 'v1') } },
    };
    expect(ids(restored(stored(weird))).items).toEqual(['i1', 'i1-3']);
    const odd = 'a/b?'.concat('c'.repeat(96));
    const items = [
      { ...base.runOfShow.items[0]!, id: odd },
      { ...base.runOfShow.items[1]!, id: odd },
    ];
    const fixed = ids(restored(stored({ ...base, runOfShow: { items } }))).items[1]!;
    expect(fixed).toMatch(/^[A-Za-z0-9_-]{1,100}$/);
  });

  it('a copy with repeats read from a file merges without doubled sections, steps or items', () => {
    const read = readPlanFile(JSON.stringify(fileOf(withRepeats())));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const mine = restored(stored(startPlan()));
    const m = mergePlans(mine, read.plan);
    const back = mergePlans(read.plan, mine);
    expect(m.ok && back.ok).toBe(true);
    if (!m.ok || !back.ok) return;
    const got = ids(m.plan);
    expect(unique(got.sections) && unique(got.steps) && unique(got.items)).toBe(true);
    expect(back.plan).toEqual(m.plan);
    const again = mergePlans(m.plan, m.plan);
    expect(again.ok && again.plan).toEqual(m.plan);
  });
});

describe('bounds on stamps and on the stored plan (E, F)', () => {
  it('refuses tens of thousands of tombstones for things that never existed', () => {
    const plan = startPlan();
    const gone: Record<string, string> = {};
    for (let i = 0; i < 80_000; i += 1) gone[`step:ghost${i}`] = makeStamp(T0, 0, 'v1');
    const result = restorePlan({ ...plan, sync: { ...plan.sync!, gone } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ path: ['sync', 'gone'], code: 'too_many_values' });
    const read = readPlanFile(JSON.stringify(fileOf({ ...plan, sync: { ...plan.sync!, gone } })));
    expect(read.ok || read.error.code).toBe('invalid');
  });

  it('edits and merges keep the newest tombstones, never more than storage takes', () => {
    const plan = startPlan();
    const full: Record<string, string> = {};
    for (let i = 0; i < MAX_TOMBSTONES; i += 1)
      full[`step:old${i}`] = makeStamp(T0, i % 1000, 'v1');
    const at = restored({ ...plan, sync: { ...plan.sync!, gone: full } });
    const clock = createClock('local', () => T0 + 1000);
    const deleted = stampChanges(
      at,
      { ...at, runOfShow: { ...at.runOfShow, items: at.runOfShow.items.slice(1) } },
      clock,
    );
    expect(Object.keys(deleted.sync!.gone)).toHaveLength(MAX_TOMBSTONES);
    expect(deleted.sync!.gone['item:i1']).toBeDefined();
    expect(restorePlan(stored(deleted)).ok).toBe(true);
    const other: Record<string, string> = {};
    for (let i = 0; i < MAX_TOMBSTONES; i += 1) other[`item:gone${i}`] = makeStamp(T0, i, 'v2');
    const b = restored({ ...plan, sync: { ...plan.sync!, gone: other } });
    const ab = mergePlans(deleted, b);
    const ba = mergePlans(b, deleted);
    expect(ab.ok && Object.keys(ab.plan.sync!.gone)).toHaveLength(MAX_TOMBSTONES);
    expect(ab.ok && ba.ok && ab.plan).toEqual(ba.ok && ba.plan);
  });

  it('refuses a plan of bare ids that would be over the value limit once its defaults are filled in', () => {
    const plan = startPlan();
    const sections = Array.from({ length: 10 }, (_, s) => ({
      id: `s${s}`,
      steps: Array.from({ length: 2000 }, (_, i) => ({ id: `s${s}x${i}` })),
    }));
    const raw = { ...plan, checklist: { sections } };
    const result = restorePlan(raw);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]).toMatchObject({
        code: 'too_many_values',
        message: `more than ${MAX_PLAN_VALUES} values`,
      });
    // Whatever restore takes, storage takes at the next reading.
    // (Within the checklist's own limit of steps in all, too.)
    const smaller = {
      ...raw,
      checklist: {
        sections: sections
          .slice(0, 2)
          .map((section) => ({ ...section, steps: section.steps.slice(0, LIMITS.maxSteps / 2) })),
      },
    };
    const taken = restored(smaller);
    expect(restorePlan(stored(taken)).ok).toBe(true);
  });
});

describe('replica ids and Object’s built-ins (G)', () => {
  it('"constructor" is not a replica id, and lookups never read a prototype’s value', () => {
    expect(REPLICA_PATTERN.test('constructor')).toBe(false);
    expect(STAMP_PATTERN.test(makeStamp(T0, 0, 'constructor'))).toBe(false);
    expect(STAMP_PATTERN.test(makeStamp(T0, 0, 'constructors'))).toBe(true);
    expect(() => createClock('constructor')).toThrow();
    // Whatever a record holds, a replica it lacks has seen nothing.
    expect(knows({}, makeStamp(T0, 0, 'constructor'))).toBe(false);
    expect(knows({}, makeStamp(T0, 0, 'tostring'))).toBe(false);
    const plan = startPlan();
    const evil = setOwner(startPlan(), 'p1', 'Mallory');
    const st = makeStamp(T0 + 1000, 0, 'constructor');
    evil.sync = { ...evil.sync!, stamps: { 'step:p1.owner': st }, seen: { constructor: st } };
    const read = restorePlanFile(fileOf(evil), T0 + 2000);
    expect(read.ok || read.error.code).toBe('invalid');
    // Built in memory (never through the schema), such a copy's merge is refused by it.
    expect(mergePlans(plan, evil).ok).toBe(false);
    // Who changed what is read from the record's own entries only.
    const named = { ...plan, sync: { ...plan.sync!, stamps: { 'plan.title': st }, names: {} } };
    expect(changedBy(named, 'plan.title')).toBeNull();
    expect(mergedAuthors(plan, named)).toEqual([]);
  });
});
