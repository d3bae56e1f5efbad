import { z } from 'zod/mini';
import { REPLICA_PATTERN, STAMP_PATTERN } from './stamps';

// zod's "mini" build: the same checks and error paths as classic zod, as functions a bundler can
// leave out when unused, so the first page carries a fraction of the library.
// No code generation: the app runs under a Content-Security-Policy without 'unsafe-eval', and
// zod's JIT would even probe for `new Function` (which the browser reports as a violation).
z.config({ jitless: true });

/*
 * The plan, as stored in the browser and written to files. This is the one schema both storage
 * and file import go through. Objects are "loose": fields a newer version of the app added are
 * kept, not dropped, so a round trip through an older copy loses nothing.
 */

/** Bump when the stored or exported shape changes; add a migration in `migrations.ts`. */
export const PLAN_FORMAT_VERSION = 3;

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
  /**
   * Steps in the whole checklist. Far beyond a real one (a few dozen), and low enough that the
   * checklist, which has every step in the page, stays usable: 16,000 steps in 9 sections took
   * 37 s to show and 16 s to tick one.
   */
  maxSteps: 1000,
  maxItems: 2000,
  maxLinksPerStep: 10,
  /** An event date outside these years is a mistake or a hostile file (year 0000, 9999). */
  minYear: 1970,
  maxYear: 2200,
  /** Runs of the show kept with a plan (rehearsals and the event). */
  maxRuns: 50,
  /** A message shown on the stage screen: a line or two, read from the back of a hall. */
  stageMessageLength: 200,
} as const;

/** Characters that take no space: a title made only of them (and spaces) looks blank. */
const INVISIBLE =
  /[\s\u00AD\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\u2800\u3164\uFEFF\uFFA0]/g;

/** Whether a text shows nothing: empty, spaces, or only zero-width characters. */
export function looksBlank(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}

/** Whether "YYYY-MM-DD" falls in the years an event date may have. */
export function inEventYears(day: string): boolean {
  const year = Number(day.slice(0, 4));
  return year >= LIMITS.minYear && year <= LIMITS.maxYear;
}

/** 24-hour "HH:mm". */
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** How a run of the show was meant: a rehearsal or the event itself. */
export const RUN_KINDS = ['rehearsal', 'event'] as const;
/**
 * Record keys: register keys hold ids, so they are bounded like ids. Restore drops field names
 * that would make a longer one (`MAX_FIELD_NAME_LENGTH`, restore.ts).
 */
export const STAMP_KEY_LENGTH = LIMITS.idLength + 40;

/**
 * The schemas, built on first use: building them costs tens of milliseconds of a phone's start,
 * and a start that finds only plain, valid plans never needs them (restore.ts reads those by
 * hand, fast-plan.ts). Every check that needs one calls `schemas()`.
 */
function buildSchemas() {
  /** A string of at most `max` characters (and at least `min`). */
  const text = (max: number, min = 0) =>
    min > 0
      ? z.string().check(z.minLength(min), z.maxLength(max))
      : z.string().check(z.maxLength(max));
  /** A whole number from `min` to `max`. */
  const whole = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));
  /** A list of at most `max` entries. */
  const list = <T extends z.ZodMiniType>(entry: T, max: number) =>
    z.array(entry).check(z.maxLength(max));
  /** The value when the field is missing (older files, hand-written files). */
  const or = z._default;

  const id = text(LIMITS.idLength, 1);
  const key = z.nullable(text(LIMITS.keyLength, 1));
  const timeOfDay = z.string().check(z.regex(TIME_PATTERN));
  const isoDateTime = z.iso.datetime({ offset: true });
  // Links are kept as written (bounded); whether one is safe to open is decided where it is shown.
  const link = or(z.nullable(text(LIMITS.linkLength)), null);

  /** A further link a guide gives for a step, with what it is called. */
  const stepLinkSchema = z.looseObject({
    url: text(LIMITS.linkLength, 1),
    /** Guide text key (namespace `guide`) naming the link, or null for a label as written. */
    labelKey: or(key, null),
    label: or(text(LIMITS.titleLength), ''),
  });

  const stepSchema = z.looseObject({
    id,
    /** Guide text key (namespace `guide`); null once the user has written their own text. */
    textKey: or(key, null),
    /**
     * The guide key the step came from, kept once the user rewrites its text (`textKey` is then
     * null): it keeps the step's link to its draft (plan/drafts.ts). Null for the user's own steps
     * and for template steps whose text was never edited; absent in plans stored before it existed.
     */
    originKey: or(key, null),
    /** The user's own text; empty while `textKey` is set. */
    text: or(text(LIMITS.textLength), ''),
    done: or(z.boolean(), false),
    doneAt: or(z.nullable(isoDateTime), null),
    /** Days from the event date: -14 is two weeks before, 0 the day itself; null for no date. */
    dueOffsetDays: or(z.nullable(whole(-LIMITS.maxOffsetDays, LIMITS.maxOffsetDays)), null),
    owner: or(text(LIMITS.ownerLength), ''),
    note: or(text(LIMITS.noteLength), ''),
    link,
    /** Further links the guide gives for this step (the main one stays in `link`). */
    links: or(list(stepLinkSchema, LIMITS.maxLinksPerStep), []),
    /** An optional idea: it counts toward progress only when the organizer picks it. */
    optional: or(z.boolean(), false),
    picked: or(z.boolean(), false),
  });

  const sectionSchema = z.looseObject({
    id,
    titleKey: or(key, null),
    title: or(text(LIMITS.titleLength), ''),
    steps: list(stepSchema, LIMITS.maxStepsPerSection),
  });

  const itemSchema = z.looseObject({
    id,
    titleKey: or(key, null),
    title: or(text(LIMITS.textLength), ''),
    durationMinutes: whole(LIMITS.minDuration, LIMITS.maxDuration),
    /** Pinned start ("the guest arrives at 10:15 sharp"), or null to follow the item before. */
    fixedStart: or(z.nullable(timeOfDay), null),
    who: or(text(LIMITS.ownerLength), ''),
    note: or(text(LIMITS.noteLength), ''),
    link,
  });

  const eventSchema = z.looseObject({
    /** The event's calendar day, "YYYY-MM-DD", with no time zone: it is a day, not an instant. */
    date: z.iso.date().check(z.refine(inEventYears, 'the date must be from 1970 to 2200')),
    startTime: timeOfDay,
    place: or(text(LIMITS.placeLength), ''),
    targetMinutes: or(whole(1, LIMITS.maxTargetMinutes), 60),
    contactName: or(text(LIMITS.ownerLength), ''),
    contactPhone: or(text(LIMITS.phoneLength), ''),
    participants: or(z.nullable(whole(0, LIMITS.maxParticipants)), null),
  });

  /** The organizer's own version of a draft (see plan/drafts.ts), kept as they wrote it. */
  const draftSchema = z.looseObject({
    subject: or(text(LIMITS.titleLength * 2), ''),
    body: text(LIMITS.notesLength),
    editedAt: isoDateTime,
  });

  /** One agenda item as it was planned when the show started, and as it actually ran. */
  const showEntrySchema = z.looseObject({
    itemId: id,
    titleKey: or(key, null),
    title: or(text(LIMITS.textLength), ''),
    plannedOffset: whole(-LIMITS.maxTargetMinutes * 7, LIMITS.maxItems * LIMITS.maxDuration),
    plannedDuration: whole(LIMITS.minDuration, LIMITS.maxDuration),
    actualStart: or(z.nullable(isoDateTime), null),
    actualEnd: or(z.nullable(isoDateTime), null),
    skipped: or(z.boolean(), false),
    pausedMs: or(z.int().check(z.gte(0)), 0),
  });

  /**
   * One run of the show (a rehearsal, or the event itself; see plan/live-show.ts): saved as it
   * happens, kept when finished, with its own report. A plan keeps a list of them (`shows`).
   */
  const showRecordSchema = z.looseObject({
    /** Runs of version-1 files (one record, no id) become `run-1` in the migration. */
    id: or(id, 'run-1'),
    kind: or(z.enum(RUN_KINDS), 'event'),
    /** The organizer's own name for the run; empty: "Rehearsal 2", "The event". */
    label: or(text(LIMITS.titleLength), ''),
    /**
     * The scheduled clock time the agenda's offsets count from: the event's start time for the
     * event (so a late start shows behind), the moment Start was pressed for a rehearsal. Null in
     * records from before it existed: they count from `startedAt`, as they did.
     */
    scheduledStart: or(z.nullable(isoDateTime), null),
    /** The desk's message to the stage screen ("Wrap up"), shown until cleared. */
    message: or(text(LIMITS.stageMessageLength), ''),
    startedAt: isoDateTime,
    finishedAt: or(z.nullable(isoDateTime), null),
    current: z.int().check(z.gte(0)),
    shiftMinutes: or(whole(-100_000, 100_000), 0),
    pausedAt: or(z.nullable(isoDateTime), null),
    entries: list(showEntrySchema, LIMITS.maxItems),
  });

  /** A merge stamp (plan/stamps.ts): clock reading and replica id, comparable as text. */
  const stamp = z.string().check(z.regex(STAMP_PATTERN));
  const stampMap = z.record(text(STAMP_KEY_LENGTH, 1), stamp);

  /** The plan's merge stamps (plan/stamps.ts, plan/merge.ts); absent in plans that never had one. */
  const syncSchema = z.looseObject({
    base: stamp,
    seen: stampMap,
    stamps: stampMap,
    gone: stampMap,
    names: or(z.record(z.string().check(z.regex(REPLICA_PATTERN)), text(LIMITS.ownerLength)), {}),
    credit: z.optional(stampMap),
  });

  const planSchema = z.looseObject({
    id,
    title: z.string().check(
      z.trim(),
      z.minLength(1),
      z.maxLength(LIMITS.titleLength),
      z.refine((title) => !looksBlank(title), { message: 'the title is blank', abort: true }),
    ),
    templateId: or(text(LIMITS.idLength), 'blank'),
    event: eventSchema,
    checklist: z.looseObject({
      sections: list(sectionSchema, LIMITS.maxSections),
    }),
    runOfShow: z.looseObject({
      items: list(itemSchema, LIMITS.maxItems),
    }),
    notes: or(text(LIMITS.notesLength), ''),
    drafts: or(z.record(text(40, 1), draftSchema), {}),
    /** Every run of the show, oldest first (version 1 had one record, `show`). */
    shows: or(list(showRecordSchema, LIMITS.maxRuns), []),
    /** The offer to spread late steps (plan/catch-up.ts) was answered; absent until then. */
    catchUpOffered: z.optional(z.boolean()),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    sync: z.optional(syncSchema),
  });
  return {
    stepLinkSchema,
    stepSchema,
    sectionSchema,
    itemSchema,
    eventSchema,
    draftSchema,
    showEntrySchema,
    showRecordSchema,
    syncSchema,
    planSchema,
  };
}

type Schemas = ReturnType<typeof buildSchemas>;
let built: Schemas | undefined;

export function schemas(): Schemas {
  built ??= buildSchemas();
  return built;
}

export type StepLink = z.infer<Schemas['stepLinkSchema']>;
export type Step = z.infer<Schemas['stepSchema']>;
export type Section = z.infer<Schemas['sectionSchema']>;
export type RunItem = z.infer<Schemas['itemSchema']>;
export type PlanEvent = z.infer<Schemas['eventSchema']>;
export type Draft = z.infer<Schemas['draftSchema']>;
export type ShowRecord = z.infer<Schemas['showRecordSchema']>;
export type RunKind = (typeof RUN_KINDS)[number];
export type Plan = z.infer<Schemas['planSchema']>;
