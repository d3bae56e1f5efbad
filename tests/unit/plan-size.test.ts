import { describe, expect, it } from 'vitest';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { setPlanTitle } from '@/plan/plan-edits';
import {
  LARGE_PLAN_SIZE,
  isLargePlan,
  largestPlans,
  sizeForReading,
  storedSize,
} from '@/plan/plan-size';
import { serializeStoredPlans } from '@/data/stored-plans';
import { assemblyDetails, heavyPlan, testDeps } from '../fixtures';

const plan = (title = 'Assembly') =>
  createPlanFromTemplate('school-assembly', { ...assemblyDetails, title }, testDeps());

describe('how much of the storage a plan takes', () => {
  it('is the length of its stored text, so the plans add up to what storage holds', () => {
    const plans = [plan('One'), heavyPlan('Two', 20_000), plan('Three')];
    const stored = serializeStoredPlans(plans).length;
    const sum = plans.reduce((total, p) => total + storedSize(p), 0);
    // The envelope and the commas between plans are all that is not in a plan's own size.
    expect(stored - sum).toBeGreaterThan(0);
    expect(stored - sum).toBeLessThan(60);
    expect(storedSize(plans[1]!) - storedSize(plans[0]!)).toBeGreaterThanOrEqual(20_000);
  });

  it('follows an edit: the edited plan is a new object, measured again', () => {
    const before = plan();
    const after = setPlanTitle(before, 'A much longer name for the same assembly');
    expect(storedSize(after) - storedSize(before)).toBe(
      'A much longer name for the same assembly'.length - 'Assembly'.length,
    );
  });

  it('calls a plan large from a tenth of what a browser gives a site', () => {
    expect(isLargePlan(plan())).toBe(false);
    const small = storedSize(plan());
    expect(isLargePlan(heavyPlan('Big', LARGE_PLAN_SIZE - small - 100))).toBe(false);
    expect(isLargePlan(heavyPlan('Big', LARGE_PLAN_SIZE))).toBe(true);
  });

  it('lists the largest plans first, as many as asked', () => {
    const plans = [
      plan('Small'),
      heavyPlan('Huge', 90_000),
      heavyPlan('Medium', 30_000),
      plan('Tiny'),
    ];
    expect(largestPlans(plans, 2).map(({ plan: p }) => p.title)).toEqual(['Huge', 'Medium']);
    expect(largestPlans(plans).map(({ plan: p }) => p.title)).toEqual(['Huge', 'Medium', 'Small']);
    expect(largestPlans([])).toEqual([]);
  });

  it('reads as the room storage gives it (two bytes a character): KB to one decimal, then MB', () => {
    expect(sizeForReading(0)).toEqual({ unit: 'KB', value: 0.1 });
    expect(sizeForReading(3_277)).toEqual({ unit: 'KB', value: 6.4 });
    expect(sizeForReading(48_640)).toEqual({ unit: 'KB', value: 95 });
    expect(sizeForReading(511_948)).toEqual({ unit: 'KB', value: 999.9 });
    // What would read 1,000.0 KB is 1.0 MB: never a four-digit KB figure.
    expect(sizeForReading(511_975)).toEqual({ unit: 'MB', value: 1 });
    expect(sizeForReading(524_288)).toEqual({ unit: 'MB', value: 1 });
    expect(sizeForReading(524_288 * 4.86)).toEqual({ unit: 'MB', value: 4.9 });
    expect(sizeForReading(524_288 * 4.84)).toEqual({ unit: 'MB', value: 4.8 });
  });
});
