import type { ReadError } from '@/ui/file-error-text';
import { MAX_FILE_BYTES, readImportText } from '@/plan/file-format';
import type { Plan } from '@/plan/schema';
import { importPlans, planFor } from '@/store/plans-store';

/**
 * `offer`: a copy of a plan already here (the same id). Nothing is added yet: the user chooses
 * between merging it into that plan and adding it as a separate plan.
 */
export type ImportOutcome =
  | { ok: true; plans: Plan[]; offer?: { copy: Plan; existing: Plan } }
  | { ok: false; error: ReadError };

/** A plan file's text, imported: its plans added, or a copy of one already here offered to merge. */
export function importFromText(text: string): ImportOutcome {
  const result = readImportText(text);
  if (!result.ok) return result;
  const [single] = result.plans;
  const existing = result.plans.length === 1 && single ? planFor(single) : undefined;
  if (single && existing) return { ok: true, plans: [], offer: { copy: single, existing } };
  return importPlans(result.plans);
}

/** A picked or dropped plan file, imported (as `importFromText`). */
export async function importFromFile(file: File): Promise<ImportOutcome> {
  // Refused before reading: a huge file would take the tab's memory.
  if (file.size > MAX_FILE_BYTES)
    return { ok: false, error: { code: 'tooLarge', bytes: file.size } };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, error: { code: 'unreadable' } };
  }
  return importFromText(text);
}

export function useImportPlan() {
  return { fromText: importFromText, fromFile: importFromFile };
}
