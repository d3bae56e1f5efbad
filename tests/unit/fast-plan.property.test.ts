import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FAST_PATH_FIELDS, ISO_DATE, ISO_DATE_TIME, readPlanFast } from '@/plan/fast-plan';
import {
  PLAN_FILE_FORMAT,
  readImportText,
  readPlanFile,
  restorePlanFile,
  serializePlan,
} from '@/plan/file-format';
import * as restoreModule from '@/plan/restore';
import {
  MAX_PLAN_VALUES,
  restorePlan,
  restorePlanBySchema,
  withKnownKeys,
  withShortFieldNames,
  withUniqueIds,
} from '@/plan/restore';
import { LIMITS, schemas, type Plan } from '@/plan/schema';
import { makeStamp } from '@/plan/stamps';
import { GUIDE_TEXT_KEYS } from '@/plan/templates';
import { largePlan } from '../../scripts/bench/plans';
import { timeOfDay } from '../plan-arbitraries';
import { propertyRuns } from '../property-runs';

const {
  draftSchema,
  eventSchema,
  itemSchema,
  planSchema,
  sectionSchema,
  showEntrySchema,
  showRecordSchema,
  stepLinkSchema,
  stepSchema,
  syncSchema,
} = schemas();

/*
 * The fast path of restore (plan/fast-plan.ts) against the schema it stands in for. Whatever
 * the input, a valid plan or a damaged one, restorePlan must give what the schema alone gives
 * (`restorePlanBySchema`), to the key order; and so must the file reader and the import, which
 * are run here both ways by switching the `restorePlan` they call (a spy on the module's export,
 * put back after each test).
 */

const mode = { bySchema: false };
const fastRestorePlan = restoreModule.restorePlan;
beforeEach(() => {
  vi.spyOn(restoreModule, 'restorePlan').mockImplementation((raw: unknown) =>
    mode.bySchema ? restorePlanBySchema(raw) : fastRestorePlan(raw),
  );
});

/** `run` with the fast path, then through the schema alone. */
function bothWays<T>(run: () => T): { fast: T; schema: T } {
  mode.bySchema = false;
  const fast = run();
  mode.bySchema = true;
  try {
    return { fast, schema: run() };
  } finally {
    mode.bySchema = false;
  }
}

/**
 * Equal values (prototypes, NaN and fields named `constructor` included: node's deep strict
 * equality), and the same text when written out, so the same key order too.
 */
function expectSame(actual: unknown, expected: unknown) {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toStrictEqual(expected); // the diff
  expect(isDeepStrictEqual(actual, expected)).toBe(true);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

/** The values in a plan, counted as `boundsIssue` counts them. */
function countValues(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 1;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.reduce((sum: number, child) => sum + countValues(child), 1);
}

const numRuns = propertyRuns();
const NOW = Date.parse('2026-11-22T10:00:00Z');
const options = {
  translate: (_key: string, fallback: string) => fallback,
  now: new Date(NOW),
  appVersion: 'test',
};

// ---- Valid plans of the current format, every optional field sometimes left out ----

const knownKeys = [...GUIDE_TEXT_KEYS].slice(0, 6);
const id = fc.oneof(
  fc.stringMatching(/^[a-z0-9-]{1,8}$/),
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.constant('i'.repeat(LIMITS.idLength)),
);
const text = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
    fc.constantFrom('', ' ', 'x'.repeat(max)),
  );
const guideKey = fc.option(
  fc.oneof(fc.constantFrom(...knownKeys), fc.constantFrom('step.unknown', 'common:plans.title')),
  { nil: null },
);
const when = fc.date({
  min: new Date('1990-01-01T00:00:00Z'),
  max: new Date('2100-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const isoTime = fc.oneof(
  when.map((d) => d.toISOString()),
  when.map((d) => d.toISOString().replace(/\.\d+Z$/, '+02:00')),
  when.map((d) => d.toISOString().replace(/\.\d+Z$/, '.5-11:30')),
);
const day = fc
  .date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('2200-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const replica = fc.oneof(
  fc.constantFrom('v1', 'file', 'abc123'),
  // "constructor" is no replica id (stamps.ts): a stamp of it is invalid.
  fc.stringMatching(/^[0-9a-z]{1,16}$/).filter((r) => r !== 'constructor'),
);
const stamp = fc
  .tuple(
    fc.integer({ min: 0, max: NOW + 2 * 86_400_000 }),
    fc.integer({ min: 0, max: 40 }),
    replica,
  )
  .map(([wall, counter, r]) => makeStamp(wall, counter, r));
const stampKey = fc.oneof(
  fc.constantFrom('plan.title', 'event.date', 'order:items', 'step:a.done', 'item:b'),
  // `__proto__` is a key the schema's records leave out: unusual, left to the schema.
  fc.string({ minLength: 1, maxLength: 20 }).filter((k) => k !== '__proto__'),
);
const stampRecord = fc.dictionary(stampKey, stamp, { maxKeys: 4, noNullPrototype: true });
const sometimes = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const stepLink = fc.record(
  {
    url: text(LIMITS.linkLength).filter((s) => s.length > 0),
    labelKey: guideKey,
    label: text(LIMITS.titleLength),
  },
  { noNullPrototype: true, requiredKeys: ['url'] },
);
const step = fc.record(
  {
    id,
    textKey: guideKey,
    originKey: guideKey,
    text: text(LIMITS.textLength),
    done: fc.boolean(),
    doneAt: sometimes(isoTime),
    dueOffsetDays: sometimes(fc.integer({ min: -365, max: 365 })),
    owner: text(LIMITS.ownerLength),
    note: text(LIMITS.noteLength),
    link: sometimes(text(LIMITS.linkLength)),
    links: fc.array(stepLink, { maxLength: 3 }),
    optional: fc.boolean(),
    picked: fc.boolean(),
  },
  { noNullPrototype: true, requiredKeys: ['id'] },
);
const section = fc.record(
  {
    id,
    titleKey: guideKey,
    title: text(LIMITS.titleLength),
    steps: fc.array(step, { maxLength: 4 }),
  },
  { noNullPrototype: true, requiredKeys: ['id', 'steps'] },
);
const item = fc.record(
  {
    id,
    titleKey: guideKey,
    title: text(LIMITS.textLength),
    durationMinutes: fc.integer({ min: 1, max: 720 }),
    fixedStart: sometimes(timeOfDay),
    who: text(LIMITS.ownerLength),
    note: text(LIMITS.noteLength),
    link: sometimes(text(LIMITS.linkLength)),
  },
  { noNullPrototype: true, requiredKeys: ['id', 'durationMinutes'] },
);
const showEntry = fc.record(
  {
    itemId: id,
    titleKey: guideKey,
    title: text(LIMITS.textLength),
    plannedOffset: fc.integer({ min: -10_080, max: 1_440_000 }),
    plannedDuration: fc.integer({ min: 1, max: 720 }),
    actualStart: sometimes(isoTime),
    actualEnd: sometimes(isoTime),
    skipped: fc.boolean(),
    pausedMs: fc.nat(),
  },
  { noNullPrototype: true, requiredKeys: ['itemId', 'plannedOffset', 'plannedDuration'] },
);
const showRecord = fc.record(
  {
    id,
    kind: fc.constantFrom('rehearsal', 'event'),
    label: text(LIMITS.titleLength),
    scheduledStart: sometimes(isoTime),
    message: text(LIMITS.stageMessageLength),
    startedAt: isoTime,
    finishedAt: sometimes(isoTime),
    current: fc.nat({ max: 5 }),
    shiftMinutes: fc.integer({ min: -100_000, max: 100_000 }),
    pausedAt: sometimes(isoTime),
    entries: fc.array(showEntry, { maxLength: 3 }),
  },
  { noNullPrototype: true, requiredKeys: ['startedAt', 'current', 'entries'] },
);
const sync = fc.record(
  {
    base: stamp,
    seen: stampRecord,
    stamps: stampRecord,
    gone: stampRecord,
    names: fc.dictionary(replica, text(LIMITS.ownerLength), { maxKeys: 2, noNullPrototype: true }),
    credit: stampRecord,
  },
  { noNullPrototype: true, requiredKeys: ['base', 'seen', 'stamps', 'gone'] },
);
/** A valid plan (ids may repeat: restore repairs that, both ways). */
const validPlan = fc.record(
  {
    id,
    title: fc.oneof(
      fc.string({ minLength: 1, maxLength: 30 }).filter((s) => /\S/.test(s) && s.trim().length > 0),
      fc.constantFrom('  Assembly  ', 'Ø', 'x'.repeat(LIMITS.titleLength)),
    ),
    templateId: fc.constantFrom('school-assembly', 'blank', ''),
    event: fc.record(
      {
        date: day,
        startTime: timeOfDay,
        place: text(LIMITS.placeLength),
        targetMinutes: fc.integer({ min: 1, max: 1440 }),
        contactName: text(LIMITS.ownerLength),
        contactPhone: text(LIMITS.phoneLength),
        participants: sometimes(fc.integer({ min: 0, max: 1_000_000 })),
      },
      { noNullPrototype: true, requiredKeys: ['date', 'startTime'] },
    ),
    checklist: fc.record(
      { sections: fc.array(section, { maxLength: 3 }) },
      { noNullPrototype: true },
    ),
    runOfShow: fc.record({ items: fc.array(item, { maxLength: 5 }) }, { noNullPrototype: true }),
    notes: text(LIMITS.notesLength),
    drafts: fc.dictionary(
      fc.constantFrom('parents', 'pitch', 'x'.repeat(40)),
      fc.record(
        {
          subject: text(LIMITS.titleLength * 2),
          body: text(LIMITS.notesLength),
          editedAt: isoTime,
        },
        { noNullPrototype: true, requiredKeys: ['body', 'editedAt'] },
      ),
      { maxKeys: 2, noNullPrototype: true },
    ),
    shows: fc.array(showRecord, { maxLength: 2 }),
    catchUpOffered: fc.boolean(),
    createdAt: isoTime,
    updatedAt: isoTime,
    sync,
  },
  {
    noNullPrototype: true,
    requiredKeys: ['id', 'title', 'event', 'checklist', 'runOfShow', 'createdAt', 'updatedAt'],
  },
) as fc.Arbitrary<Record<string, unknown>>;

// ---- The same plans, damaged ----

/** Values a hand-made or hostile file (or a bug) could put anywhere. */
const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc
    .constantFrom<unknown>(
      null,
      '',
      ' ',
      0,
      -0,
      1.5,
      -1,
      2 ** 53,
      true,
      [],
      {},
      'x'.repeat(LIMITS.notesLength + 1),
      'x'.repeat(LIMITS.idLength + 1),
      '2026-02-30',
      '2026-11-22T10:00:00Z',
      '10:00',
      '24:00',
      'rehearsal',
      'step.prepareVenue',
      'constructor',
    )
    .map((value) => structuredClone(value)), // a fresh `{}` each time: mutations write into it
);
/** The same, and values no JSON text holds (restorePlan is also called on plain objects). */
const oddObjectValue = fc.oneof(
  oddValue,
  fc
    .constantFrom<() => unknown>(
      () => undefined,
      () => Number.NaN,
      () => Infinity,
      () => new Date(NOW),
      () => Object.assign(Object.create(null) as object, { a: 1 }),
      () => ({ [Symbol('s')]: 1 }),
      () => [, 1], // eslint-disable-line no-sparse-arrays
      () =>
        Object.defineProperty({}, 'id', {
          get() {
            throw new Error('no');
          },
          enumerable: true,
        }),
    )
    .map((make) => make()),
);
const extraKey = fc.constantFrom(
  'extra',
  'toString',
  'constructor',
  '__proto__',
  'f'.repeat(200),
  'sync',
);

type Mutation =
  | { how: 'delete' | 'wrap' | 'repeat' | 'repeatChanged'; path: number[] }
  | { how: 'set'; path: number[]; value: unknown }
  | { how: 'add'; path: number[]; key: string; value: unknown };

const mutation = (values: fc.Arbitrary<unknown>): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({
      how: fc.constantFrom(
        'delete' as const,
        'wrap' as const,
        'repeat' as const,
        'repeatChanged' as const,
      ),
      path: fc.array(fc.nat(), { maxLength: 6 }),
    }),
    fc.record({
      how: fc.constant('set' as const),
      path: fc.array(fc.nat(), { maxLength: 6 }),
      value: values,
    }),
    fc.record({
      how: fc.constant('add' as const),
      path: fc.array(fc.nat(), { maxLength: 6 }),
      key: extraKey,
      value: values,
    }),
  );

/** Applies `m` to a copy of `plan` at the object or list its path leads to (indices of keys). */
function mutateOnce(root: Record<string, unknown>, m: Mutation): Record<string, unknown> {
  let node: Record<string, unknown> | unknown[] = root;
  let target: string | number = 'title';
  for (const [i, n] of m.path.entries()) {
    const keys = Array.isArray(node) ? node.map((_, k) => k) : Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[n % keys.length]!;
    const next = (node as Record<string | number, unknown>)[key];
    target = key;
    if (i === m.path.length - 1 || typeof next !== 'object' || next === null) break;
    node = next as Record<string, unknown>;
  }
  const record = node as Record<string | number, unknown>;
  switch (m.how) {
    case 'delete':
      if (Array.isArray(node)) node.splice(Number(target), 1);
      else delete record[target];
      break;
    case 'wrap':
      record[target] = [record[target]];
      break;
    case 'set':
      record[target] = m.value;
      break;
    case 'add':
      // As JSON.parse makes it: an own field, even for `__proto__`.
      Object.defineProperty(node, m.key, {
        value: m.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      break;
    case 'repeat':
    case 'repeatChanged': {
      // An entry of a list twice: the same, or with something else changed (ids met twice).
      const list = Array.isArray(node) ? node : null;
      if (!list || list.length === 0) break;
      const original = list[Number(target) % list.length];
      let entry: unknown = original;
      try {
        entry = structuredClone(original);
      } catch {
        // A getter that throws, a symbol: the same entry twice.
      }
      if (
        m.how === 'repeatChanged' &&
        typeof entry === 'object' &&
        entry !== null &&
        !Array.isArray(entry)
      )
        (entry as Record<string, unknown>).title = 'Changed';
      list.push(entry);
      break;
    }
  }
  return root;
}

/** `mutateOnce`, unless reaching the place reads a getter that throws (put by an earlier one). */
function mutate(root: Record<string, unknown>, m: Mutation): Record<string, unknown> {
  try {
    return mutateOnce(root, m);
  } catch {
    return root;
  }
}

const damaged = (values: fc.Arbitrary<unknown>) =>
  fc
    .tuple(validPlan, fc.array(mutation(values), { minLength: 1, maxLength: 3 }))
    .map(([plan, ms]) => ms.reduce((p, m) => mutate(p, m), structuredClone(plan)));

/** Checks `readPlanFast` against the schema on `raw`; says whether it took the plan. */
function fastAgreesWithSchema(raw: unknown): boolean {
  const read = readPlanFast(raw);
  if (read === null) return false;
  const parsed = planSchema.safeParse(raw);
  expect(parsed.success).toBe(true);
  expectSame(read.plan, parsed.data);
  expect(read.values).toBe(countValues(read.plan));
  if (!read.mayNeedRepair) {
    expect(withKnownKeys(read.plan)).toBe(read.plan);
    expect(withShortFieldNames(read.plan)).toBe(read.plan);
    expect(withUniqueIds(read.plan)).toBe(read.plan);
  }
  return true;
}

function restoreAgrees(raw: unknown) {
  expectSame(restorePlan(raw), restorePlanBySchema(raw));
}

describe('restore: the fast path gives what the schema gives', () => {
  it('every valid plan is read by the fast path, exactly as the schema reads it', () => {
    fc.assert(
      fc.property(validPlan, (plan) => {
        expect(fastAgreesWithSchema(plan)).toBe(true);
        restoreAgrees(plan);
      }),
      { numRuns },
    );
  }, 120_000);

  it('damaged plans (fields removed, wrong types, extra keys, ids repeated…) restore the same both ways', () => {
    let taken = 0;
    fc.assert(
      fc.property(damaged(oddValue), (raw) => {
        if (fastAgreesWithSchema(raw)) taken += 1;
        restoreAgrees(raw);
      }),
      { numRuns },
    );
    // Both ways are exercised: some damage leaves a valid plan (a default filled in, an id
    // repeated), most does not. About 13% are taken (12.6% in 1,000 cases). At the unit suite's
    // 100 cases the bound is "at least one", which chance fails once in about 700,000 runs
    // (0.874^100); from 250 cases on it is a fortieth, five standard deviations below 13%.
    expect(taken).toBeGreaterThan(numRuns < 250 ? 0 : numRuns / 40);
    expect(taken).toBeLessThan(numRuns * 0.95);
  }, 120_000);

  it('plain objects holding what no JSON holds (undefined, NaN, getters, symbols, holes) restore the same both ways', () => {
    fc.assert(
      fc.property(damaged(oddObjectValue), (raw) => {
        fastAgreesWithSchema(raw);
        restoreAgrees(raw);
      }),
      { numRuns },
    );
  }, 120_000);

  it('any JSON value restores the same both ways', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        fastAgreesWithSchema(raw);
        restoreAgrees(raw);
      }),
      { numRuns },
    );
  }, 60_000);

  it('plan files, older versions and backups read the same both ways, as text', () => {
    const file = fc.oneof(
      // The current version, valid or damaged.
      fc.oneof(validPlan, damaged(oddValue)).map((plan) => ({
        format: PLAN_FILE_FORMAT,
        version: 3,
        exportedAt: '2026-11-22T10:00:00.000Z',
        app: { name: 'hour-of-code-planner', version: 'test' },
        plan,
      })),
      // Older versions go through the migrations first; version 1 had one `show`.
      fc
        .tuple(validPlan, fc.constantFrom(1, 2), fc.option(showRecord, { nil: undefined }))
        .map(([plan, version, show]) => {
          const { sync: _sync, shows: _shows, ...old } = plan;
          return {
            format: PLAN_FILE_FORMAT,
            version,
            exportedAt: '2026-11-22T10:00:00.000Z',
            plan: version === 1 ? { ...old, show: show ?? null } : old,
          };
        }),
      // A backup of a few plans.
      fc
        .array(fc.oneof(validPlan, damaged(oddValue)), { minLength: 1, maxLength: 3 })
        .map((plans) => ({
          format: 'hour-of-code-backup',
          version: 3,
          exportedAt: '2026-11-22T10:00:00.000Z',
          plans,
        })),
    );
    const asText = fc
      .tuple(file, fc.boolean())
      .map(([value, indent]) => JSON.stringify(value, null, indent ? 2 : undefined));
    let read = 0;
    fc.assert(
      fc.property(asText, (text) => {
        const plan = bothWays(() => readPlanFile(text));
        expectSame(plan.fast, plan.schema);
        const imported = bothWays(() => readImportText(text));
        expectSame(imported.fast, imported.schema);
        const parsed = JSON.parse(text) as unknown;
        const envelope = bothWays(() => restorePlanFile(parsed, NOW));
        expectSame(envelope.fast, envelope.schema);
        if (imported.fast.ok) read += 1;
      }),
      { numRuns },
    );
    expect(read).toBeGreaterThan(numRuns / 10);
  }, 180_000);
});

describe('restore: the fast path, examples', () => {
  it('uses the very patterns and fields of the schema', () => {
    const pattern = (schema: unknown) =>
      (schema as { _zod: { def: { pattern: RegExp } } })._zod.def.pattern;
    expect(String(ISO_DATE)).toBe(String(pattern(eventSchema.shape.date)));
    expect(String(ISO_DATE_TIME)).toBe(String(pattern(planSchema.shape.createdAt)));
    const shapes = {
      stepLink: stepLinkSchema,
      step: stepSchema,
      section: sectionSchema,
      item: itemSchema,
      event: eventSchema,
      draft: draftSchema,
      showEntry: showEntrySchema,
      showRecord: showRecordSchema,
      sync: syncSchema,
      checklist: planSchema.shape.checklist,
      runOfShow: planSchema.shape.runOfShow,
      plan: planSchema,
    };
    for (const [name, schema] of Object.entries(shapes))
      expect([...FAST_PATH_FIELDS[name as keyof typeof shapes]], name).toEqual(
        Object.keys(schema.shape),
      );
  });

  it('takes every value at its bound, and leaves every value past it to the schema', () => {
    const stamp = makeStamp(NOW, 0, 'abc');
    /** A plan with every field the schema names, each within bounds. */
    const full = () => ({
      id: 'p',
      title: 'Plan',
      templateId: 'blank',
      event: {
        date: '2026-12-07',
        startTime: '10:00',
        place: '',
        targetMinutes: 60,
        contactName: '',
        contactPhone: '',
        participants: null,
      },
      checklist: {
        sections: [
          {
            id: 's',
            titleKey: null,
            title: '',
            steps: [
              {
                id: 'st',
                textKey: null,
                originKey: null,
                text: '',
                done: false,
                doneAt: null,
                dueOffsetDays: null,
                owner: '',
                note: '',
                link: null,
                links: [{ url: 'u', labelKey: null, label: '' }],
                optional: false,
                picked: false,
              },
            ],
          },
        ],
      },
      runOfShow: {
        items: [
          {
            id: 'i',
            titleKey: null,
            title: '',
            durationMinutes: 5,
            fixedStart: null,
            who: '',
            note: '',
            link: null,
          },
        ],
      },
      notes: '',
      drafts: { parents: { subject: '', body: '', editedAt: '2026-11-22T10:00:00.000Z' } },
      shows: [
        {
          id: 'run-1',
          kind: 'event',
          label: '',
          scheduledStart: null,
          message: '',
          startedAt: '2026-11-22T10:00:00.000Z',
          finishedAt: null,
          current: 0,
          shiftMinutes: 0,
          pausedAt: null,
          entries: [
            {
              itemId: 'i',
              titleKey: null,
              title: '',
              plannedOffset: 0,
              plannedDuration: 5,
              actualStart: null,
              actualEnd: null,
              skipped: false,
              pausedMs: 0,
            },
          ],
        },
      ],
      catchUpOffered: false,
      createdAt: '2026-11-22T10:00:00.000Z',
      updatedAt: '2026-11-22T10:00:00.000Z',
      sync: {
        base: stamp,
        seen: { abc: stamp },
        stamps: { 'plan.title': stamp },
        gone: {},
        names: { abc: 'Ana' },
        credit: { 'plan.title': stamp },
      },
    });
    const x = (n: number) => 'x'.repeat(n);
    const many = (n: number, make: (i: number) => unknown) =>
      Array.from({ length: n }, (_, i) => make(i));
    const S = ['checklist', 'sections', 0];
    const ST = [...S, 'steps', 0];
    const L = [...ST, 'links', 0];
    const I = ['runOfShow', 'items', 0];
    const R = ['shows', 0];
    const E = [...R, 'entries', 0];
    const D = ['drafts', 'parents'];
    /** [where, values the schema takes, values it refuses]. */
    const cases: [(string | number)[], unknown[], unknown[]][] = [
      [['id'], [x(100)], ['', x(101), 1]],
      [['title'], [x(200), ` ${x(200)} `], ['', '  ', '\u200b', x(201), null]],
      [['templateId'], [x(100), ''], [x(101)]],
      [['notes'], [x(50_000)], [x(50_001)]],
      [['catchUpOffered'], [true], ['yes', null]],
      [
        ['createdAt'],
        ['2024-02-29T10:00:00Z', '2026-11-22T10:00:00.123456+14:00'],
        ['2026-02-29T10:00:00Z', '2026-11-22T10:00Z', '2026-11-22', 0],
      ],
      [
        ['event', 'date'],
        ['1970-01-01', '2200-12-31'],
        ['1969-12-31', '2201-01-01', '2026-02-30', '2026-1-01'],
      ],
      [
        ['event', 'startTime'],
        ['00:00', '23:59'],
        ['24:00', '9:00', '10:00:00'],
      ],
      [['event', 'place'], [x(300)], [x(301)]],
      [
        ['event', 'targetMinutes'],
        [1, 1440],
        [0, 1441, 1.5, '60', null],
      ],
      [['event', 'contactName'], [x(100)], [x(101)]],
      [['event', 'contactPhone'], [x(50)], [x(51)]],
      [
        ['event', 'participants'],
        [0, 1_000_000],
        [-1, 1_000_001, 0.5],
      ],
      [
        ['checklist', 'sections'],
        [many(50, (i) => ({ id: `s${i}`, steps: [] }))],
        [many(51, (i) => ({ id: `s${i}`, steps: [] }))],
      ],
      [[...S, 'id'], [x(100)], ['', x(101)]],
      [
        [...S, 'titleKey'],
        [x(120), 'section.media'],
        ['', x(121)],
      ],
      [[...S, 'title'], [x(200)], [x(201)]],
      [
        [...S, 'steps'],
        [many(2000, (i) => ({ id: `t${i}` }))],
        [many(2001, (i) => ({ id: `t${i}` })), {}],
      ],
      [[...ST, 'text'], [x(2000)], [x(2001)]],
      [[...ST, 'done'], [true], ['true', 1]],
      [[...ST, 'doneAt'], ['2026-11-22T10:00:00Z'], ['yesterday']],
      [
        [...ST, 'dueOffsetDays'],
        [-365, 365, 0],
        [-366, 366, 1.5],
      ],
      [[...ST, 'owner'], [x(100)], [x(101)]],
      [[...ST, 'note'], [x(5000)], [x(5001)]],
      [[...ST, 'link'], [x(2048), ''], [x(2049)]],
      [[...ST, 'links'], [many(10, () => ({ url: 'u' }))], [many(11, () => ({ url: 'u' }))]],
      [[...ST, 'optional'], [true], [0]],
      [[...ST, 'picked'], [true], [null]],
      [[...L, 'url'], [x(2048)], ['', x(2049)]],
      [[...L, 'labelKey'], [x(120)], [x(121), '']],
      [[...L, 'label'], [x(200)], [x(201)]],
      [
        ['runOfShow', 'items'],
        [many(2000, (i) => ({ id: `i${i}`, durationMinutes: 1 }))],
        [many(2001, (i) => ({ id: `i${i}`, durationMinutes: 1 }))],
      ],
      [[...I, 'title'], [x(2000)], [x(2001)]],
      [
        [...I, 'durationMinutes'],
        [1, 720],
        [0, 721, 2.5],
      ],
      [[...I, 'fixedStart'], ['23:59'], ['9:00']],
      [[...I, 'who'], [x(100)], [x(101)]],
      [[...I, 'note'], [x(5000)], [x(5001)]],
      [[...I, 'link'], [x(2048)], [x(2049)]],
      [
        ['drafts'],
        [{ [x(40)]: { body: '', editedAt: '2026-11-22T10:00:00Z' } }],
        [
          { [x(41)]: { body: '', editedAt: '2026-11-22T10:00:00Z' } },
          { '': { body: '', editedAt: '2026-11-22T10:00:00Z' } },
        ],
      ],
      [[...D, 'subject'], [x(400)], [x(401)]],
      [[...D, 'body'], [x(50_000)], [x(50_001)]],
      [
        ['shows'],
        [
          many(50, (i) => ({
            id: `r${i}`,
            startedAt: '2026-11-22T10:00:00Z',
            current: 0,
            entries: [],
          })),
        ],
        [
          many(51, (i) => ({
            id: `r${i}`,
            startedAt: '2026-11-22T10:00:00Z',
            current: 0,
            entries: [],
          })),
        ],
      ],
      [[...R, 'kind'], ['rehearsal'], ['show']],
      [[...R, 'label'], [x(200)], [x(201)]],
      [[...R, 'message'], [x(200)], [x(201)]],
      [
        [...R, 'current'],
        [0, 2 ** 53 - 1],
        [-1, 1.5, 2 ** 53],
      ],
      [
        [...R, 'shiftMinutes'],
        [-100_000, 100_000],
        [-100_001, 100_001],
      ],
      [
        [...E, 'plannedOffset'],
        [-10_080, 1_440_000],
        [-10_081, 1_440_001],
      ],
      [
        [...E, 'plannedDuration'],
        [1, 720],
        [0, 721],
      ],
      [[...E, 'pausedMs'], [0], [-1, 0.5]],
      [[...E, 'skipped'], [true], ['no']],
      [
        ['sync', 'base'],
        [makeStamp(0, 0, 'z'.repeat(16))],
        ['', `${stamp}X`, makeStamp(0, 0, 'constructor'), makeStamp(0, 0, 'z'.repeat(17))],
      ],
      [['sync', 'seen'], [{ [x(140)]: stamp }], [{ [x(141)]: stamp }, { '': stamp }, { a: 'b' }]],
      [['sync', 'names'], [{ abc: x(100) }], [{ constructor: 'A' }, { ABC: 'A' }, { abc: x(101) }]],
      [['sync', 'credit'], [{}], [{ a: 1 }]],
    ];
    const at = (path: (string | number)[], value: unknown) => {
      const plan = full() as Record<string | number, unknown>;
      let node = plan;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
      node[path[path.length - 1]!] = value;
      return plan;
    };
    expect(fastAgreesWithSchema(full())).toBe(true);
    for (const [path, good, bad] of cases) {
      for (const value of good) {
        const plan = at(path, value);
        expect(
          fastAgreesWithSchema(plan),
          `${path.join('.')} = ${String(value).slice(0, 20)}`,
        ).toBe(true);
        restoreAgrees(plan);
      }
      for (const value of bad) {
        const plan = at(path, value);
        expect(readPlanFast(plan), `${path.join('.')} = ${String(value).slice(0, 20)}`).toBeNull();
        expect(restorePlan(plan).ok).toBe(false);
        restoreAgrees(plan);
      }
    }
  });

  it("reads the benchmark's 1,000-item plan file, filling the defaults as the schema does", () => {
    const text = serializePlan(largePlan(1000), options);
    const raw = (JSON.parse(text) as { plan: unknown }).plan;
    expect(fastAgreesWithSchema(raw)).toBe(true);
    const both = bothWays(() => readPlanFile(text));
    expect(both.fast.ok).toBe(true);
    expectSame(both.fast, both.schema);
  });

  it('a plan whose defaults take it past the bound on values is refused the same way', () => {
    // 40,000 bare steps: few values as written, over 250,000 once each step's defaults are in.
    const bare = {
      ...largePlan(0),
      checklist: {
        sections: Array.from({ length: 20 }, (_, s) => ({
          id: `s${s}`,
          steps: Array.from({ length: 2000 }, (_, i) => ({ id: `s${s}-${i}` })),
        })),
      },
    };
    expect(countValues(bare)).toBeLessThan(MAX_PLAN_VALUES);
    const fast = restorePlan(bare);
    expect(fast).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'too_many_values' })],
    });
    expectSame(fast, restorePlanBySchema(bare));
  });

  it('repairs repeated ids and unknown guide keys the same way', () => {
    const plan = largePlan(8) as Plan & Record<string, unknown>;
    const items = plan.runOfShow.items;
    const repeated = {
      ...plan,
      runOfShow: { items: [...items, items[0], { ...items[1]!, title: 'Other' }] },
      checklist: {
        sections: plan.checklist.sections.map((s, i) =>
          i === 0 ? { ...s, titleKey: 'nope.key' } : s,
        ),
      },
    };
    const read = readPlanFast(repeated);
    expect(read?.mayNeedRepair).toBe(true);
    const fast = restorePlan(repeated);
    expect(fast.ok && fast.plan.runOfShow.items.map((i) => i.id).slice(-2)).toEqual(['i7', 'i1-2']);
    expectSame(fast, restorePlanBySchema(repeated));
  });

  it('leaves anything unusual to the schema: unknown fields, a getter that throws, keys JSON.parse can make', () => {
    const plan = largePlan(2);
    const unknownField = { ...plan, addedByANewerApp: { a: 1 } };
    expect(readPlanFast(unknownField)).toBeNull();
    const kept = restorePlan(unknownField);
    expect(kept.ok && (kept.plan as Record<string, unknown>).addedByANewerApp).toEqual({ a: 1 });
    expectSame(kept, restorePlanBySchema(unknownField));

    const throwing = Object.defineProperty({ ...plan }, 'notes', {
      get() {
        throw new Error('unreadable notes');
      },
      enumerable: true,
    });
    expect(readPlanFast(throwing)).toBeNull();
    expectSame(restorePlan(throwing), restorePlanBySchema(throwing));
    expect(restorePlan(throwing)).toMatchObject({ ok: false, issues: [{ code: 'unreadable' }] });

    const withProto = JSON.parse(
      `{"__proto__": {"x": 1}, ${JSON.stringify(plan).slice(1)}`,
    ) as unknown;
    expect(readPlanFast(withProto)).toBeNull();
    expectSame(restorePlan(withProto), restorePlanBySchema(withProto));
  });

  it('a file with a forbidden key anywhere reads the same both ways (the reviver drops it)', () => {
    const text = serializePlan(largePlan(3), options).replace(
      '"notes": ""',
      '"notes": "", "__proto__": {"polluted": true}, "constructor": 1, "\\u0070rototype": 2',
    );
    const both = bothWays(() => readPlanFile(text));
    expect(both.fast.ok).toBe(true);
    expectSame(both.fast, both.schema);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
