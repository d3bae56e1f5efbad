import type { z } from 'zod/mini';
import { planSchema, type Plan } from './schema';

/*
 * The one door in: anything read from storage (and, later, from a file or a link) becomes a
 * valid current plan or a typed error through here. It never throws.
 */

export interface PlanIssue {
  /** Where in the plan: ["runOfShow", "items", 2, "durationMinutes"]. */
  path: (string | number)[];
  code: string;
  message: string;
}

export type RestoreResult = { ok: true; plan: Plan } | { ok: false; issues: PlanIssue[] };

function toIssues(error: z.core.$ZodError): PlanIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    code: issue.code,
    message: issue.message,
  }));
}

export function restorePlan(raw: unknown): RestoreResult {
  try {
    const parsed = planSchema.safeParse(raw);
    return parsed.success
      ? { ok: true, plan: parsed.data }
      : { ok: false, issues: toIssues(parsed.error) };
  } catch (error) {
    // Getters that throw, or structures too deep to walk: refuse, never crash the caller.
    return { ok: false, issues: [{ path: [], code: 'unreadable', message: String(error) }] };
  }
}
