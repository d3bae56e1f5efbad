import type { Plan } from './schema';

/*
 * How much of the browser's storage a plan takes, so that a user whose storage is full can see
 * which plan to delete (a plan file can carry data no page shows: README, "Limits we know of").
 * A plan's share of the stored text is the length of its JSON. Plans are never changed in place
 * (an edit makes a new object), so each plan is measured once.
 */
const sizes = new WeakMap<Plan, number>();

/** Characters of the plan's stored text. */
export function storedSize(plan: Plan): number {
  let size = sizes.get(plan);
  if (size === undefined) {
    size = JSON.stringify(plan).length;
    sizes.set(plan, size);
  }
  return size;
}

/**
 * Browsers give a site about 5 million characters of storage (Chromium, Firefox, Safari). A plan
 * from a guide is 10–60 thousand; one with 1,000 agenda items about 650 thousand. From a tenth of
 * the room (about 1 MB), the plan's card says how much it takes.
 */
export const LARGE_PLAN_SIZE = 500_000;

export function isLargePlan(plan: Plan): boolean {
  return storedSize(plan) >= LARGE_PLAN_SIZE;
}

/** The `count` plans that take the most room, largest first (ties in the list's order). */
export function largestPlans(plans: readonly Plan[], count = 3): { plan: Plan; size: number }[] {
  return plans
    .map((plan) => ({ plan, size: storedSize(plan) }))
    .sort((a, b) => b.size - a.size)
    .slice(0, count);
}

/**
 * The room a stored text of `chars` characters takes, as the user reads it. Browsers keep the
 * text as UTF-16, two bytes a character, against a quota of about 10 MB a site (Chromium): so
 * the sizes shown add up to what fills it. In KB with one decimal (at least 0.1), from 1,000 KB
 * in MB (1 KB is 1,024 bytes, 1 MB 1,024 KB).
 */
export function sizeForReading(chars: number): { unit: 'MB' | 'KB'; value: number } {
  const kb = (chars * 2) / 1024;
  // From what would read 1,000.0 KB: never a four-digit KB figure.
  if (kb >= 999.95) return { unit: 'MB', value: Math.round(kb / 102.4) / 10 };
  return { unit: 'KB', value: Math.max(0.1, Math.round(kb * 10) / 10) };
}
