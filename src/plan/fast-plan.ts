import { z } from 'zod/mini';
import {
  LIMITS,
  RUN_KINDS,
  STAMP_KEY_LENGTH,
  TIME_PATTERN,
  inEventYears,
  looksBlank,
  type Draft,
  type Plan,
  type PlanEvent,
  type RunItem,
  type Section,
  type ShowRecord,
  type Step,
  type StepLink,
} from './schema';
import { REPLICA_PATTERN, STAMP_PATTERN, type PlanSync } from './stamps';
import { GUIDE_TEXT_KEYS } from './templates';

/*
 * A hand-written reader for the common case: a plan of the current format, every value of the
 * right type and within bounds, no field the schema doesn't name. Why: zod without code
 * generation (the CSP forbids eval, see schema.ts) walks a 1,000-item plan several times slower
 * than JSON.parse parsed it, and that walk was most of the cost of importing a file or reading
 * the stored plans.
 *
 * It MUST agree with `planSchema` (schema.ts): for any input it either gives up (returns null,
 * and the caller runs the schema) or returns exactly what `planSchema.safeParse` would return
 * as data, the same values with the same keys in the same order, defaults filled in the same way.
 * Anything unusual gives up rather than being handled here: a field the schema doesn't name
 * (kept by the schema's loose objects), a wrong type, a value out of bounds, an `undefined`,
 * an object that is not plain, a symbol key, a getter that throws. The schema then says what is
 * wrong in its own words. tests/unit/fast-plan.property.dom.test.ts compares the two on valid
 * and damaged plans; a change to the schema must be made here too (that test fails otherwise).
 */

/** Thrown to give up; never escapes `readPlanFast`. */
const UNUSUAL = Symbol('unusual');
const unusual = (): never => {
  throw UNUSUAL;
};

// The patterns the schema's `z.iso.date()` and `z.iso.datetime({ offset: true })` check with
// (tests/unit/fast-plan.property.dom.test.ts checks they are the very same).
export const ISO_DATE = z.regexes.date;
export const ISO_DATE_TIME = z.regexes.datetime({ offset: true });

const RUN_KIND_SET: ReadonlySet<unknown> = new Set(RUN_KINDS);

/** The value as a record of its own fields, if it is a plain object naming only `fields`. */
function fields(value: unknown, names: ReadonlySet<string>): Record<string, unknown> {
  if (
    typeof value !== 'object' ||
    value === null ||
    Object.getPrototypeOf(value) !== Object.prototype
  )
    return unusual();
  const record = value as Record<string, unknown>;
  // `for…in`, as the schema's loose objects look for fields to keep (inherited ones included).
  for (const name in record) if (!names.has(name) || record[name] === undefined) unusual();
  return record;
}

/** The keys of a plain object used as a record (stamps, drafts): enumerable strings only. */
function recordKeys(value: unknown): string[] {
  if (
    typeof value !== 'object' ||
    value === null ||
    Object.getPrototypeOf(value) !== Object.prototype
  )
    return unusual();
  // The schema's records go through `Reflect.ownKeys`: a symbol or a hidden key is unusual, and
  // so is `__proto__`, which the schema leaves out.
  const keys = Object.keys(value);
  if (Reflect.ownKeys(value).length !== keys.length || keys.includes('__proto__')) unusual();
  return keys;
}

const text = (value: unknown, max: number, min = 0): string =>
  typeof value === 'string' && value.length >= min && value.length <= max ? value : unusual();
const orText = (value: unknown, max: number, fallback = ''): string =>
  value === undefined ? fallback : text(value, max);
const whole = (value: unknown, min: number, max: number): number =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max
    ? (value as number)
    : unusual();
const bool = (value: unknown): boolean =>
  value === undefined ? false : typeof value === 'boolean' ? value : unusual();
const matching = (value: unknown, pattern: RegExp): string =>
  typeof value === 'string' && pattern.test(value) ? value : unusual();
const id = (value: unknown): string => text(value, LIMITS.idLength, 1);
/** `or(key, null)`: a guide text key, null, or missing (null). */
const key = (value: unknown): string | null =>
  value === undefined || value === null ? null : text(value, LIMITS.keyLength, 1);
/** `or(z.nullable(isoDateTime), null)`. */
const orTime = (value: unknown): string | null =>
  value === undefined || value === null ? null : matching(value, ISO_DATE_TIME);
const link = (value: unknown): string | null =>
  value === undefined || value === null ? null : text(value, LIMITS.linkLength);
/** A new list of each entry read, as the schema's arrays (a hole is an entry `undefined`). */
function list<T>(value: unknown, max: number, read: (entry: unknown) => T): T[] {
  if (!Array.isArray(value) || value.length > max) return unusual();
  const out: T[] = new Array<T>(value.length);
  for (let i = 0; i < value.length; i += 1) out[i] = read(value[i]);
  return out;
}

const names = (...all: string[]): ReadonlySet<string> => new Set(all);
const STEP_LINK = names('url', 'labelKey', 'label');
const STEP = names(
  'id',
  'textKey',
  'originKey',
  'text',
  'done',
  'doneAt',
  'dueOffsetDays',
  'owner',
  'note',
  'link',
  'links',
  'optional',
  'picked',
);
const SECTION = names('id', 'titleKey', 'title', 'steps');
const ITEM = names(
  'id',
  'titleKey',
  'title',
  'durationMinutes',
  'fixedStart',
  'who',
  'note',
  'link',
);
const EVENT = names(
  'date',
  'startTime',
  'place',
  'targetMinutes',
  'contactName',
  'contactPhone',
  'participants',
);
const DRAFT = names('subject', 'body', 'editedAt');
const SHOW_ENTRY = names(
  'itemId',
  'titleKey',
  'title',
  'plannedOffset',
  'plannedDuration',
  'actualStart',
  'actualEnd',
  'skipped',
  'pausedMs',
);
const SHOW_RECORD = names(
  'id',
  'kind',
  'label',
  'scheduledStart',
  'message',
  'startedAt',
  'finishedAt',
  'current',
  'shiftMinutes',
  'pausedAt',
  'entries',
);
const SYNC = names('base', 'seen', 'stamps', 'gone', 'names', 'credit');
const CHECKLIST = names('sections');
const RUN_OF_SHOW = names('items');
const PLAN = names(
  'id',
  'title',
  'templateId',
  'event',
  'checklist',
  'runOfShow',
  'notes',
  'drafts',
  'shows',
  'catchUpOffered',
  'createdAt',
  'updatedAt',
  'sync',
);

/** The fields each object may have, in the schema's order (a test compares them with it). */
export const FAST_PATH_FIELDS = {
  stepLink: STEP_LINK,
  step: STEP,
  section: SECTION,
  item: ITEM,
  event: EVENT,
  draft: DRAFT,
  showEntry: SHOW_ENTRY,
  showRecord: SHOW_RECORD,
  sync: SYNC,
  checklist: CHECKLIST,
  runOfShow: RUN_OF_SHOW,
  plan: PLAN,
};

/**
 * Reads one plan. Each object below is written with its fields in the schema's order, the order
 * zod writes them in. On the way it counts the values of what it returns, as `boundsIssue`
 * (restore.ts) counts them: one for the plan itself, one per field of each object and per entry
 * of each list. And it notes whether the plan may need one of restore's repairs: a guide text
 * key that is not one of the guide's (`withKnownKeys`), an id met twice (`withUniqueIds`).
 */
class Reader {
  values = 1;
  mayNeedRepair = false;
  private readonly ids = {
    sections: new Set<string>(),
    steps: new Set<string>(),
    items: new Set<string>(),
    runs: new Set<string>(),
  };

  /** Counts `count` values (the fields of an object, the entries of a list) in `value`. */
  private counted<T>(value: T, count: number): T {
    this.values += count;
    return value;
  }

  private list<T>(value: unknown, max: number, read: (entry: unknown) => T): T[] {
    const out = list(value, max, read);
    return this.counted(out, out.length);
  }

  /** A guide text key, noting one that `withKnownKeys` would drop. */
  private guideKey(value: unknown): string | null {
    const k = key(value);
    if (k !== null && !GUIDE_TEXT_KEYS.has(k)) this.mayNeedRepair = true;
    return k;
  }

  /** An id of one kind, noting a repeat that `withUniqueIds` would repair. */
  private unique(value: string, kind: Set<string>): string {
    if (kind.has(value)) this.mayNeedRepair = true;
    else kind.add(value);
    return value;
  }

  stepLink(value: unknown): StepLink {
    const r = fields(value, STEP_LINK);
    return this.counted(
      {
        url: text(r.url, LIMITS.linkLength, 1),
        labelKey: this.guideKey(r.labelKey),
        label: orText(r.label, LIMITS.titleLength),
      },
      STEP_LINK.size,
    );
  }

  step(value: unknown): Step {
    const r = fields(value, STEP);
    return this.counted(
      {
        id: this.unique(id(r.id), this.ids.steps),
        textKey: this.guideKey(r.textKey),
        originKey: this.guideKey(r.originKey),
        text: orText(r.text, LIMITS.textLength),
        done: bool(r.done),
        doneAt: orTime(r.doneAt),
        dueOffsetDays:
          r.dueOffsetDays === undefined || r.dueOffsetDays === null
            ? null
            : whole(r.dueOffsetDays, -LIMITS.maxOffsetDays, LIMITS.maxOffsetDays),
        owner: orText(r.owner, LIMITS.ownerLength),
        note: orText(r.note, LIMITS.noteLength),
        link: link(r.link),
        links:
          r.links === undefined
            ? this.counted([], 0)
            : this.list(r.links, LIMITS.maxLinksPerStep, (l) => this.stepLink(l)),
        optional: bool(r.optional),
        picked: bool(r.picked),
      },
      STEP.size,
    );
  }

  section(value: unknown): Section {
    const r = fields(value, SECTION);
    return this.counted(
      {
        id: this.unique(id(r.id), this.ids.sections),
        titleKey: this.guideKey(r.titleKey),
        title: orText(r.title, LIMITS.titleLength),
        steps: this.list(r.steps, LIMITS.maxStepsPerSection, (s) => this.step(s)),
      },
      SECTION.size,
    );
  }

  item(value: unknown): RunItem {
    const r = fields(value, ITEM);
    return this.counted(
      {
        id: this.unique(id(r.id), this.ids.items),
        titleKey: this.guideKey(r.titleKey),
        title: orText(r.title, LIMITS.textLength),
        durationMinutes: whole(r.durationMinutes, LIMITS.minDuration, LIMITS.maxDuration),
        fixedStart:
          r.fixedStart === undefined || r.fixedStart === null
            ? null
            : matching(r.fixedStart, TIME_PATTERN),
        who: orText(r.who, LIMITS.ownerLength),
        note: orText(r.note, LIMITS.noteLength),
        link: link(r.link),
      },
      ITEM.size,
    );
  }

  event(value: unknown): PlanEvent {
    const r = fields(value, EVENT);
    const date = matching(r.date, ISO_DATE);
    if (!inEventYears(date)) unusual();
    return this.counted(
      {
        date,
        startTime: matching(r.startTime, TIME_PATTERN),
        place: orText(r.place, LIMITS.placeLength),
        targetMinutes:
          r.targetMinutes === undefined ? 60 : whole(r.targetMinutes, 1, LIMITS.maxTargetMinutes),
        contactName: orText(r.contactName, LIMITS.ownerLength),
        contactPhone: orText(r.contactPhone, LIMITS.phoneLength),
        participants:
          r.participants === undefined || r.participants === null
            ? null
            : whole(r.participants, 0, LIMITS.maxParticipants),
      },
      EVENT.size,
    );
  }

  draft(value: unknown): Draft {
    const r = fields(value, DRAFT);
    return this.counted(
      {
        subject: orText(r.subject, LIMITS.titleLength * 2),
        body: text(r.body, LIMITS.notesLength),
        editedAt: matching(r.editedAt, ISO_DATE_TIME),
      },
      DRAFT.size,
    );
  }

  /** A record (`z.record`): each key and each value read, in the record's own order. */
  record<T>(value: unknown, readKey: (k: string) => string, read: (v: unknown) => T) {
    const keys = recordKeys(value);
    const r = value as Record<string, unknown>;
    const out: Record<string, T> = {};
    for (const k of keys) out[readKey(k)] = read(r[k]);
    return this.counted(out, keys.length);
  }

  showEntry(value: unknown): ShowRecord['entries'][number] {
    const r = fields(value, SHOW_ENTRY);
    return this.counted(
      {
        itemId: id(r.itemId),
        titleKey: this.guideKey(r.titleKey),
        title: orText(r.title, LIMITS.textLength),
        plannedOffset: whole(
          r.plannedOffset,
          -LIMITS.maxTargetMinutes * 7,
          LIMITS.maxItems * LIMITS.maxDuration,
        ),
        plannedDuration: whole(r.plannedDuration, LIMITS.minDuration, LIMITS.maxDuration),
        actualStart: orTime(r.actualStart),
        actualEnd: orTime(r.actualEnd),
        skipped: bool(r.skipped),
        pausedMs: r.pausedMs === undefined ? 0 : whole(r.pausedMs, 0, Number.MAX_SAFE_INTEGER),
      },
      SHOW_ENTRY.size,
    );
  }

  showRecord(value: unknown): ShowRecord {
    const r = fields(value, SHOW_RECORD);
    return this.counted(
      {
        id: this.unique(r.id === undefined ? 'run-1' : id(r.id), this.ids.runs),
        kind:
          r.kind === undefined
            ? 'event'
            : RUN_KIND_SET.has(r.kind)
              ? (r.kind as ShowRecord['kind'])
              : unusual(),
        label: orText(r.label, LIMITS.titleLength),
        scheduledStart: orTime(r.scheduledStart),
        message: orText(r.message, LIMITS.stageMessageLength),
        startedAt: matching(r.startedAt, ISO_DATE_TIME),
        finishedAt: orTime(r.finishedAt),
        current: whole(r.current, 0, Number.MAX_SAFE_INTEGER),
        shiftMinutes: r.shiftMinutes === undefined ? 0 : whole(r.shiftMinutes, -100_000, 100_000),
        pausedAt: orTime(r.pausedAt),
        entries: this.list(r.entries, LIMITS.maxItems, (e) => this.showEntry(e)),
      },
      SHOW_RECORD.size,
    );
  }

  /** A record of stamps by key (`stampMap` in schema.ts). */
  private stamps(value: unknown): Record<string, string> {
    return this.record(
      value,
      (k) => text(k, STAMP_KEY_LENGTH, 1),
      (v) => matching(v, STAMP_PATTERN),
    );
  }

  sync(value: unknown): PlanSync {
    const r = fields(value, SYNC);
    const sync: PlanSync = {
      base: matching(r.base, STAMP_PATTERN),
      seen: this.stamps(r.seen),
      stamps: this.stamps(r.stamps),
      gone: this.stamps(r.gone),
      names:
        r.names === undefined
          ? this.counted({}, 0)
          : this.record(
              r.names,
              (k) => matching(k, REPLICA_PATTERN),
              (v) => text(v, LIMITS.ownerLength),
            ),
    };
    if (r.credit !== undefined) sync.credit = this.stamps(r.credit);
    return this.counted(sync, Object.keys(sync).length);
  }

  plan(value: unknown): Plan {
    const r = fields(value, PLAN);
    // The schema trims the title before checking it, and keeps it trimmed.
    const title = text(r.title, Infinity).trim();
    if (title.length < 1 || title.length > LIMITS.titleLength || looksBlank(title)) unusual();
    const checklist = fields(r.checklist, CHECKLIST);
    const runOfShow = fields(r.runOfShow, RUN_OF_SHOW);
    const plan: Record<string, unknown> = {
      id: id(r.id),
      title,
      templateId: orText(r.templateId, LIMITS.idLength, 'blank'),
      event: this.event(r.event),
      checklist: this.counted(
        { sections: this.list(checklist.sections, LIMITS.maxSections, (s) => this.section(s)) },
        CHECKLIST.size,
      ),
      runOfShow: this.counted(
        { items: this.list(runOfShow.items, LIMITS.maxItems, (i) => this.item(i)) },
        RUN_OF_SHOW.size,
      ),
      notes: orText(r.notes, LIMITS.notesLength),
      drafts:
        r.drafts === undefined
          ? this.counted({}, 0)
          : this.record(
              r.drafts,
              (k) => text(k, 40, 1),
              (v) => this.draft(v),
            ),
      shows:
        r.shows === undefined
          ? this.counted([], 0)
          : this.list(r.shows, LIMITS.maxRuns, (s) => this.showRecord(s)),
    };
    // Optional fields are written only when present, in the schema's order.
    if (r.catchUpOffered !== undefined)
      plan.catchUpOffered = typeof r.catchUpOffered === 'boolean' ? r.catchUpOffered : unusual();
    plan.createdAt = matching(r.createdAt, ISO_DATE_TIME);
    plan.updatedAt = matching(r.updatedAt, ISO_DATE_TIME);
    if (r.sync !== undefined) plan.sync = this.sync(r.sync);
    return this.counted(plan, Object.keys(plan).length) as Plan;
  }
}

export interface FastRead {
  /** What `planSchema.safeParse` returns as data. */
  plan: Plan;
  /** How many values `boundsIssue` counts in `plan`. */
  values: number;
  /**
   * False when `withKnownKeys` and `withUniqueIds` (restore.ts) are sure to return `plan` as it
   * is: every guide text key is one of the guide's, and no id of a kind is met twice.
   */
  mayNeedRepair: boolean;
}

/**
 * What `planSchema.safeParse(raw)` returns as data when `raw` is a plain, valid plan of the
 * current format, with what restore needs to know of it (`FastRead`); null for anything else,
 * and then only the schema can say. Never throws.
 */
export function readPlanFast(raw: unknown): FastRead | null {
  try {
    const reader = new Reader();
    const plan = reader.plan(raw);
    return { plan, values: reader.values, mayNeedRepair: reader.mayNeedRepair };
  } catch {
    return null;
  }
}
