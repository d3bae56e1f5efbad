import type { Plan, RunItem, Section, Step } from './schema';
import type { PlanSync, Stamp } from './stamps';

/*
 * How a plan is seen as registers, for stamping (stamp-changes.ts) and merging (merge.ts):
 *   plan.<field>        title, notes, templateId, and fields a newer version added
 *   run:<id>            each recorded run of the show (plan.shows), whole; removed runs leave tombstones
 *   event.<field>       each detail of the event
 *   draft.<key>         each draft, whole
 *   section:<id>.<f>    each field of a section; "section:<id>" alone stamps its creation
 *   step:<id>.<f>       each field of a step, and "@in": the section it is in
 *   item:<id>.<f>       each field of an agenda item
 *   order:sections, order:items, order:steps:<sectionId>   the order of a list
 * A register without a stamp of its own has its entity's creation stamp, or the plan's base.
 */

/** Plan fields that are not registers themselves (structure, or merged their own way). */
export const STRUCTURAL_PLAN_KEYS = new Set([
  'id',
  'checklist',
  'runOfShow',
  'event',
  'drafts',
  'shows',
  'sync',
  'createdAt',
  'updatedAt',
]);
export const IN_SECTION = '@in';

export const sectionKey = (id: string) => `section:${id}`;
export const stepKey = (id: string) => `step:${id}`;
export const itemKey = (id: string) => `item:${id}`;
export const runKey = (id: string) => `run:${id}`;
export const ORDER_SECTIONS = 'order:sections';
export const ORDER_ITEMS = 'order:items';
export const stepOrderKey = (sectionId: string) => `order:steps:${sectionId}`;

/** The fields of an entity that are registers: all but its id (and a section's steps). */
export function entityFields(entity: object, kind: 'section' | 'step' | 'item'): string[] {
  return Object.keys(entity).filter((k) => k !== 'id' && !(kind === 'section' && k === 'steps'));
}

/** A plan laid out by id, for merging. */
export interface IndexedPlan {
  plan: Plan;
  sync: PlanSync;
  sections: Map<string, Section>;
  sectionOrder: string[];
  steps: Map<string, { step: Step; section: string }>;
  stepOrder: Map<string, string[]>;
  items: Map<string, RunItem>;
  itemOrder: string[];
}

export function indexPlan(plan: Plan, sync: PlanSync): IndexedPlan {
  const sections = new Map<string, Section>();
  const steps = new Map<string, { step: Step; section: string }>();
  const stepOrder = new Map<string, string[]>();
  for (const section of plan.checklist.sections) {
    sections.set(section.id, section);
    stepOrder.set(
      section.id,
      section.steps.map((s) => s.id),
    );
    for (const step of section.steps) steps.set(step.id, { step, section: section.id });
  }
  const items = new Map<string, RunItem>();
  for (const item of plan.runOfShow.items) items.set(item.id, item);
  return {
    plan,
    sync,
    sections,
    sectionOrder: plan.checklist.sections.map((s) => s.id),
    steps,
    stepOrder,
    items,
    itemOrder: plan.runOfShow.items.map((i) => i.id),
  };
}

/** The stamp of one field of an entity: its own, else the entity's creation, else the base. */
export function fieldStamp(sync: PlanSync, entity: string, field: string): Stamp {
  return sync.stamps[`${entity}.${field}`] ?? sync.stamps[entity] ?? sync.base;
}

/** Whether the ids two lists share come in the same order in both. */
export function sameRelativeOrder(a: readonly string[], b: readonly string[]): boolean {
  const inB = new Set(b);
  const inA = new Set(a);
  let j = 0;
  const right = b.filter((id) => inA.has(id));
  for (const id of a) {
    if (!inB.has(id)) continue;
    if (right[j] !== id) return false;
    j += 1;
  }
  return true;
}
