import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { MergeConflict } from '@/plan/merge';
import type { Plan } from '@/plan/schema';

/*
 * The last merge of a copy into each plan, for its summary on the plan's page. In memory only,
 * like undo history: it describes an action of this visit.
 */
export interface MergeReport {
  before: Plan;
  after: Plan;
  conflicts: MergeConflict[];
  /**
   * When the merge brought nothing new: where the copy still differs, because this plan was
   * changed after it (plan/merge-summary.ts `copyDifferences`), to offer the copy's value.
   */
  differences: MergeConflict[];
}

interface MergeReportsState {
  reports: Record<string, MergeReport>;
  show: (planId: string, report: MergeReport) => void;
  dismiss: (planId: string) => void;
}

export const mergeReports = createStore<MergeReportsState>()((set) => ({
  reports: {},
  show: (planId, report) => set((s) => ({ reports: { ...s.reports, [planId]: report } })),
  dismiss: (planId) =>
    set((s) => {
      const { [planId]: _gone, ...rest } = s.reports;
      return { reports: rest };
    }),
}));

export const useMergeReport = (planId: string) => useStore(mergeReports, (s) => s.reports[planId]);
