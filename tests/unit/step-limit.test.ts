import { describe, expect, it } from 'vitest';
import { importGuides } from '@/guide/import-guide';
import { addStep, checklistFull, countSteps } from '@/plan/checklist';
import { createPlanFromTemplate, newStep } from '@/plan/create-plan';
import { restorePlan, restorePlanBySchema } from '@/plan/restore';
import { LIMITS, type Plan } from '@/plan/schema';
import { assemblyDetails, testDeps } from './../fixtures';
import { guideOptions } from '../guide-helpers';

/*
 * The whole checklist holds at most LIMITS.maxSteps steps (each section within its own limit):
 * a plan file with 16,000 steps in 9 sections passed every check and made the checklist, which has
 * every step in the page, take 37 s to show and 16 s to tick a step (attacker review).
 */

function planWithSteps(perSection: number[]): Plan {
  const deps = testDeps();
  const base = createPlanFromTemplate('blank', assemblyDetails, deps);
  return {
    ...base,
    checklist: {
      sections: perSection.map((n, s) => ({
        id: `s${s}`,
        titleKey: null,
        title: `Section ${s + 1}`,
        steps: Array.from({ length: n }, (_, i) => newStep(deps, { text: `Step ${s}.${i}` })),
      })),
    },
  };
}

describe('the checklist step limit', () => {
  it('a plan with more steps in all than the limit is refused, by the fast path and the schema alike', () => {
    const over = JSON.parse(JSON.stringify(planWithSteps([600, LIMITS.maxSteps - 600 + 1])));
    for (const restore of [restorePlan, restorePlanBySchema]) {
      const result = restore(over);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.issues).toEqual([
          expect.objectContaining({ path: ['checklist', 'sections'], code: 'too_many_steps' }),
        ]);
    }
    const full = JSON.parse(JSON.stringify(planWithSteps([600, LIMITS.maxSteps - 600])));
    expect(restorePlan(full).ok).toBe(true);
    expect(restorePlanBySchema(full).ok).toBe(true);
  });

  it('a full checklist takes no more steps; with one deleted it takes one again', () => {
    const full = planWithSteps([LIMITS.maxSteps]);
    expect(checklistFull(full)).toBe(true);
    const step = newStep(testDeps(), { text: 'One more' });
    expect(addStep(full, 's0', step)).toBe(full);
    const less = {
      ...full,
      checklist: {
        sections: [
          { ...full.checklist.sections[0]!, steps: full.checklist.sections[0]!.steps.slice(1) },
        ],
      },
    };
    expect(countSteps(addStep(less, 's0', step))).toBe(LIMITS.maxSteps);
  });

  it('a guide with more steps than that gives a plan with the first of them, and says what was left out', () => {
    const list = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => `${i + 1}. Step ${from + i} of the Hour of Code`).join(
        '\n',
      );
    const text = `# Hour of Code events guide\n\n## Before\n\n${list(700, 0)}\n\n## After\n\n${list(700, 700)}\n`;
    const result = importGuides([{ name: 'long.md', text }], guideOptions());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(countSteps(result.plan)).toBe(LIMITS.maxSteps);
    expect(result.guides[0]!.notices).toContainEqual(
      expect.objectContaining({ code: 'truncated', detail: 'After' }),
    );
  });
});
