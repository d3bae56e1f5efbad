/*
 * What can be wrong with saving, for the banner to say. Several problems can hold at once
 * (damaged data found at start, then storage full); each kind appears once.
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

export type StorageProblemKind = StorageProblem['kind'];

/** Where the data layer reports problems (the app: the banner's store; tests: a spy or a list). */
export interface StatusSink {
  report: (problem: StorageProblem) => void;
  clear: (kind: StorageProblemKind) => void;
}

/** Whether saving stopped because unreadable data could not be copied aside. */
export function notKeptAside(problem: StorageProblem): boolean {
  if (problem.kind === 'damaged') return problem.backupKey === null;
  if (problem.kind === 'rejected') return problem.plans.some((p) => p.backupKey === null);
  return false;
}
