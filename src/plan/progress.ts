import type { Plan, Section, Step } from './schema';

export interface Progress {
  done: number;
  total: number;
}

/** Whether a step counts toward progress: optional ideas count only once picked. */
export function countsTowardProgress(step: Step): boolean {
  return !step.optional || step.picked;
}

export function sectionProgress(section: Section): Progress {
  let done = 0;
  let total = 0;
  for (const step of section.steps) {
    if (!countsTowardProgress(step)) continue;
    total += 1;
    if (step.done) done += 1;
  }
  return { done, total };
}

export function planProgress(plan: Plan): Progress {
  let done = 0;
  let total = 0;
  for (const section of plan.checklist.sections) {
    const p = sectionProgress(section);
    done += p.done;
    total += p.total;
  }
  return { done, total };
}
