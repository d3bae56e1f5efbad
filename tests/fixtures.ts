import { createPlanFromTemplate, type PlanDeps } from '@/plan/create-plan';
import type { Plan } from '@/plan/schema';

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

/**
 * A school assembly plan titled (and with the id) `title`, with `notes` characters of notes: a
 * plan as heavy as one from a file that carries data no page shows.
 */
export function heavyPlan(title: string, notes: number): Plan {
  const made = createPlanFromTemplate('school-assembly', { ...assemblyDetails, title }, testDeps());
  return { ...made, id: title, event: { ...made.event, notes: 'x'.repeat(notes) } };
}
