import type { PlanDeps } from '@/plan/create-plan';

/** A fixed clock and counting ids, so plans made in tests are the same every run. */
export function testDeps(start = '2026-11-22T09:00:00.000Z'): PlanDeps {
  let n = 0;
  return { now: () => new Date(start), newId: () => `id-${++n}` };
}

export const assemblyDetails = {
  title: 'Assembly',
  date: '2026-12-07',
  startTime: '10:00',
  place: 'Hall',
};
