import { differenceInCalendarDays, startOfWeek } from 'date-fns';
import { daysFromToday, dueDate, parseDay } from './dates';
import type { Plan, Section, Step } from './schema';

/*
 * Checklist operations as pure functions: each takes a plan and returns a new one (or the same
 * object when nothing changes), touching only the section and step concerned, so unchanged rows
 * keep their identity and don't re-render.
 */

export interface StepLocation {
  sectionIndex: number;
  stepIndex: number;
  section: Section;
  step: Step;
}

export function findStep(plan: Plan, stepId: string): StepLocation | undefined {
  const sections = plan.checklist.sections;
  for (let sectionIndex = 0; sectionIndex < sections.length; sectionIndex += 1) {
    const section = sections[sectionIndex]!;
    const stepIndex = section.steps.findIndex((s) => s.id === stepId);
    if (stepIndex >= 0)
      return { sectionIndex, stepIndex, section, step: section.steps[stepIndex]! };
  }
  return undefined;
}

function withSections(plan: Plan, sections: Section[]): Plan {
  return { ...plan, checklist: { ...plan.checklist, sections } };
}

/** Replaces one step through `recipe`; returns the same plan when the recipe changes nothing. */
export function updateStep(plan: Plan, stepId: string, recipe: (step: Step) => Step): Plan {
  const at = findStep(plan, stepId);
  if (!at) return plan;
  const next = recipe(at.step);
  if (next === at.step) return plan;
  const steps = at.section.steps.slice();
  steps[at.stepIndex] = next;
  const sections = plan.checklist.sections.slice();
  sections[at.sectionIndex] = { ...at.section, steps };
  return withSections(plan, sections);
}

export function setStepDone(plan: Plan, stepId: string, done: boolean, now: Date): Plan {
  return updateStep(plan, stepId, (step) =>
    step.done === done ? step : { ...step, done, doneAt: done ? now.toISOString() : null },
  );
}

/** Picking an optional idea makes it count; un-picking also clears its tick. */
export function setIdeaPicked(plan: Plan, stepId: string, picked: boolean): Plan {
  return updateStep(plan, stepId, (step) =>
    step.picked === picked
      ? step
      : { ...step, picked, ...(picked ? {} : { done: false, doneAt: null }) },
  );
}

/**
 * The user's own text replaces the template key for good (see plan/text.ts); the key the step
 * came from is kept as `originKey`, so a reworded step still offers its draft.
 */
export function setStepText(plan: Plan, stepId: string, text: string): Plan {
  return updateStep(plan, stepId, (step) =>
    step.textKey === null && step.text === text
      ? step
      : { ...step, textKey: null, originKey: step.originKey ?? step.textKey, text },
  );
}

export function setStepFields(
  plan: Plan,
  stepId: string,
  fields: Partial<Pick<Step, 'owner' | 'note' | 'dueOffsetDays' | 'link'>>,
): Plan {
  return updateStep(plan, stepId, (step) => {
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).some(
      (k) => step[k] !== fields[k],
    );
    return changed ? { ...step, ...fields } : step;
  });
}

export function addStep(plan: Plan, sectionId: string, step: Step, index?: number): Plan {
  const sectionIndex = plan.checklist.sections.findIndex((s) => s.id === sectionId);
  const section = plan.checklist.sections[sectionIndex];
  if (!section) return plan;
  const steps = section.steps.slice();
  steps.splice(index ?? steps.length, 0, step);
  const sections = plan.checklist.sections.slice();
  sections[sectionIndex] = { ...section, steps };
  return withSections(plan, sections);
}

export function removeStep(plan: Plan, stepId: string): Plan {
  const at = findStep(plan, stepId);
  if (!at) return plan;
  const sections = plan.checklist.sections.slice();
  sections[at.sectionIndex] = {
    ...at.section,
    steps: at.section.steps.filter((s) => s.id !== stepId),
  };
  return withSections(plan, sections);
}

/** Moves a step to `toIndex` in the section `toSectionId` (the index counts without the step). */
export function moveStep(plan: Plan, stepId: string, toSectionId: string, toIndex: number): Plan {
  const at = findStep(plan, stepId);
  if (!at) return plan;
  const without = removeStep(plan, stepId);
  const target = without.checklist.sections.find((s) => s.id === toSectionId);
  if (!target) return plan;
  const index = Math.max(0, Math.min(toIndex, target.steps.length));
  if (at.section.id === toSectionId && index === at.stepIndex) return plan;
  return addStep(without, toSectionId, at.step, index);
}

/**
 * One place up or down. At the top or bottom of a section the step crosses into the
 * neighbouring section (to its end or start), so the keyboard can reach every position.
 */
export function nudgeStep(plan: Plan, stepId: string, direction: -1 | 1): Plan {
  const at = findStep(plan, stepId);
  if (!at) return plan;
  const sections = plan.checklist.sections;
  const target = at.stepIndex + direction;
  if (target >= 0 && target < at.section.steps.length)
    return moveStep(plan, stepId, at.section.id, target);
  const neighbour = sections[at.sectionIndex + direction];
  if (!neighbour) return plan;
  return moveStep(plan, stepId, neighbour.id, direction === -1 ? neighbour.steps.length : 0);
}

// ---- Drag and drop ------------------------------------------------------------------------

/**
 * While a step is dragged, the checklist shows it where it would land: an order of step ids per
 * section, rearranged as the step passes over others, and applied to the plan (one edit, one
 * undo step) only when it is dropped.
 */
export interface SectionOrder {
  sectionId: string;
  stepIds: string[];
}

export function checklistOrder(plan: Plan): SectionOrder[] {
  return plan.checklist.sections.map((section) => ({
    sectionId: section.id,
    stepIds: section.steps.map((step) => step.id),
  }));
}

/** Where an id is: a step (its section and index) or a section itself (index -1). */
function locate(order: readonly SectionOrder[], id: string) {
  for (let sectionIndex = 0; sectionIndex < order.length; sectionIndex += 1) {
    const entry = order[sectionIndex]!;
    if (entry.sectionId === id) return { sectionIndex, index: -1 };
    const index = entry.stepIds.indexOf(id);
    if (index >= 0) return { sectionIndex, index };
  }
  return undefined;
}

/**
 * A step dragged over a step of another section (or over an empty section) joins that section,
 * on the far side of the step it is over (after it coming from above, before it from below; an
 * empty section, first): the sortable list then shows it in that step's place, as it does within
 * a section, and the next arrow key moves it on by one. Within its own section nothing changes
 * here. Returns the same order when nothing moves.
 */
export function dragStepOver(
  order: readonly SectionOrder[],
  stepId: string,
  overId: string,
): readonly SectionOrder[] {
  const from = locate(order, stepId);
  const over = locate(order, overId);
  if (!from || from.index < 0 || !over || over.sectionIndex === from.sectionIndex) return order;
  const target = order[over.sectionIndex]!;
  const index =
    over.index < 0 ? 0 : from.sectionIndex < over.sectionIndex ? over.index + 1 : over.index;
  return order.map((entry, i) => {
    if (i === from.sectionIndex)
      return { ...entry, stepIds: entry.stepIds.filter((id) => id !== stepId) };
    if (i === over.sectionIndex) {
      const stepIds = target.stepIds.slice();
      stepIds.splice(index, 0, stepId);
      return { ...entry, stepIds };
    }
    return entry;
  });
}

/**
 * Where a step dropped over `overId` lands, as the sortable list shows it: in the section it
 * joined (see `dragStepOver`), in the place of the step it is over. The index counts without
 * the step, as `moveStep` takes it. Undefined when either id is unknown.
 */
export function dropPlace(
  order: readonly SectionOrder[],
  stepId: string,
  overId: string,
): { sectionId: string; index: number } | undefined {
  const joined = dragStepOver(order, stepId, overId);
  const at = locate(joined, stepId);
  const over = locate(joined, overId);
  if (!at || at.index < 0 || !over) return undefined;
  const sectionId = joined[at.sectionIndex]!.sectionId;
  if (over.sectionIndex !== at.sectionIndex || over.index < 0)
    return { sectionId, index: at.index };
  return { sectionId, index: over.index };
}

/** The plan's sections with their steps in `order` (steps the order lacks stay at the end). */
export function arrangeSections(sections: readonly Section[], order: readonly SectionOrder[]) {
  const steps = new Map<string, Step>();
  for (const section of sections) for (const step of section.steps) steps.set(step.id, step);
  const placed = new Set(order.flatMap((entry) => entry.stepIds));
  return sections.map((section) => {
    const entry = order.find((e) => e.sectionId === section.id);
    if (!entry) return section;
    const arranged = entry.stepIds.flatMap((id) => {
      const step = steps.get(id);
      return step ? [step] : [];
    });
    const rest = section.steps.filter((step) => !placed.has(step.id));
    const next = [...arranged, ...rest];
    return next.length === section.steps.length &&
      next.every((step, i) => step === section.steps[i])
      ? section
      : { ...section, steps: next };
  });
}

// ---- Due dates, lateness and filters ------------------------------------------------------

export function stepDueDate(step: Step, eventDate: string): Date | null {
  return step.dueOffsetDays === null ? null : dueDate(eventDate, step.dueOffsetDays);
}

/** Late: not done and its due day is before today (a step due today is not late yet). */
export function isLate(step: Step, eventDate: string, now: Date): boolean {
  if (step.done || (step.optional && !step.picked)) return false;
  const due = stepDueDate(step, eventDate);
  return due !== null && daysFromToday(due, now) < 0;
}

/** Due in the current week (Monday to Sunday), not done. */
export function isDueThisWeek(step: Step, eventDate: string, now: Date): boolean {
  if (step.done || (step.optional && !step.picked)) return false;
  const due = stepDueDate(step, eventDate);
  if (!due) return false;
  const monday = startOfWeek(now, { weekStartsOn: 1 });
  const days = differenceInCalendarDays(due, monday);
  return days >= 0 && days < 7 && daysFromToday(due, now) >= 0;
}

/** The offset that puts a step's due date on `day` ("YYYY-MM-DD"), or null if it can't be read. */
export function offsetForDay(eventDate: string, day: string): number | null {
  const event = parseDay(eventDate);
  const target = parseDay(day);
  if (!event || !target) return null;
  return differenceInCalendarDays(target, event);
}

export type ChecklistFilter =
  | { kind: 'all' }
  | { kind: 'todo' }
  | { kind: 'late' }
  | { kind: 'week' }
  | { kind: 'owner'; owner: string };

export function matchesFilter(
  step: Step,
  filter: ChecklistFilter,
  eventDate: string,
  now: Date,
): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'todo':
      return !step.done && (!step.optional || step.picked);
    case 'late':
      return isLate(step, eventDate, now);
    case 'week':
      return isDueThisWeek(step, eventDate, now);
    case 'owner':
      return step.owner.trim().toLocaleLowerCase() === filter.owner.trim().toLocaleLowerCase();
  }
}

/** Names already used in the plan (step owners and run-of-show "who"), for suggestions. */
export function ownersInPlan(plan: Plan): string[] {
  const names = new Map<string, string>();
  const add = (name: string) => {
    const trimmed = name.trim();
    if (trimmed && !names.has(trimmed.toLocaleLowerCase()))
      names.set(trimmed.toLocaleLowerCase(), trimmed);
  };
  for (const section of plan.checklist.sections) for (const step of section.steps) add(step.owner);
  for (const item of plan.runOfShow.items) add(item.who);
  if (plan.event.contactName) add(plan.event.contactName);
  return [...names.values()].sort((a, b) => a.localeCompare(b));
}

export function summarize(plan: Plan, now: Date): { late: number; thisWeek: number } {
  let late = 0;
  let thisWeek = 0;
  for (const section of plan.checklist.sections) {
    for (const step of section.steps) {
      if (isLate(step, plan.event.date, now)) late += 1;
      else if (isDueThisWeek(step, plan.event.date, now)) thisWeek += 1;
    }
  }
  return { late, thisWeek };
}
