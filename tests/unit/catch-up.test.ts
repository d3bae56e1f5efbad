import { describe, expect, it } from 'vitest';
import { catchUpOffer, type CatchUpOffer, declineCatchUp, spreadLateSteps } from '@/plan/catch-up';
import { findStep, summarize } from '@/plan/checklist';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { restorePlan } from '@/plan/restore';
import { assemblyDetails, testDeps } from '../fixtures';

// The event is on Monday 7 December 2026; the plan is made five days before.
const created = '2026-12-02T09:00:00.000Z';
const today = new Date(2026, 11, 2, 12);
const latePlan = () =>
  createPlanFromTemplate('school-assembly', assemblyDetails, testDeps(created));
const keyOf = (plan: ReturnType<typeof latePlan>, id: string) => findStep(plan, id)!.step.textKey;

describe('catching up a plan made close to its date', () => {
  it('offers to spread the late steps, naming the ones that wait on others first', () => {
    const plan = latePlan();
    expect(summarize(plan, today).late).toBe(8);
    const offer = catchUpOffer(plan, today) as CatchUpOffer;
    expect(offer.daysLeft).toBe(5);
    expect(offer.stepIds).toHaveLength(8);
    expect(offer.mostImportant.map((id) => keyOf(plan, id))).toEqual([
      'step.prepareVenue',
      'step.prepareInviteSpeaker',
      'step.mediaInvite',
    ]);
  });

  it('spreads them over today and the days up to the eve, most important first, in one edit', () => {
    const plan = latePlan();
    const offer = catchUpOffer(plan, today)!;
    const spread = spreadLateSteps(plan, today);
    expect(summarize(spread, today).late).toBe(0);
    const offsets = offer.stepIds.map((id) => findStep(spread, id)!.step.dueOffsetDays);
    // Five days left (2 to 6 December): eight steps, today's first, never on the event day.
    expect(offsets).toEqual([-5, -5, -4, -4, -3, -2, -2, -1]);
    // Steps that were not late keep their dates; unchanged sections stay the same objects.
    const during = plan.checklist.sections[2]!;
    expect(spread.checklist.sections[2]).toBe(during);
    expect(spread.catchUpOffered).toBe(true);
    expect(catchUpOffer(spread, today)).toBeNull();
  });

  it('is made once: declined, it is not made again and the dates stay', () => {
    const declined = declineCatchUp(latePlan());
    expect(declined.catchUpOffered).toBe(true);
    expect(catchUpOffer(declined, today)).toBeNull();
    expect(summarize(declined, today).late).toBe(8);
    expect(spreadLateSteps(declined, today)).toBe(declined);
  });

  it('is not made for a plan that started in time, on the day, or with nothing late', () => {
    const early = createPlanFromTemplate(
      'school-assembly',
      assemblyDetails,
      testDeps('2026-10-01T09:00:00.000Z'),
    );
    // Weeks later the plan has fallen behind, but it did not start late.
    expect(summarize(early, today).late).toBe(8);
    expect(catchUpOffer(early, today)).toBeNull();
    expect(catchUpOffer(latePlan(), new Date(2026, 11, 7, 9))).toBeNull();
    expect(catchUpOffer(latePlan(), new Date(2026, 11, 9, 9))).toBeNull();
    const blank = createPlanFromTemplate('blank', assemblyDetails, testDeps(created));
    expect(catchUpOffer(blank, today)).toBeNull();
  });

  it('keeps the answer through storage and files; older plans read without it', () => {
    const spread = spreadLateSteps(latePlan(), today);
    const restored = restorePlan(JSON.parse(JSON.stringify(spread)));
    expect(restored.ok && restored.plan.catchUpOffered).toBe(true);
    const older = restorePlan(JSON.parse(JSON.stringify(latePlan())));
    expect(older.ok && older.plan.catchUpOffered).toBeUndefined();
  });
});
