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
  | { kind: 'damaged'; raw: string; backupKey: string | null }
  | { kind: 'newer'; version: number; raw: string };

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
