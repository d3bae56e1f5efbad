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
import { MAX_PLAN_DEPTH, restorePlan } from '@/plan/restore';
import { decodeShareFragment } from '@/plan/share-link';
import { LIMITS, type Plan } from '@/plan/schema';
import { STORAGE_KEY } from '@/store/plan-storage';
import { importPlans, plansStore } from '@/store/plans-store';
import { assemblyDetails, testDeps } from '../fixtures';
import { propertyRuns } from '../property-runs';

const numRuns = propertyRuns();
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
    // Ids are unique in a valid plan (sections, steps across sections, items): restore
    // repairs repeats (see tests/unit/merge-hardening.test.ts).
    sections: fc
      .uniqueArray(
        fc.record({
          id,
          titleKey: key,
          title: text(LIMITS.titleLength),
          steps: fc.uniqueArray(step, { maxLength: 4, selector: (s) => s.id }),
        }),
        { maxLength: 3, selector: (s) => s.id },
      )
      .filter((sections) => {
        const ids = sections.flatMap((s) => s.steps.map((st) => st.id));
        return new Set(ids).size === ids.length;
      }),
  }),
  runOfShow: fc.record({
    items: fc.uniqueArray(item, { maxLength: 6, selector: (i) => i.id }),
  }),
  notes: text(LIMITS.notesLength),
  drafts: fc.dictionary(
    fc.constantFrom('parents', 'pitch', 'social', 'future-draft'),
    fc.record({ subject: text(100), body: text(1000), editedAt: stamp }),
    { maxKeys: 3 },
  ),
  shows: fc.constant([]),
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

/** Picks an object inside `file` by `path` (indices into each level's keys). */
function pickObject(file: unknown, path: number[]): Record<string, unknown> {
  let node = file as Record<string, unknown>;
  for (const step of path) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const next = node[keys[step % keys.length]!];
    if (typeof next !== 'object' || next === null) break;
    node = next as Record<string, unknown>;
  }
  return node;
}

/**
 * A valid file with a value nested `depth` levels deep (arrays, objects or both) put somewhere
 * in it, under a new key or over an existing one. Written as text: JSON.stringify can't write
 * the deepest of these.
 */
const deepFile = fc
  .tuple(
    validImport,
    fc.array(fc.nat(), { maxLength: 6 }),
    fc.oneof(fc.constant('extra'), fc.nat()),
    fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 40, max: 20_000 })),
    fc.constantFrom('array', 'object', 'mixed'),
  )
  .map(([text, path, key, depth, shape]) => {
    const file = JSON.parse(text) as Record<string, unknown>;
    const node = pickObject(file, path);
    const keys = Object.keys(node);
    const target = typeof key === 'number' && keys.length > 0 ? keys[key % keys.length]! : 'extra';
    node[target] = '__DEEP__';
    const open = (i: number) =>
      shape === 'array' || (shape === 'mixed' && i % 2 === 0) ? '[' : '{"a":';
    const close = (i: number) =>
      shape === 'array' || (shape === 'mixed' && i % 2 === 0) ? ']' : '}';
    let head = '';
    let tail = '';
    for (let i = 0; i < depth; i += 1) {
      head += open(i);
      tail = close(i) + tail;
    }
    return { text: JSON.stringify(file).replace('"__DEEP__"', `${head}0${tail}`) };
  });

/** Longest chain of nested arrays and objects in a value, without recursion. */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    max = Math.max(max, d);
    if (typeof v === 'object' && v !== null)
      for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

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
    // The app's import (useImportPlan's fromText, without React): read the text, then add the
    // plans to the app's store with importPlans. That store saves to localStorage.
    const importText = (text: string) => {
      const result = readImportText(text);
      return result.ok ? importPlans(result.plans) : result;
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

  it('deep nesting anywhere in a file is refused or bounded: whatever is imported can be saved, exported and backed up', () => {
    const saved = createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());
    let refused = 0;
    fc.assert(
      fc.property(deepFile, ({ text }) => {
        plansStore.setState({ plans: [saved], history: {} });
        plansStore.flush();
        const result = readImportText(text);
        if (!result.ok) {
          refused += 1;
          return;
        }
        // Accepted: the deep value was shallow enough, or outside the plan (the envelope).
        for (const plan of result.plans) expect(depthOf(plan)).toBeLessThanOrEqual(MAX_PLAN_DEPTH);
        const imported = importPlans(result.plans);
        expect(imported.ok).toBe(true);
        // Saved at once (importPlans writes): storage holds the saved plan and the new ones.
        const stored = JSON.parse(localStorage.getItem(STORAGE_KEY)!) as {
          state: { plans: unknown[] };
        };
        expect(stored.state.plans).toHaveLength(1 + result.plans.length);
        expect(() => serializeBackup(plansStore.getState().plans, options)).not.toThrow();
        for (const plan of result.plans) expect(() => serializePlan(plan, options)).not.toThrow();
      }),
      { numRuns: Math.min(numRuns, 2000) },
    );
    // Half the depths are far past the bound: most land inside a plan and must be refused.
    expect(refused).toBeGreaterThan(Math.min(numRuns, 2000) / 8);
  }, 120_000);

  it('a share link that inflates past 5 MB is refused, whatever it holds', async () => {
    /** Deflates `prefix`, then `size` bytes of `filler`, fed in 1 MB pieces. */
    const deflate = async (prefix: string, filler: string, size: number) => {
      const stream = new CompressionStream('deflate-raw');
      const writer = stream.writable.getWriter();
      const out = new Response(stream.readable).arrayBuffer();
      await writer.write(new TextEncoder().encode(prefix));
      const piece = new TextEncoder().encode(filler.repeat(Math.ceil(2 ** 20 / filler.length)));
      for (let written = 0; written < size; written += piece.length) await writer.write(piece);
      await writer.close();
      return new Uint8Array(await out);
    };
    const toLink = (bytes: Uint8Array) => {
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return `plan=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    };
    await fc.assert(
      fc.asyncProperty(
        // A real plan file, or nothing, then filler: spaces are valid JSON after the file.
        fc.oneof(
          validPlan.map((plan) => serializePlan(plan, options)),
          fc.constant(''),
        ),
        fc.constantFrom(' ', '\n', '[', '{"a":', 'x', '\u0000'),
        fc.integer({ min: 6, max: 48 }),
        async (prefix, filler, megabytes) => {
          const result = await decodeShareFragment(
            toLink(await deflate(prefix, filler, megabytes * 2 ** 20)),
          );
          expect(result).toEqual({ ok: false, error: { code: 'damagedLink' } });
        },
      ),
      { numRuns: propertyRuns(15) },
    );
  }, 120_000);

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
