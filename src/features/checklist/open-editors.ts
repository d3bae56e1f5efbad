import { createContext } from 'react';
import { matchesFilter, type ChecklistFilter } from '@/plan/checklist';
import type { Step } from '@/plan/schema';

/** What an open step editor holds that is not saved yet. */
export interface OpenEditor {
  text: string;
  dueDay: string;
  owner: string;
  note: string;
  error: 'text' | 'due' | null;
}
/*
 * The checklist's open editors, by step id, kept by the view rather than by their rows: a step
 * moved to another section (by another tab, or a pointer drag) is drawn there as a new row, and
 * its editor opens again with what was typed, instead of closing with the old row. The view
 * also keeps a step with an open editor in sight whatever the filter says (`setOpen`).
 */
export interface OpenEditors {
  drafts: Map<string, OpenEditor>;
  /** An editor opened or closed (the view keeps the step in sight until the filter changes). */
  setOpen: (stepId: string, open: boolean) => void;
}
export const OpenEditors = createContext<OpenEditors | null>(null);

/*
 * Open step editors and what was typed in them, by plan, for as long as the page is open: going
 * to the plan's details or its run of show and back finds an edit under way as it was left.
 */
const openByPlan = new Map<string, Map<string, OpenEditor>>();
export function draftsOf(planId: string): Map<string, OpenEditor> {
  let drafts = openByPlan.get(planId);
  if (!drafts) openByPlan.set(planId, (drafts = new Map()));
  return drafts;
}
/** For tests: every page starts with no editor open. */
export function forgetOpenEditors(): void {
  openByPlan.clear();
}

/** Whether the checklist shows a step: the filter's choice, or its editor is open. */
export function isShown(
  step: Step,
  filter: ChecklistFilter,
  eventDate: string,
  today: Date,
  editorsOpen: ReadonlySet<string>,
): boolean {
  return editorsOpen.has(step.id) || matchesFilter(step, filter, eventDate, today);
}
