import type { z } from 'zod/mini';
import { countSteps } from './checklist';
import { deepEqual } from './equal';
import { readPlanFast } from './fast-plan';
import { LIMITS, STAMP_KEY_LENGTH, schemas, type Plan } from './schema';
import { MAX_REPLICAS, MAX_TOMBSTONES, type PlanSync } from './stamps';
import { GUIDE_TEXT_KEYS } from './templates';

/*
 * The one door in: anything read from storage, a file or a link becomes a valid current plan or
 * a typed error through here. It never throws.
 */

export interface PlanIssue {
  /** Where in the plan: ["runOfShow", "items", 2, "durationMinutes"]. */
  path: (string | number)[];
  code: string;
  message: string;
}

export type RestoreResult = { ok: true; plan: Plan } | { ok: false; issues: PlanIssue[] };

/**
 * Bounds on the plan as a whole, fields a newer version added (kept as they are) included. The
 * schema's own shape is at most 6 levels deep; 24 leaves room for any future field while a
 * `[[[…]]]` thousands deep, which would overflow the stack in `JSON.stringify` and stop every
 * later save, is refused. The count of values bounds the size of unknown fields: the largest
 * plan the limits allow in 5 MB holds about a fifth of it.
 */
export const MAX_PLAN_DEPTH = 24;
export const MAX_PLAN_VALUES = 250_000;

/**
 * Walks `raw` without recursion (so no depth can overflow the stack) and says where it first
 * goes deeper than `maxDepth` or holds more than `maxValues` values, or null when it doesn't.
 */
export function boundsIssue(
  raw: unknown,
  maxDepth = MAX_PLAN_DEPTH,
  maxValues = MAX_PLAN_VALUES,
): PlanIssue | null {
  interface Node {
    value: unknown;
    depth: number;
    key: string | number | null;
    parent: Node | null;
  }
  const pathOf = (node: Node): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let n: Node | null = node; n && n.key !== null; n = n.parent) path.unshift(n.key);
    // The start of the path names the place; a thousand levels of `0` would name nothing more.
    return path.slice(0, 8);
  };
  const stack: Node[] = [{ value: raw, depth: 0, key: null, parent: null }];
  let count = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    count += 1;
    if (count > maxValues)
      return { path: [], code: 'too_many_values', message: `more than ${maxValues} values` };
    const { value, depth } = node;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxDepth)
      return { path: pathOf(node), code: 'too_deep', message: `nested deeper than ${maxDepth}` };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1)
        stack.push({ value: value[i], depth: depth + 1, key: i, parent: node });
    } else {
      for (const key of Object.keys(value))
        stack.push({
          value: (value as Record<string, unknown>)[key],
          depth: depth + 1,
          key,
          parent: node,
        });
    }
  }
  return null;
}

/**
 * A guide text key from outside must name one of the guide's texts (the templates' keys):
 * anything else (`"step"`, `"common:plans.title"`) would show an i18next error or another
 * page's text. Such a key is dropped and the plain text kept. Unchanged parts stay the same
 * objects.
 */
export function withKnownKeys(plan: Plan): Plan {
  const known = (key: string | null) => key === null || GUIDE_TEXT_KEYS.has(key);
  let changed = false;
  const sections = plan.checklist.sections.map((section) => {
    let sectionChanged = false;
    const steps = section.steps.map((step) => {
      const linksKnown = step.links.every((link) => known(link.labelKey));
      if (known(step.textKey) && known(step.originKey) && linksKnown) return step;
      sectionChanged = true;
      return {
        ...step,
        textKey: known(step.textKey) ? step.textKey : null,
        originKey: known(step.originKey) ? step.originKey : null,
        links: linksKnown
          ? step.links
          : step.links.map((link) => (known(link.labelKey) ? link : { ...link, labelKey: null })),
      };
    });
    if (!sectionChanged && known(section.titleKey)) return section;
    changed = true;
    return { ...section, titleKey: known(section.titleKey) ? section.titleKey : null, steps };
  });
  const items = plan.runOfShow.items.map((item) => {
    if (known(item.titleKey)) return item;
    changed = true;
    return { ...item, titleKey: null };
  });
  const shows = plan.shows.map((run) => {
    if (run.entries.every((entry) => known(entry.titleKey))) return run;
    changed = true;
    return {
      ...run,
      entries: run.entries.map((entry) =>
        known(entry.titleKey) ? entry : { ...entry, titleKey: null },
      ),
    };
  });
  if (!changed) return plan;
  return {
    ...plan,
    checklist: { ...plan.checklist, sections },
    runOfShow: { ...plan.runOfShow, items },
    shows,
  };
}

function toIssues(error: z.core.$ZodError): PlanIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    code: issue.code,
    message: issue.message,
  }));
}

/**
 * The longest name a field of the plan, the event, the lists' holders, a section, a step or an
 * item may have. Each is a register (registers.ts) whose key holds it: `section:<id>.<field>`,
 * the longest, must fit the stamp records' keys (`STAMP_KEY_LENGTH`), or the first edit of such
 * a field would stamp a key the schema refuses and the stored plan would be set aside. Names of
 * the app's own fields are far shorter; a longer one (a field a hand-made file added) is dropped.
 */
export const MAX_FIELD_NAME_LENGTH = STAMP_KEY_LENGTH - 'section:'.length - LIMITS.idLength - 1;

function withoutLongNames<T extends object>(entry: T): T {
  const keys = Object.keys(entry);
  if (keys.every((k) => k.length <= MAX_FIELD_NAME_LENGTH)) return entry;
  const out: Record<string, unknown> = {};
  for (const k of keys)
    if (k.length <= MAX_FIELD_NAME_LENGTH) out[k] = (entry as Record<string, unknown>)[k];
  return out as T;
}

/** The plan without field names too long for a register key. Unchanged parts stay the same objects. */
export function withShortFieldNames(plan: Plan): Plan {
  let changed = false;
  const keep = <T extends object>(entry: T): T => {
    const next = withoutLongNames(entry);
    if (next !== entry) changed = true;
    return next;
  };
  const sections = plan.checklist.sections.map((section) => {
    const steps = section.steps.map(keep);
    const next = keep(section);
    return next === section && steps.every((s, i) => s === section.steps[i])
      ? section
      : { ...next, steps };
  });
  const items = plan.runOfShow.items.map(keep);
  const top = keep(plan);
  const event = keep(plan.event);
  const checklist = keep(plan.checklist);
  const runOfShow = keep(plan.runOfShow);
  if (!changed) return plan;
  return {
    ...top,
    event,
    checklist: { ...checklist, sections },
    runOfShow: { ...runOfShow, items },
  };
}

/**
 * A new id for the repeat of `id`: the safe characters of it (those an address takes, as
 * `isSafeId` in file-format.ts) and "-2", "-3"… the first not taken.
 */
function freshId(id: string, taken: Set<string>): string {
  const stem = id.replace(/[^A-Za-z0-9_-]/g, '') || 'x';
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${stem.slice(0, LIMITS.idLength - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Ids are what a merge joins copies by: each section, step (across all sections), agenda item
 * and run of the show is one thing. A hand-made file may repeat one: an exact repeat is dropped,
 * any other gets a new id (`freshId`, never one of the plan's ids or tombstones), deterministically,
 * so a plan stored with repeats is repaired, never set aside. A step and an item may share an id:
 * their registers (`step:<id>`, `item:<id>`) are apart. Unchanged parts stay the same objects.
 */
export function withUniqueIds(plan: Plan): Plan {
  const gone = plan.sync ? Object.keys(plan.sync.gone) : [];
  let changed = false;
  /** The ids of one kind met so far (first of each) and every id that kind may not get. */
  const kind = <T extends { id: string }>(all: readonly T[], prefix: string) => ({
    first: new Map<string, T>(),
    taken: new Set([
      ...all.map((x) => x.id),
      ...gone.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)),
    ]),
  });
  /** The list with each id once, or the same list when it had no repeats. */
  const unique = <T extends { id: string }>(
    list: readonly T[],
    seen: ReturnType<typeof kind<T>>,
  ): T[] => {
    let out: T[] | null = null;
    list.forEach((x, i) => {
      const was = seen.first.get(x.id);
      if (was === undefined) {
        seen.first.set(x.id, x);
        out?.push(x);
        return;
      }
      out ??= list.slice(0, i);
      if (deepEqual(was, x)) return;
      const renamed = { ...x, id: freshId(x.id, seen.taken) };
      seen.taken.add(renamed.id);
      seen.first.set(renamed.id, renamed);
      out.push(renamed);
    });
    if (!out) return list as T[];
    changed = true;
    return out;
  };
  const sections = unique(plan.checklist.sections, kind(plan.checklist.sections, 'section:'));
  // Steps are one set across sections (a step moves between them by its id).
  const steps = kind(
    plan.checklist.sections.flatMap((s) => s.steps),
    'step:',
  );
  const checklistSections = sections.map((section) => {
    const list = unique(section.steps, steps);
    return list === section.steps ? section : { ...section, steps: list };
  });
  const items = unique(plan.runOfShow.items, kind(plan.runOfShow.items, 'item:'));
  const shows = unique(plan.shows, kind(plan.shows, 'run:'));
  if (!changed) return plan;
  return {
    ...plan,
    checklist: { ...plan.checklist, sections: checklistSections },
    runOfShow: { ...plan.runOfShow, items },
    shows,
  };
}

/**
 * Bounds on the merge stamps: more tombstones, replicas or registers than a real plan ever
 * has (`MAX_TOMBSTONES`, `MAX_REPLICAS`; a register per value the plan may hold) is a hand-made
 * file, refused like any plan with too many values.
 */
function syncBoundsIssue(sync: PlanSync | undefined): PlanIssue | null {
  if (!sync) return null;
  const bounds: [keyof PlanSync, number][] = [
    ['gone', MAX_TOMBSTONES],
    ['seen', MAX_REPLICAS],
    ['names', MAX_REPLICAS],
    ['stamps', MAX_PLAN_VALUES / 2],
    ['credit', MAX_PLAN_VALUES / 2],
  ];
  for (const [field, max] of bounds) {
    const record = sync[field] as Record<string, unknown> | undefined;
    if (record && Object.keys(record).length > max)
      return { path: ['sync', field], code: 'too_many_values', message: `more than ${max} values` };
  }
  return null;
}

/** More steps in the whole checklist than a plan may have (each section is within its own). */
function stepsIssue(plan: Plan): PlanIssue | null {
  const steps = countSteps(plan);
  return steps > LIMITS.maxSteps
    ? {
        path: ['checklist', 'sections'],
        code: 'too_many_steps',
        message: `${steps} steps, more than ${LIMITS.maxSteps}`,
      }
    : null;
}

export function restorePlan(raw: unknown): RestoreResult {
  return restore(raw, true);
}

/**
 * `restorePlan` through the schema alone, without the fast path (fast-plan.ts): the reference
 * the fast path is tested against. Gives the same result for every input.
 */
export function restorePlanBySchema(raw: unknown): RestoreResult {
  return restore(raw, false);
}

function restore(raw: unknown, fast: boolean): RestoreResult {
  try {
    // A plain, valid plan of the current format is read by hand, as the schema would read it;
    // anything else (null) goes through the bounds and the schema, which say what is wrong.
    const read = fast ? readPlanFast(raw) : null;
    // Its values are counted as `boundsIssue` counts them: what it returns holds every value of
    // `raw` and the defaults, and is no deeper than the schema, so `raw` is within bounds too.
    if (read && read.values > MAX_PLAN_VALUES) return restore(raw, false);
    if (read && !read.mayNeedRepair) {
      // Nothing to repair, and its field names are the schema's own (all short): the plan is
      // ready, and its values were counted.
      const issue = syncBoundsIssue(read.plan.sync) ?? stepsIssue(read.plan);
      return issue ? { ok: false, issues: [issue] } : { ok: true, plan: read.plan };
    }
    let data: Plan;
    if (read) data = read.plan;
    else {
      const bounds = boundsIssue(raw);
      if (bounds) return { ok: false, issues: [bounds] };
      const parsed = schemas().planSchema.safeParse(raw);
      if (!parsed.success) return { ok: false, issues: toIssues(parsed.error) };
      data = parsed.data;
    }
    const plan = withUniqueIds(withShortFieldNames(withKnownKeys(data)));
    // Counted again as it will be stored: the defaults filled in can make a plan of bare ids
    // several times bigger, and storage would refuse it at the next reading.
    const filled = boundsIssue(plan) ?? syncBoundsIssue(plan.sync) ?? stepsIssue(plan);
    return filled ? { ok: false, issues: [filled] } : { ok: true, plan };
  } catch (error) {
    // Getters that throw: refuse, never crash the caller.
    return { ok: false, issues: [{ path: [], code: 'unreadable', message: String(error) }] };
  }
}
