import type { z } from 'zod/mini';
import { planSchema, type Plan } from './schema';
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

export function restorePlan(raw: unknown): RestoreResult {
  try {
    const bounds = boundsIssue(raw);
    if (bounds) return { ok: false, issues: [bounds] };
    const parsed = planSchema.safeParse(raw);
    return parsed.success
      ? { ok: true, plan: withKnownKeys(parsed.data) }
      : { ok: false, issues: toIssues(parsed.error) };
  } catch (error) {
    // Getters that throw: refuse, never crash the caller.
    return { ok: false, issues: [{ path: [], code: 'unreadable', message: String(error) }] };
  }
}
