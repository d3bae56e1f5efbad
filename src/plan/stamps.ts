/*
 * Version stamps for merging copies of a plan (see merge.ts and the README's "Merging copies").
 *
 * A stamp is a hybrid logical clock reading: wall time in ms, a counter for several changes in
 * the same ms (or after seeing a stamp from a clock that runs ahead), and the replica that made
 * it. It is written as one string whose character order is the clock's order:
 *   9 base-36 digits of wall time · 4 base-36 digits of counter · replica id (1–16 of [0-9a-z])
 * so comparing two stamps is comparing two strings, and a plan with thousands of them stays small.
 */

export type Stamp = string;

/** The stamps a plan carries: one register per field that changed, one tombstone per deletion. */
export type PlanSync = {
  /** The stamp of every field without its own (the plan as it was when stamping began). */
  base: Stamp;
  /** Per replica, the newest of its stamps this copy has merged: what this copy "knows". */
  seen: Record<string, Stamp>;
  /** Register stamps by key: "plan.title", "event.date", "step:<id>", "step:<id>.done", "order:items"… */
  stamps: Record<string, Stamp>;
  /** Tombstones by entity key ("step:<id>", "item:<id>", "section:<id>"): when it was deleted. */
  gone: Record<string, Stamp>;
  /** The name a replica's person gave ("Your name"), to say who did what. */
  names: Record<string, string>;
  /**
   * Registers whose value Undo or Redo put back: the stamp of the change that first made that
   * value, so "ticked by …" keeps naming who did it. Absent when there is none.
   */
  credit?: Record<string, Stamp>;
};

/*
 * A replica id is looked up as a record key (`seen`, `names`): "constructor", the one name of
 * Object's built-ins these characters can spell, is not an id (every lookup also checks
 * `Object.hasOwn`, see `own`).
 */
export const STAMP_PATTERN = /^[0-9a-z]{13}(?!constructor$)[0-9a-z]{1,16}$/;
export const REPLICA_PATTERN = /^(?!constructor$)[0-9a-z]{1,16}$/;
/** Wall time fits 9 base-36 digits until the year 5188. */
const MAX_WALL = 36 ** 9 - 1;
const MAX_COUNTER = 36 ** 4 - 1;
/**
 * One day: clocks of real devices disagree by seconds, but a device set to the wrong time zone
 * runs hours ahead, and its copy is still a real colleague's work. Stamps up to this far ahead
 * are taken as they are (the clock then ticks past them, so later changes here still win);
 * a copy with stamps further ahead is refused (`futureStampsIn`), and the clock never follows one.
 */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/**
 * Most entries a stamp record may hold: 20,000 tombstones (ten times the largest agenda, far more
 * than a real plan deletes); more is a hand-made file, refused. Edits and merges keep the newest
 * ones when there would be more (`withBoundedTombstones`), so they never make a plan storage
 * refuses. Seen and names: one entry per tab or device that ever edited the plan.
 */
export const MAX_TOMBSTONES = 20_000;
export const MAX_REPLICAS = 10_000;

/** `record[key]` when the record itself has it: never a value Object's prototype holds. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * The stamp of the change that first made a register's value: its credit when Undo or Redo put
 * the value back (`PlanSync.credit`), else its own stamp; undefined for a register without one.
 */
export function firstMadeStamp(sync: PlanSync, key: string): Stamp | undefined {
  const stamp = own(sync.stamps, key);
  return stamp === undefined ? undefined : (own(sync.credit ?? {}, key) ?? stamp);
}

export const ZERO_STAMP: Stamp = makeStamp(0, 0, '0');

export function makeStamp(wall: number, counter: number, replica: string): Stamp {
  const w = Math.max(0, Math.min(MAX_WALL, Math.floor(wall)));
  const c = Math.max(0, Math.min(MAX_COUNTER, Math.floor(counter)));
  return `${w.toString(36).padStart(9, '0')}${c.toString(36).padStart(4, '0')}${replica}`;
}

export const stampWall = (stamp: Stamp): number => parseInt(stamp.slice(0, 9), 36);
export const stampCounter = (stamp: Stamp): number => parseInt(stamp.slice(9, 13), 36);
export const stampReplica = (stamp: Stamp): string => stamp.slice(13);

export const maxStamp = (a: Stamp, b: Stamp): Stamp => (a >= b ? a : b);

/** Whether a copy that has seen `seen` has merged (or made) `stamp`. */
export function knows(seen: Record<string, Stamp>, stamp: Stamp): boolean {
  const newest = own(seen, stampReplica(stamp));
  return newest !== undefined && newest >= stamp;
}

export function emptySync(base: Stamp = ZERO_STAMP): PlanSync {
  return { base, seen: { [stampReplica(base)]: base }, stamps: {}, gone: {}, names: {} };
}

/** The stamps of a plan, or an empty set for a plan that has none (older or hand-written). */
export function syncOf(plan: { sync?: PlanSync | undefined }): PlanSync {
  return plan.sync ?? EMPTY_SYNC;
}
const EMPTY_SYNC: PlanSync = emptySync();

/** A stamp for a moment known only by its time (an older file's export time). */
export function stampAt(iso: string, replica: string): Stamp {
  const wall = Date.parse(iso);
  return makeStamp(Number.isFinite(wall) ? wall : 0, 0, replica);
}

/**
 * A hybrid logical clock for one replica (one open tab): never goes back, and after `observe`
 * always ticks past every stamp it has seen, so a change made after merging a copy is later
 * than everything in that copy, even when the other device's clock runs ahead.
 */
export interface Clock {
  readonly replica: string;
  tick: () => Stamp;
  observe: (stamp: Stamp) => void;
}

export function createClock(replica: string, now: () => number = Date.now): Clock {
  if (!REPLICA_PATTERN.test(replica)) throw new Error(`bad replica id: ${replica}`);
  let wall = 0;
  let counter = 0;
  return {
    replica,
    tick() {
      const physical = now();
      if (physical > wall) {
        wall = physical;
        counter = 0;
      } else counter += 1;
      if (counter > MAX_COUNTER) {
        wall += 1;
        counter = 0;
      }
      return makeStamp(wall, counter, replica);
    },
    observe(stamp) {
      const w = stampWall(stamp);
      // A stamp from a clock wrong by more than a day (or a forged one) is not followed: it
      // would carry this tab's clock, and every later change, into its future for good.
      if (!(w <= now() + MAX_CLOCK_SKEW_MS)) return;
      const c = stampCounter(stamp);
      if (w > wall || (w === wall && c > counter)) {
        wall = w;
        counter = c;
      }
    },
  };
}

/** A new replica id: 10 base-36 characters from the platform's random source. */
export function newReplicaId(random: () => number = Math.random): string {
  let id = '';
  for (let i = 0; i < 10; i += 1) id += Math.floor(random() * 36).toString(36);
  return id;
}

/** Every stamp a plan's sync holds: base, seen, registers, tombstones, credit. */
function* allStamps(sync: PlanSync): Generator<Stamp> {
  yield sync.base;
  for (const record of [sync.seen, sync.stamps, sync.gone, sync.credit ?? {}])
    for (const key of Object.keys(record)) yield record[key]!;
}

/**
 * The wall time (ms) of the latest stamp further ahead of `nowMs` than a clock may run
 * (`MAX_CLOCK_SKEW_MS`), or null when there is none. A copy with such stamps is refused, never
 * brought back to now: a stamp rewritten at each read would win each merge of the same copy again.
 */
export function futureStampsIn(sync: PlanSync, nowMs: number): number | null {
  const limit = nowMs + MAX_CLOCK_SKEW_MS;
  let latest: number | null = null;
  for (const s of allStamps(sync)) {
    const wall = stampWall(s);
    if (wall > limit && (latest === null || wall > latest)) latest = wall;
  }
  return latest;
}

/**
 * The sync with each replica's `seen` raised to its newest stamp in the plan: a copy written by
 * hand may hold stamps its `seen` doesn't cover, and the clock (which follows `seen`) must tick
 * past them, or a later change here would lose to them.
 */
export function withSeenCoveringStamps(sync: PlanSync): PlanSync {
  let seen: Record<string, Stamp> | null = null;
  for (const s of allStamps(sync)) {
    const replica = stampReplica(s);
    const known = own(seen ?? sync.seen, replica);
    if (known !== undefined && known >= s) continue;
    seen ??= { ...sync.seen };
    seen[replica] = s;
  }
  return seen ? { ...sync, seen } : sync;
}

/**
 * Tombstones beyond `MAX_TOMBSTONES`: the newest are kept (ties by key), so the result is the
 * same whichever copy it came from. A thing deleted that long ago may come back from a copy
 * older than all of them.
 */
export function withBoundedTombstones(gone: Record<string, Stamp>): Record<string, Stamp> {
  const keys = Object.keys(gone);
  if (keys.length <= MAX_TOMBSTONES) return gone;
  keys.sort((x, y) => (gone[x]! > gone[y]! ? -1 : gone[x]! < gone[y]! ? 1 : x < y ? -1 : 1));
  const out: Record<string, Stamp> = {};
  for (const key of keys.slice(0, MAX_TOMBSTONES)) out[key] = gone[key]!;
  return out;
}
