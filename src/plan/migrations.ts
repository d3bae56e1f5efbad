import { PLAN_FORMAT_VERSION } from './schema';
import { emptySync, stampAt } from './stamps';

/*
 * One ordered list of numbered migrations. `MIGRATIONS[n]` turns data of version n into
 * version n + 1; each is a pure function on plain JSON with one line saying why.
 */
export type Migration = (plan: Record<string, unknown>) => Record<string, unknown>;

/** 1 → 2: a show can be run several times (rehearsals, the event): `show` becomes `shows`. */
export function showToRuns(plan: Record<string, unknown>): Record<string, unknown> {
  const { show, ...rest } = plan;
  if (show === null || show === undefined) return { ...rest, shows: [] };
  // The one record was the day's show: it becomes the event's run. Anything else is kept as
  // it was, so validation refuses it by name rather than the migration dropping it.
  const run =
    typeof show === 'object' && !Array.isArray(show)
      ? { id: 'run-1', kind: 'event', label: '', ...show }
      : show;
  return { ...rest, shows: [run] };
}

/** The replica id older plans' stamps are given: "the plan as it was before stamps". */
export const LEGACY_REPLICA = 'v1';

export const MIGRATIONS: Record<number, Migration> = {
  1: showToRuns,
  // 2 → 3: merge stamps (plan/stamps.ts); everything as it was counts from the last edit.
  2: (plan) => ({
    ...plan,
    sync: emptySync(stampAt(String(plan.updatedAt), LEGACY_REPLICA)),
  }),
};

export type VersionCheck =
  | { ok: true; version: number }
  | { ok: false; reason: 'tooNew'; version: number }
  | { ok: false; reason: 'unknownVersion'; version: unknown };

/**
 * The one check of a format version, for stored plans, files, links and migrations alike. A
 * version that is not a whole number from 1 (`"2"`, 1.5) is no version this app wrote: taking it
 * for the current one would read a newer format as this one. A version above `current` was
 * written by a newer app: never half-read, never overwritten.
 */
/** Above this, a version is taken for a damaged or made-up file rather than a newer app's. */
export const MAX_PLAUSIBLE_VERSION = 1000;

export function checkFormatVersion(
  version: unknown,
  current: number = PLAN_FORMAT_VERSION,
): VersionCheck {
  // A version no release of the app will reach (1e308, say) is no version: "reload for the
  // newest app" would never help.
  if (
    typeof version !== 'number' ||
    !Number.isInteger(version) ||
    version < 1 ||
    version > MAX_PLAUSIBLE_VERSION
  )
    return { ok: false, reason: 'unknownVersion', version };
  if (version > current) return { ok: false, reason: 'tooNew', version };
  return { ok: true, version };
}

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
  const checked = checkFormatVersion(version, current);
  if (!checked.ok) return checked;
  let plan = raw;
  for (let v = checked.version; v < current; v += 1) {
    const step = migrations[v];
    if (!step) return { ok: false, reason: 'unknownVersion', version };
    if (typeof plan !== 'object' || plan === null || Array.isArray(plan)) return { ok: true, plan };
    plan = step(plan as Record<string, unknown>);
  }
  return { ok: true, plan };
}
