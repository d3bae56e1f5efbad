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

export const STAMP_PATTERN = /^[0-9a-z]{13}[0-9a-z]{1,16}$/;
export const REPLICA_PATTERN = /^[0-9a-z]{1,16}$/;
/** Wall time fits 9 base-36 digits until the year 5188. */
const MAX_WALL = 36 ** 9 - 1;
const MAX_COUNTER = 36 ** 4 - 1;
/** 10 minutes: clocks of real devices disagree by seconds; more than this is a wrong clock. */
export const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;

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
  const newest = seen[stampReplica(stamp)];
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

/**
 * Stamps from a clock far ahead of ours (a wrong device clock, or a hand-edited file) would win
 * every merge for as long as they are in the future: they are brought back to now.
 */
export function clampSync(sync: PlanSync, nowMs: number): PlanSync {
  const limit = nowMs + MAX_CLOCK_SKEW_MS;
  let changed = false;
  const clamp = (s: Stamp): Stamp => {
    if (stampWall(s) <= limit) return s;
    changed = true;
    return makeStamp(nowMs, stampCounter(s), stampReplica(s));
  };
  const map = (record: Record<string, Stamp>) => {
    const out: Record<string, Stamp> = {};
    for (const key of Object.keys(record)) out[key] = clamp(record[key]!);
    return out;
  };
  const next: PlanSync = {
    ...sync,
    base: clamp(sync.base),
    seen: map(sync.seen),
    stamps: map(sync.stamps),
    gone: map(sync.gone),
  };
  if (sync.credit) next.credit = map(sync.credit);
  return changed ? next : sync;
}
