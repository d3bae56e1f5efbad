import { useSyncExternalStore } from 'react';
import { createStore } from 'zustand/vanilla';
import type { StorageProblem, StorageProblemKind } from '@/data/storage-problems';

export {
  notKeptAside,
  type RejectedPlan,
  type StatusSink,
  type StorageProblem,
  type StorageProblemKind,
} from '@/data/storage-problems';

/*
 * What is wrong with saving, if anything, for the banner to say (the kinds: data/storage-problems.ts).
 */
export interface StorageStatusState {
  problems: StorageProblem[];
  report: (problem: StorageProblem) => void;
  clear: (kind: StorageProblemKind) => void;
}

export function createStorageStatus() {
  return createStore<StorageStatusState>()((set) => ({
    problems: [],
    report: (problem) =>
      set((state) => ({
        problems: [...state.problems.filter((p) => p.kind !== problem.kind), problem],
      })),
    clear: (kind) =>
      set((state) =>
        state.problems.some((p) => p.kind === kind)
          ? { problems: state.problems.filter((p) => p.kind !== kind) }
          : state,
      ),
  }));
}

export const storageStatus = createStorageStatus();

const problems = () => storageStatus.getState().problems;
// What the build's prerendered page shows (no problem): hydration must match it, and a problem
// found meanwhile is drawn right after.
const noProblems = () => storageStatus.getInitialState().problems;

/**
 * The problems, kept up to date: React's own subscription to the store (what zustand's `useStore`
 * wraps), so the app's frame, which every page shows, needs no more of zustand than its store.
 */
export function useStorageProblems(): StorageProblem[] {
  return useSyncExternalStore(storageStatus.subscribe, problems, noProblems);
}
