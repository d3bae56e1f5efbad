import { withoutTextsAsSeen } from '@/plan/file-format';
import { endedForCopy } from '@/plan/live-show';
import { conflictsToShow, copyDifferences, summarizeMerge } from '@/plan/merge-summary';
import type { Plan } from '@/plan/schema';
import { planFor } from './import-plans';
import { mergeReports } from './merge-reports';
import { plansStore } from './app-store';
import type { MergeOutcome, PlansStore } from './create-plans-store';

/*
 * A copy of a plan brought back (a file or a link): merged into the plan with its id, as one
 * undo step, and its summary kept for the plan's page.
 */

/**
 * A run still going on in the copy, that this plan doesn't have, is ended where it stood, as when
 * the copy is added as a plan of its own (`prepareImport`): a rehearsal going on where the copy
 * was made must not start running here. A run this plan has is left to the merge.
 */
function endedRunsOf(copy: Plan, local: Plan | undefined): Plan {
  const here = new Set(local?.shows.map((run) => run.id));
  if (!copy.shows.some((run) => !run.finishedAt && !here.has(run.id))) return copy;
  return {
    ...copy,
    shows: copy.shows.map((run) => (run.finishedAt || here.has(run.id) ? run : endedForCopy(run))),
  };
}

/**
 * Merges the copy and saves at once, like `importPlans`: when storage has no room for the merged
 * plan, the plan and its undo history are put back as they were and the merge is refused (a merge
 * never saved would be lost at the next reload).
 */
export function mergeImportedPlan(copy: Plan, store: PlansStore = plansStore): MergeOutcome {
  const local = planFor(copy, store);
  const historyBefore = store.getState().history[copy.id];
  const used = endedRunsOf(local ? withoutTextsAsSeen(copy, local) : copy, local);
  const outcome = store.getState().mergeCopy(used);
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
    // Nothing new came in, yet the copy may differ (changed here since, e.g. by Undo): say where.
    differences:
      summarizeMerge(outcome.before, outcome.after).length === 0 &&
      conflictsToShow(outcome.conflicts).length === 0
        ? copyDifferences(outcome.after, used)
        : [],
  });
  return outcome;
}
