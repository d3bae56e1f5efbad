import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPlanFromTemplate } from '@/plan/create-plan';
import {
  readImportText,
  readPlanFile,
  restorePlanFile,
  serializeBackup,
  serializePlan,
} from '@/plan/file-format';
import { restorePlan } from '@/plan/restore';
import { LIMITS, type Plan } from '@/plan/schema';
import { STORAGE_KEY } from '@/store/plan-storage';
import { addImportedPlan, plansStore } from '@/store/plans-store';
import { assemblyDetails, testDeps } from '../fixtures';

/** At least 10,000 cases per property in CI; fewer on a developer's machine. */
const numRuns = process.env.CI ? 10_000 : 1_000;
const options = {
  translate: (_key: string, fallback: string) => fallback,
  now: new Date('2026-11-22T10:00:00Z'),
  appVersion: 'test',
};

const id = fc.string({ minLength: 1, maxLength: 12 });
const text = (max: number) => fc.string({ maxLength: Math.min(max, 40) });
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const day = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const stamp = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());
const key = fc.option(
  fc.constantFrom('step.prepareVenue', 'step.mediaInvite', 'item.video', 'section.media'),
  { nil: null },
);
const link = fc.option(
  fc.constantFrom('https://hourofcode.com/', 'mailto:a@b.c', 'javascript:alert(1)', 'x'),
  { nil: null },
);

const step = fc.record({
  id,
  textKey: key,
  originKey: key,
  text: text(LIMITS.textLength),
  done: fc.boolean(),
  doneAt: fc.option(stamp, { nil: null }),
  dueOffsetDays: fc.option(fc.integer({ min: -365, max: 365 }), { nil: null }),
  owner: text(LIMITS.ownerLength),
  note: text(LIMITS.noteLength),
  link,
  links: fc.array(
    fc.record({
      url: fc.constantFrom('https://hourofcode.com/us/promote', 'javascript:alert(1)', 'x'),
      labelKey: fc.option(fc.constantFrom('link.pressKit', 'step.mediaInvite'), { nil: null }),
      label: text(LIMITS.titleLength),
    }),
    { maxLength: LIMITS.maxLinksPerStep },
  ),
  optional: fc.boolean(),
  picked: fc.boolean(),
});

const item = fc.record({
  id,
  titleKey: key,
  title: text(LIMITS.textLength),
  durationMinutes: fc.integer({ min: 1, max: 720 }),
  fixedStart: fc.option(time, { nil: null }),
  who: text(LIMITS.ownerLength),
  note: text(LIMITS.noteLength),
  link,
});

export const validPlan: fc.Arbitrary<Plan> = fc.record({
  id,
  title: fc
    .string({ minLength: 1, maxLength: 40 })
    .filter((s) => s.trim().length > 0)
    .map((s) => s.trim()),
  templateId: fc.constantFrom('school-assembly', 'elected-official', 'blank'),
  event: fc.record({
    date: day,
    startTime: time,
    place: text(LIMITS.placeLength),
    targetMinutes: fc.integer({ min: 1, max: 1440 }),
    contactName: text(LIMITS.ownerLength),
    contactPhone: text(LIMITS.phoneLength),
    participants: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
  }),
  checklist: fc.record({
    sections: fc.array(
      fc.record({
        id,
        titleKey: key,
        title: text(LIMITS.titleLength),
        steps: fc.array(step, { maxLength: 4 }),
      }),
      { maxLength: 3 },
    ),
  }),
  runOfShow: fc.record({ items: fc.array(item, { maxLength: 6 }) }),
  notes: text(LIMITS.notesLength),
  drafts: fc.dictionary(
    fc.constantFrom('parents', 'pitch', 'social', 'future-draft'),
    fc.record({ subject: text(100), body: text(1000), editedAt: stamp }),
    { maxKeys: 3 },
  ),
  show: fc.constant(null),
  createdAt: stamp,
  updatedAt: stamp,
});

/** A valid plan file, or a valid backup of a few plans (the import takes both). */
const validImport = fc.oneof(
  validPlan.map((plan) => serializePlan(plan, options)),
  fc
    .array(validPlan, { minLength: 1, maxLength: 3 })
    .map((plans) => serializeBackup(plans, options)),
);

/** A valid file with one random change somewhere in it. */
const mutatedFile = fc
  .tuple(
    validImport,
    fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
    fc.jsonValue(),
    fc.constantFrom('set', 'delete', 'wrap'),
  )
  .map(([text, path, value, how]) => {
    const file = JSON.parse(text) as Record<string, unknown>;
    let node: unknown = file;
    for (let i = 0; i < path.length - 1; i += 1) {
      if (typeof node !== 'object' || node === null) break;
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const next = (node as Record<string, unknown>)[keys[path[i]! % keys.length]!];
      if (typeof next !== 'object' || next === null) break;
      node = next;
    }
    if (typeof node === 'object' && node !== null) {
      const keys = Object.keys(node);
      const target = keys[path[path.length - 1]! % Math.max(keys.length, 1)] ?? 'extra';
      const record = node as Record<string, unknown>;
      if (how === 'delete') delete record[target];
      else if (how === 'wrap') record[target] = [record[target]];
      else record[target] = value;
    }
    return file;
  });

describe('restore: one door in, never throws', () => {
  it('any JSON value gives a plan or an error', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const plan = restorePlan(value);
        const file = restorePlanFile(value);
        const text = readPlanFile(JSON.stringify(value) ?? 'null');
        return (
          typeof plan.ok === 'boolean' &&
          typeof file.ok === 'boolean' &&
          typeof text.ok === 'boolean'
        );
      }),
      { numRuns },
    );
  }, 60_000);

  it('any envelope-shaped JSON gives a plan or an error', () => {
    fc.assert(
      fc.property(
        fc.record({
          format: fc.constant('hour-of-code-plan'),
          version: fc.oneof(fc.integer(), fc.jsonValue()),
          plan: fc.jsonValue(),
        }),
        (value) => {
          const result = restorePlanFile(value);
          return result.ok ? result.plan.title.length > 0 : typeof result.error.code === 'string';
        },
      ),
      { numRuns },
    );
  }, 60_000);

  it('valid files with a random mutation are imported whole or refused, and a refusal changes neither the store nor its storage', () => {
    // The app's import (useImportPlan's fromText, without React): read the text, then add each
    // plan to the app's store with addImportedPlan. That store saves to localStorage.
    const importText = (text: string) => {
      const result = readImportText(text);
      return result.ok ? { ok: true as const, plans: result.plans.map(addImportedPlan) } : result;
    };
    const storageNow = () =>
      Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
    const saved = createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());
    /** The store holds one plan, written to storage, as after any edit. */
    const resetStore = () => {
      plansStore.setState({ plans: [saved], history: {} });
      plansStore.flush();
    };
    resetStore();
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).state.plans).toEqual([saved]);

    let refused = 0;
    fc.assert(
      fc.property(mutatedFile, (file) => {
        resetStore(); // every case starts from the same saved plan, whatever the last one did
        const plansBefore = structuredClone(plansStore.getState().plans);
        const storedBefore = storageNow();
        const result = importText(JSON.stringify(file));
        // Writes whatever the import changed now, instead of 300 ms later.
        plansStore.flush();
        if (!result.ok) {
          refused += 1;
          expect(result.error.code).toEqual(expect.any(String));
          expect(plansStore.getState().plans).toEqual(plansBefore);
          expect(storageNow()).toEqual(storedBefore);
          return;
        }
        // Accepted: every plan of the file is added, after the saved one, and is a valid plan.
        expect(plansStore.getState().plans).toEqual([...plansBefore, ...result.plans]);
        for (const plan of result.plans) expect(restorePlan(plan).ok).toBe(true);
      }),
      { numRuns },
    );
    // Most random changes break the file (about half of them): the refusal path is what this
    // property is about, so it must be taken often, with a margin against chance.
    expect(refused).toBeGreaterThan(numRuns / 4);
  }, 60_000);

  it('export → restore → export is the identity on any valid plan', () => {
    fc.assert(
      fc.property(validPlan, (plan) => {
        const first = serializePlan(plan, options);
        const read = readPlanFile(first);
        if (!read.ok) return false;
        expect(serializePlan(read.plan, options)).toBe(first);
        return true;
      }),
      { numRuns },
    );
  }, 60_000);
});
