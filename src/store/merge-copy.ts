import { withoutTextsAsSeen } from '@/plan/file-format';
import type { Plan } from '@/plan/schema';
import { mergeReports } from './merge-reports';
import { plansStore, type MergeOutcome } from './plans-store';

/*
 * A copy of a plan brought back (a file or a link): merged into the plan with its id, as one
 * undo step, and its summary kept for the plan's page.
 */

/** The plan here that a copy would merge into, if any. */
export function planFor(copy: Plan): Plan | undefined {
  return plansStore.getState().plans.find((p) => p.id === copy.id);
}

export function mergeImportedPlan(copy: Plan): MergeOutcome {
  const local = planFor(copy);
  const outcome = plansStore.getState().mergeCopy(local ? withoutTextsAsSeen(copy, local) : copy);
  if (outcome.ok)
    mergeReports.getState().show(copy.id, {
      before: outcome.before,
      after: outcome.after,
      conflicts: outcome.conflicts,
    });
  return outcome;
}
