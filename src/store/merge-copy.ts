import { withoutTextsAsSeen } from '@/plan/file-format';
import type { Plan } from '@/plan/schema';
import { mergeReports } from './merge-reports';
import { plansStore } from './app-store';
import type { MergeOutcome, PlansStore } from './create-plans-store';

/*
 * A copy of a plan brought back (a file or a link): merged into the plan with its id, as one
 * undo step, and its summary kept for the plan's page.
 */

/** The plan here that a copy would merge into, if any. */
export function planFor(copy: Plan, store: PlansStore = plansStore): Plan | undefined {
  return store.getState().plans.find((p) => p.id === copy.id);
}

/**
 * Merges the copy and saves at once, like `importPlans`: when storage has no room for the merged
 * plan, the plan and its undo history are put back as they were and the merge is refused (a merge
 * never saved would be lost at the next reload).
 */
export function mergeImportedPlan(copy: Plan, store: PlansStore = plansStore): MergeOutcome {
  const local = planFor(copy, store);
  const historyBefore = store.getState().history[copy.id];
  const outcome = store.getState().mergeCopy(local ? withoutTextsAsSeen(copy, local) : copy);
  if (!outcome.ok) return outcome;
  if (store.flush() === 'quota') {
    store.setState((state) => {
      const history = { ...state.history };
      if (historyBefore) history[copy.id] = historyBefore;
      else delete history[copy.id];
      return {
        plans: state.plans.map((p) => (p.id === outcome.after.id ? outcome.before : p)),
        history,
      };
    });
    // What was pending before the merge is written again without it (and clears the banner).
    store.flush();
    return { ok: false, reason: 'storageFull' };
  }
  mergeReports.getState().show(copy.id, {
    before: outcome.before,
    after: outcome.after,
    conflicts: outcome.conflicts,
  });
  return outcome;
}
