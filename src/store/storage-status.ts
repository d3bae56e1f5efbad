import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/*
 * What is wrong with saving, if anything, for the banner to say. Several problems can hold at
 * once (damaged data found at start, then storage full); each kind appears once.
 */
export type StorageProblem =
  | { kind: 'unavailable' }
  | { kind: 'quota' }
  | { kind: 'writeFailed' }
  /** The stored text as a whole could not be read. `backupKey` null: no copy, so saving stopped. */
  | { kind: 'damaged'; raw: string; backupKey: string | null }
  /**
   * Stored plans that failed the schema (or repeated an id), each kept aside on its own; a
   * `backupKey` null means that plan could not be copied, so saving stopped.
   */
  | { kind: 'rejected'; plans: RejectedPlan[] }
  | { kind: 'newer'; version: number; raw: string };

export interface RejectedPlan {
  /** The plan as stored (JSON text). */
  raw: string;
  backupKey: string | null;
}

/** Whether saving stopped because unreadable data could not be copied aside. */
export function notKeptAside(problem: StorageProblem): boolean {
  if (problem.kind === 'damaged') return problem.backupKey === null;
  if (problem.kind === 'rejected') return problem.plans.some((p) => p.backupKey === null);
  return false;
}

export type StorageProblemKind = StorageProblem['kind'];

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

export function useStorageProblems(): StorageProblem[] {
  return useStore(storageStatus, (state) => state.problems);
}
