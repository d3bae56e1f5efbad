import { parseJsonSafely } from '@/plan/file-format';
import { checkFormatVersion, migratePlan } from '@/plan/migrations';
import { restorePlan } from '@/plan/restore';
import { PLAN_FORMAT_VERSION, type Plan } from '@/plan/schema';
import type { RejectedPlan } from './storage-problems';

/*
 * The stored text of the plans (`hoc-planner.plans`), pure: reading it into a verdict, the plans
 * in it through migrations and the schema, and writing it. Side effects (reading storage,
 * keeping data aside, telling the banner) are the sync's (plans-sync.ts).
 *
 * The format: `{"state": {"plans": [...]}, "version": 3}`; the envelope zustand's `persist`
 * wrote, kept so data stored by earlier versions reads as before.
 */

export type StoredRead =
  | { kind: 'empty' }
  | { kind: 'ok'; version: number; plans: unknown[] }
  /** Not the planner's format, an unknown version, or no list of plans: keep it aside. */
  | { kind: 'damaged'; reason: string }
  /** Written by a newer version of the app: never read, never overwritten. */
  | { kind: 'newer'; version: number };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the stored text holds. Never throws. */
export function readStoredText(raw: string | null): StoredRead {
  if (raw === null) return { kind: 'empty' };
  const parsed = parseJsonSafely(raw);
  const value = parsed.ok ? parsed.value : undefined;
  if (!isRecord(value) || !('state' in value))
    return { kind: 'damaged', reason: 'not the planner’s format' };
  // Stored text without a version is the current format; any version there is checked like a
  // file's (one rule: `checkFormatVersion`).
  const checked =
    value.version === undefined
      ? { ok: true as const, version: PLAN_FORMAT_VERSION }
      : checkFormatVersion(value.version);
  if (!checked.ok)
    return checked.reason === 'tooNew'
      ? { kind: 'newer', version: checked.version }
      : { kind: 'damaged', reason: 'unknown version' };
  // `{"state": …}` without a list of plans is damaged too: replacing it would lose it silently.
  const state = value.state;
  if (!isRecord(state) || !Array.isArray(state.plans))
    return { kind: 'damaged', reason: 'no list of plans' };
  return { kind: 'ok', version: checked.version, plans: state.plans };
}

/** The text written to storage: the plans only, never UI state or undo history. */
export function serializeStoredPlans(plans: readonly Plan[]): string {
  return JSON.stringify({ state: { plans }, version: PLAN_FORMAT_VERSION });
}

/**
 * Every stored plan goes through the migrations and `restorePlan` (the schema); what fails it,
 * or repeats an id, is handed to `keepAside` (which copies it under a backup key and returns
 * the key, or null when it could not) and returned with that key: never dropped silently.
 */
export function restoreStoredPlans(
  list: readonly unknown[],
  version: number,
  keepAside: (raw: string, reason: string) => string | null,
  storedText: string | null = null,
): { plans: Plan[]; rejected: RejectedPlan[]; unreadable: Unreadable } {
  const plans: Plan[] = [];
  const seen = new Set<string>();
  const rejected: RejectedPlan[] = [];
  const unreadableIds = new Set<string>();
  let unknownRejected = false;
  for (const item of list) {
    const migrated = migratePlan(item, version);
    const result = migrated.ok
      ? restorePlan(migrated.plan)
      : ({ ok: false, issues: [{ path: [], code: migrated.reason }] } as const);
    if (result.ok && !seen.has(result.plan.id)) {
      seen.add(result.plan.id);
      plans.push(result.plan);
      continue;
    }
    const reason = result.ok
      ? 'duplicate id'
      : result.issues.map((i) => `${i.path.join('.') || '(plan)'}: ${i.code}`).join('; ');
    // A plan nested too deep for JSON.stringify is kept aside with the whole stored text.
    const raw = stringifyOrNull(item) ?? storedText ?? 'null';
    rejected.push({ raw, backupKey: keepAside(raw, `a plan failed validation: ${reason}`) });
    const id = idOf(item);
    if (id === null) unknownRejected = true;
    else unreadableIds.add(id);
  }
  return { plans, rejected, unreadable: unknownRejected ? 'any' : unreadableIds };
}

/**
 * The plans stored but not read (damaged, written by another version): their ids, or 'any' where
 * a damaged entry has no readable id. A plan among them is not a plan deleted elsewhere.
 */
export type Unreadable = ReadonlySet<string> | 'any';

/** A stored entry's id, where it has one (a plan that failed its checks often still does). */
function idOf(item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return null;
  const id = (item as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

/** JSON text, or null where the value can't be written (nested deeper than the stack allows). */
function stringifyOrNull(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}
