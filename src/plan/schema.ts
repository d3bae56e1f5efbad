import { z } from 'zod';

// No code generation: the app runs under a Content-Security-Policy without 'unsafe-eval', and
// zod's JIT would even probe for `new Function` (which the browser reports as a violation).
z.config({ jitless: true });

/*
 * The plan, as stored in the browser and written to files. This is the one schema both storage
 * and file import go through. Objects are "loose": fields a newer version of the app added are
 * kept, not dropped, so a round trip through an older copy loses nothing.
 */

/** Bump when the stored or exported shape changes; add a migration in `migrations.ts`. */
export const PLAN_FORMAT_VERSION = 1;

export const LIMITS = {
  idLength: 100,
  keyLength: 120,
  titleLength: 200,
  textLength: 2000,
  noteLength: 5000,
  notesLength: 50_000,
  ownerLength: 100,
  placeLength: 300,
  phoneLength: 50,
  linkLength: 2048,
  minDuration: 1,
  maxDuration: 720,
  maxTargetMinutes: 1440,
  maxParticipants: 1_000_000,
  maxOffsetDays: 365,
  maxSections: 50,
  maxStepsPerSection: 2000,
  maxItems: 2000,
} as const;

/** 24-hour "HH:mm". */
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

const id = z.string().min(1).max(LIMITS.idLength);
const key = z.string().min(1).max(LIMITS.keyLength).nullable();
const timeOfDay = z.string().regex(TIME_PATTERN);
const isoDateTime = z.iso.datetime({ offset: true });
// Links are kept as written (bounded); whether one is safe to open is decided where it is shown.
const link = z.string().max(LIMITS.linkLength).nullable().default(null);

export const stepSchema = z.looseObject({
  id,
  /** Guide text key (namespace `guide`); null once the user has written their own text. */
  textKey: key.default(null),
  /**
   * The guide key the step came from, kept once the user rewrites its text (`textKey` is then
   * null): it keeps the step's link to its draft (plan/drafts.ts). Null for the user's own steps
   * and for template steps whose text was never edited; absent in plans stored before it existed.
   */
  originKey: key.default(null),
  /** The user's own text; empty while `textKey` is set. */
  text: z.string().max(LIMITS.textLength).default(''),
  done: z.boolean().default(false),
  doneAt: isoDateTime.nullable().default(null),
  /** Days from the event date: -14 is two weeks before, 0 the day itself; null for no date. */
  dueOffsetDays: z
    .int()
    .min(-LIMITS.maxOffsetDays)
    .max(LIMITS.maxOffsetDays)
    .nullable()
    .default(null),
  owner: z.string().max(LIMITS.ownerLength).default(''),
  note: z.string().max(LIMITS.noteLength).default(''),
  link,
  /** An optional idea: it counts toward progress only when the organizer picks it. */
  optional: z.boolean().default(false),
  picked: z.boolean().default(false),
});

export const sectionSchema = z.looseObject({
  id,
  titleKey: key.default(null),
  title: z.string().max(LIMITS.titleLength).default(''),
  steps: z.array(stepSchema).max(LIMITS.maxStepsPerSection),
});

export const itemSchema = z.looseObject({
  id,
  titleKey: key.default(null),
  title: z.string().max(LIMITS.textLength).default(''),
  durationMinutes: z.int().min(LIMITS.minDuration).max(LIMITS.maxDuration),
  /** Pinned start ("the guest arrives at 10:15 sharp"), or null to follow the item before. */
  fixedStart: timeOfDay.nullable().default(null),
  who: z.string().max(LIMITS.ownerLength).default(''),
  note: z.string().max(LIMITS.noteLength).default(''),
  link,
});

export const eventSchema = z.looseObject({
  /** The event's calendar day, "YYYY-MM-DD", with no time zone: it is a day, not an instant. */
  date: z.iso.date(),
  startTime: timeOfDay,
  place: z.string().max(LIMITS.placeLength).default(''),
  targetMinutes: z.int().min(1).max(LIMITS.maxTargetMinutes).default(60),
  contactName: z.string().max(LIMITS.ownerLength).default(''),
  contactPhone: z.string().max(LIMITS.phoneLength).default(''),
  participants: z.int().min(0).max(LIMITS.maxParticipants).nullable().default(null),
});

/** The organizer's own version of a draft (see plan/drafts.ts), kept as they wrote it. */
export const draftSchema = z.looseObject({
  subject: z
    .string()
    .max(LIMITS.titleLength * 2)
    .default(''),
  body: z.string().max(LIMITS.notesLength),
  editedAt: isoDateTime,
});

/** One agenda item as it was planned when the show started, and as it actually ran. */
export const showEntrySchema = z.looseObject({
  itemId: id,
  titleKey: key.default(null),
  title: z.string().max(LIMITS.textLength).default(''),
  plannedOffset: z
    .int()
    .min(-LIMITS.maxTargetMinutes * 7)
    .max(LIMITS.maxItems * LIMITS.maxDuration),
  plannedDuration: z.int().min(LIMITS.minDuration).max(LIMITS.maxDuration),
  actualStart: isoDateTime.nullable().default(null),
  actualEnd: isoDateTime.nullable().default(null),
  skipped: z.boolean().default(false),
  pausedMs: z.int().min(0).default(0),
});

/** The live show on the day (see plan/live-show.ts): saved as it happens, kept when finished. */
export const showRecordSchema = z.looseObject({
  startedAt: isoDateTime,
  finishedAt: isoDateTime.nullable().default(null),
  current: z.int().min(0),
  shiftMinutes: z.int().min(-100_000).max(100_000).default(0),
  pausedAt: isoDateTime.nullable().default(null),
  entries: z.array(showEntrySchema).max(LIMITS.maxItems),
});

export const planSchema = z.looseObject({
  id,
  title: z.string().trim().min(1).max(LIMITS.titleLength),
  templateId: z.string().max(LIMITS.idLength).default('blank'),
  event: eventSchema,
  checklist: z.looseObject({
    sections: z.array(sectionSchema).max(LIMITS.maxSections),
  }),
  runOfShow: z.looseObject({
    items: z.array(itemSchema).max(LIMITS.maxItems),
  }),
  notes: z.string().max(LIMITS.notesLength).default(''),
  drafts: z.record(z.string().min(1).max(40), draftSchema).default({}),
  show: showRecordSchema.nullable().default(null),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export type Step = z.infer<typeof stepSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type RunItem = z.infer<typeof itemSchema>;
export type PlanEvent = z.infer<typeof eventSchema>;
export type Draft = z.infer<typeof draftSchema>;
export type ShowRecord = z.infer<typeof showRecordSchema>;
export type Plan = z.infer<typeof planSchema>;
