import { endedForCopy } from './live-show';
import { checkFormatVersion, migratePlan } from './migrations';
import { restorePlan, type PlanIssue } from './restore';
import { PLAN_FORMAT_VERSION, type Plan } from './schema';
import { emptySync, futureStampsIn, stampAt, withSeenCoveringStamps } from './stamps';
import type { GuideTranslate } from './text';

/*
 * The plan file: a versioned JSON envelope around one plan.
 *   { "format": "hour-of-code-plan", "version": 1, "exportedAt", "app", "plan" }
 * Reading goes through `restorePlan` like everything else; a file from a newer version is
 * refused with its own message, never half-read.
 */

export const PLAN_FILE_FORMAT = 'hour-of-code-plan';
/** Every plan at once, offered when the browser can't save: imports back like a plan file. */
export const BACKUP_FILE_FORMAT = 'hour-of-code-backup';
export const PLAN_FILE_EXTENSION = '.hocplan.json';
/** 5 MB: far above any real plan, small enough to read without freezing a phone. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface PlanFile {
  format: typeof PLAN_FILE_FORMAT;
  version: number;
  exportedAt: string;
  app: { name: string; version: string };
  plan: Plan;
}

export type PlanFileError =
  | { code: 'tooLarge'; bytes: number }
  /** Nothing but white space: an empty file, or a download that never got its content. */
  | { code: 'emptyFile' }
  | { code: 'notJson' }
  | { code: 'notPlanFile' }
  | { code: 'emptyBackup' }
  | { code: 'tooNew'; version: number }
  /**
   * Made on a device whose clock is more than a day ahead: its changes are dated up to `until`
   * (ISO time). Taken, they would win over every change made here until then.
   */
  | { code: 'futureStamps'; until: string }
  | { code: 'badVersion' }
  | { code: 'invalid'; issues: PlanIssue[] };

export type ReadResult =
  { ok: true; plan: Plan; version: number } | { ok: false; error: PlanFileError };

export interface SerializeOptions {
  /** Template texts are written out as the exporter saw them, next to their key. */
  translate: GuideTranslate;
  now: Date;
  appVersion: string;
}

/** Fills in the text of keyed (template) texts, so any reader can show them. */
export function withTextsAsSeen(plan: Plan, translate: GuideTranslate): Plan {
  const fill = <T extends { text?: string; title?: string }>(
    entry: T,
    key: string | null,
    field: 'text' | 'title',
  ): T =>
    key ? { ...entry, [field]: translate(key, (entry[field] as string | undefined) ?? '') } : entry;
  return {
    ...plan,
    checklist: {
      ...plan.checklist,
      sections: plan.checklist.sections.map((section) => ({
        ...fill(section, section.titleKey, 'title'),
        steps: section.steps.map((step) => fill(step, step.textKey, 'text')),
      })),
    },
    runOfShow: {
      ...plan.runOfShow,
      items: plan.runOfShow.items.map((item) => fill(item, item.titleKey, 'title')),
    },
  };
}

/**
 * The reverse, for merging a copy into the plan it came from: a keyed text the file carries as
 * its exporter saw it goes back to how this copy stores it, so a language difference is not a
 * change. Only where this copy has the same thing with the same key.
 */
export function withoutTextsAsSeen(copy: Plan, local: Plan): Plan {
  const sections = new Map(local.checklist.sections.map((s) => [s.id, s]));
  const steps = new Map(local.checklist.sections.flatMap((s) => s.steps.map((st) => [st.id, st])));
  const items = new Map(local.runOfShow.items.map((i) => [i.id, i]));
  const back = <T extends { id: string; text?: string; title?: string }>(
    entry: T,
    key: string | null,
    mine: (T & Record<string, unknown>) | undefined,
    keyField: 'textKey' | 'titleKey',
    field: 'text' | 'title',
  ): T => (key && mine && mine[keyField] === key ? { ...entry, [field]: mine[field] } : entry);
  return {
    ...copy,
    checklist: {
      ...copy.checklist,
      sections: copy.checklist.sections.map((section) => ({
        ...back(section, section.titleKey, sections.get(section.id), 'titleKey', 'title'),
        steps: section.steps.map((step) =>
          back(step, step.textKey, steps.get(step.id), 'textKey', 'text'),
        ),
      })),
    },
    runOfShow: {
      ...copy.runOfShow,
      items: copy.runOfShow.items.map((item) =>
        back(item, item.titleKey, items.get(item.id), 'titleKey', 'title'),
      ),
    },
  };
}

export function createPlanFile(plan: Plan, options: SerializeOptions): PlanFile {
  return {
    format: PLAN_FILE_FORMAT,
    version: PLAN_FORMAT_VERSION,
    exportedAt: options.now.toISOString(),
    app: { name: 'hour-of-code-planner', version: options.appVersion },
    plan: withTextsAsSeen(plan, options.translate),
  };
}

/** The file's text: indented, so a person can read it. */
export function serializePlan(plan: Plan, options: SerializeOptions): string {
  return `${JSON.stringify(createPlanFile(plan, options), null, 2)}\n`;
}

/** A safe file name from the title: `<title>.hocplan.json`. */
export function planFileName(title: string): string {
  const base = title
    .normalize('NFC')
    // Characters no file system accepts in a name, and control characters.
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
    // Direction controls: "evil<U+202E>nosj.fdp" would read as "evil" + "pdf.json" reversed.
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .replace(/^\.+/, '');
  return `${base || 'plan'}${PLAN_FILE_EXTENSION}`;
}

/** Keys that could reach an object's prototype are dropped while parsing. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * A text can only hold such a key if one of the words appears in it literally, or hides behind
 * a `\u` escape. Texts without any of them (nearly every real file) skip the reviver, which
 * would otherwise call back into JavaScript for every value and make parsing several times slower.
 * One pass of a regular expression: four `includes` cost as much as the parse itself.
 */
const MAY_HOLD_FORBIDDEN_KEY = /__proto__|constructor|prototype|\\u/;
const mayHoldForbiddenKey = (text: string) => MAY_HOLD_FORBIDDEN_KEY.test(text);

export function parseJsonSafely(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return {
      ok: true,
      value: mayHoldForbiddenKey(text)
        ? JSON.parse(text, (key, value: unknown) => (FORBIDDEN_KEYS.has(key) ? undefined : value))
        : JSON.parse(text),
    };
  } catch {
    return { ok: false };
  }
}

/** Byte length of a string as UTF-8, without allocating a copy for short texts. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * Over 5 MB as UTF-8. A UTF-16 unit is at most 3 bytes in UTF-8, so a text of up to a third of
 * the limit in length is under it without encoding anything (nearly every real file).
 */
function overSizeLimit(text: string): boolean {
  if (text.length > MAX_FILE_BYTES) return true;
  return text.length * 3 > MAX_FILE_BYTES && utf8Bytes(text) > MAX_FILE_BYTES;
}

/** The first version whose plans carry merge stamps (see migrations.ts). */
export const STAMPED_VERSION = 3;
/** The replica id given to an older file's plan: its stamps are the file's time. */
export const FILE_REPLICA = 'file';

/** Reads the envelope (already parsed) into a current plan, or says exactly what is wrong. */
export function restorePlanFile(value: unknown, nowMs: number = Date.now()): ReadResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: { code: 'notPlanFile' } };
  const file = value as Partial<Record<keyof PlanFile, unknown>>;
  if (file.format !== PLAN_FILE_FORMAT || !('plan' in file))
    return { ok: false, error: { code: 'notPlanFile' } };
  const checked = checkFormatVersion(file.version);
  if (!checked.ok)
    return checked.reason === 'tooNew'
      ? { ok: false, error: { code: 'tooNew', version: checked.version } }
      : { ok: false, error: { code: 'badVersion' } };
  const version = checked.version;
  const migrated = migratePlan(file.plan, version);
  if (!migrated.ok) return { ok: false, error: { code: 'badVersion' } };
  const restored = restorePlan(migrated.plan);
  if (!restored.ok) return { ok: false, error: { code: 'invalid', issues: restored.issues } };
  const plan = withFileStamps(restored.plan, version, file.exportedAt);
  const future = plan.sync ? futureStampsIn(plan.sync, nowMs) : null;
  if (future !== null)
    return { ok: false, error: { code: 'futureStamps', until: new Date(future).toISOString() } };
  return { ok: true, plan, version };
}

/**
 * A file from before stamps merges with the file's time as the stamp of everything in it. Stamps
 * are taken as they are: up to a day ahead of this device (`MAX_CLOCK_SKEW_MS`) they are accepted,
 * and each replica's `seen` covers its stamps so this tab's clock ticks past them; further ahead,
 * the caller refuses the file (a stamp brought back to now at each read would win each merge of
 * the same copy again).
 */
function withFileStamps(plan: Plan, version: number, exportedAt: unknown): Plan {
  if (
    version < STAMPED_VERSION &&
    typeof exportedAt === 'string' &&
    Number.isFinite(Date.parse(exportedAt))
  )
    return { ...plan, sync: emptySync(stampAt(exportedAt, FILE_REPLICA)) };
  if (!plan.sync) return plan;
  const sync = withSeenCoveringStamps(plan.sync);
  return sync === plan.sync ? plan : { ...plan, sync };
}

/**
 * A byte-order mark at the start (Windows editors write one) is not part of the JSON: the file
 * picker's `File.text()` drops it, a pasted text keeps it.
 */
const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

// Nothing but white space, however long (a search for the first other character: no copy).
const isBlank = (text: string) => !/\S/.test(text);

/** The whole way from a file's text to a plan. Never throws. */
export function readPlanFile(input: string): ReadResult {
  const text = withoutBom(input);
  if (isBlank(text)) return { ok: false, error: { code: 'emptyFile' } };
  // Checked before parsing: JSON.parse of a huge text is what would freeze the tab.
  if (overSizeLimit(text)) {
    return { ok: false, error: { code: 'tooLarge', bytes: utf8Bytes(text) } };
  }
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return { ok: false, error: { code: 'notJson' } };
  return restorePlanFile(parsed.value);
}

/**
 * The characters a plan id may have to be kept on import (what `crypto.randomUUID` writes is
 * among them). An id goes into the plan's address: one like `../x/y?z#w`, `other/print` or one
 * holding a line break would open "not found" or another plan's page.
 */
const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function isSafeId(id: string): boolean {
  return SAFE_ID.test(id);
}

/**
 * An imported plan is always added as a new plan: it gets a fresh id when its id is already
 * used here, so it can never overwrite one, or when it holds characters outside the safe set.
 * A run of the show still going on in the copy is ended where it stood (`endedForCopy`).
 */
export function prepareImport(
  plan: Plan,
  takenIds: ReadonlySet<string>,
  newId: () => string,
): Plan {
  const copy = plan.shows.some((run) => !run.finishedAt)
    ? { ...plan, shows: plan.shows.map(endedForCopy) }
    : plan;
  return takenIds.has(copy.id) || !isSafeId(copy.id) ? { ...copy, id: newId() } : copy;
}

export interface BackupFile {
  format: typeof BACKUP_FILE_FORMAT;
  version: number;
  exportedAt: string;
  app: { name: string; version: string };
  plans: Plan[];
}

export function serializeBackup(plans: readonly Plan[], options: SerializeOptions): string {
  const file: BackupFile = {
    format: BACKUP_FILE_FORMAT,
    version: PLAN_FORMAT_VERSION,
    exportedAt: options.now.toISOString(),
    app: { name: 'hour-of-code-planner', version: options.appVersion },
    plans: plans.map((plan) => withTextsAsSeen(plan, options.translate)),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportResult = { ok: true; plans: Plan[] } | { ok: false; error: PlanFileError };

/**
 * What the import accepts: a plan file, or a backup of several plans (all of them or none:
 * a backup with one bad plan is refused whole, naming the plan).
 */
export function readImportText(input: string): ImportResult {
  const text = withoutBom(input);
  if (isBlank(text)) return { ok: false, error: { code: 'emptyFile' } };
  if (overSizeLimit(text)) {
    return { ok: false, error: { code: 'tooLarge', bytes: utf8Bytes(text) } };
  }
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return { ok: false, error: { code: 'notJson' } };
  const value = parsed.value as Partial<BackupFile> | null;
  if (typeof value !== 'object' || value === null || value.format !== BACKUP_FILE_FORMAT) {
    const single = restorePlanFile(parsed.value);
    return single.ok ? { ok: true, plans: [single.plan] } : single;
  }
  if (!Array.isArray(value.plans)) return { ok: false, error: { code: 'notPlanFile' } };
  // A backup with no plans would import nothing and say nothing: the user is told instead.
  if (value.plans.length === 0) return { ok: false, error: { code: 'emptyBackup' } };
  const plans: Plan[] = [];
  for (const [index, plan] of value.plans.entries()) {
    const result = restorePlanFile({ format: PLAN_FILE_FORMAT, version: value.version, plan });
    if (!result.ok) {
      if (result.error.code !== 'invalid') return result;
      const issues = result.error.issues.map((issue) => ({
        ...issue,
        path: ['plans', index, ...issue.path],
      }));
      return { ok: false, error: { code: 'invalid', issues } };
    }
    plans.push(result.plan);
  }
  return { ok: true, plans };
}
