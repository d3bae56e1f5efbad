import { PLAN_FORMAT_VERSION } from './schema';
import { emptySync, stampAt } from './stamps';

/*
 * One ordered list of numbered migrations. `MIGRATIONS[n]` turns data of version n into
 * version n + 1; each is a pure function on plain JSON with one line saying why.
 * Version 1 is the first stored format.
 */
export type Migration = (plan: Record<string, unknown>) => Record<string, unknown>;

/** The replica id older plans' stamps are given: "the plan as it was before stamps". */
export const LEGACY_REPLICA = 'v1';

export const MIGRATIONS: Record<number, Migration> = {
  // 1 → 2: merge stamps (plan/stamps.ts); everything as it was counts from the last edit.
  1: (plan) => ({
    ...plan,
    sync: emptySync(stampAt(String(plan.updatedAt), LEGACY_REPLICA)),
  }),
};

export type MigrateResult =
  | { ok: true; plan: unknown }
  | { ok: false; reason: 'tooNew' | 'unknownVersion'; version: unknown };

/** Brings a raw plan written by `version` up to the current version. */
export function migratePlan(
  raw: unknown,
  version: unknown,
  migrations: Record<number, Migration> = MIGRATIONS,
  current: number = PLAN_FORMAT_VERSION,
): MigrateResult {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'unknownVersion', version };
  }
  if (version > current) return { ok: false, reason: 'tooNew', version };
  let plan = raw;
  for (let v = version; v < current; v += 1) {
    const step = migrations[v];
    if (!step) return { ok: false, reason: 'unknownVersion', version };
    if (typeof plan !== 'object' || plan === null || Array.isArray(plan)) return { ok: true, plan };
    plan = step(plan as Record<string, unknown>);
  }
  return { ok: true, plan };
}
