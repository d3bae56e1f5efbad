import fc from 'fast-check';
import { serializeBackup, serializePlan } from '@/plan/file-format';
import { LIMITS, type Plan } from '@/plan/schema';

/*
 * Random valid plans and plan files, for the property tests of restore and the file format
 * (tests/unit/restore.property.dom.test.ts, tests/unit/restore-bounds.property.dom.test.ts).
 */

/** What serializePlan and serializeBackup take: a fixed clock, texts as they are. */
export const fileOptions = {
  translate: (_key: string, fallback: string) => fallback,
  now: new Date('2026-11-22T10:00:00Z'),
  appVersion: 'test',
};

const id = fc.string({ minLength: 1, maxLength: 12 });
const text = (max: number) => fc.string({ maxLength: Math.min(max, 40) });
/** A time of day as plans write it ("09:05"). */
export const timeOfDay = fc
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
  fixedStart: fc.option(timeOfDay, { nil: null }),
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
    startTime: timeOfDay,
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
export const validImport = fc.oneof(
  validPlan.map((plan) => serializePlan(plan, fileOptions)),
  fc
    .array(validPlan, { minLength: 1, maxLength: 3 })
    .map((plans) => serializeBackup(plans, fileOptions)),
);
