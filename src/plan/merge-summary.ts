import { countSteps } from './checklist';
import { deepEqual } from './equal';
import { mergePlans, type MergeConflict } from './merge';
import { IN_SECTION, sameRelativeOrder } from './registers';
import type { Plan, RunItem, Section, Step } from './schema';
import { firstMadeStamp, own, stampReplica, stampWall, syncOf } from './stamps';
import { isolated } from './isolate';

/*
 * What a merge brought in, told from this copy's side: "From the copy: 5 steps ticked, 2 lengths
 * changed, 1 step added; 1 change made on both sides". Each line lists the things it counts, so
 * the summary can open it. Computed from the plan before and after the merge, so it says what
 * actually changed here, whatever the copy held.
 */

export type SummaryKind =
  | 'ticked'
  | 'unticked'
  | 'stepsAdded'
  | 'stepsRemoved'
  | 'itemsAdded'
  | 'itemsRemoved'
  | 'sectionsAdded'
  | 'sectionsRemoved'
  | 'lengths'
  | 'times'
  | 'owners'
  | 'dueDates'
  | 'texts'
  | 'notes'
  | 'details'
  | 'order'
  | 'drafts'
  | 'other';

export type SummaryThing =
  | { kind: 'step'; step: Step }
  | { kind: 'item'; item: RunItem }
  | { kind: 'section'; section: Section }
  | { kind: 'field'; field: string };

export interface SummaryLine {
  kind: SummaryKind;
  things: SummaryThing[];
}

export const SUMMARY_ORDER: readonly SummaryKind[] = [
  'ticked',
  'unticked',
  'lengths',
  'times',
  'owners',
  'dueDates',
  'texts',
  'notes',
  'details',
  'stepsAdded',
  'itemsAdded',
  'sectionsAdded',
  'stepsRemoved',
  'itemsRemoved',
  'sectionsRemoved',
  'order',
  'drafts',
  'other',
];

const STEP_FIELD_KIND: Record<string, SummaryKind> = {
  owner: 'owners',
  dueOffsetDays: 'dueDates',
  text: 'texts',
  textKey: 'texts',
  note: 'notes',
  doneAt: 'ticked',
};
const ITEM_FIELD_KIND: Record<string, SummaryKind> = {
  durationMinutes: 'lengths',
  fixedStart: 'times',
  who: 'owners',
  title: 'texts',
  titleKey: 'texts',
  note: 'notes',
};

export function summarizeMerge(before: Plan, after: Plan): SummaryLine[] {
  const lines = new Map<SummaryKind, SummaryThing[]>();
  const add = (kind: SummaryKind, thing: SummaryThing) => {
    const list = lines.get(kind) ?? [];
    // One thing counts once per line (a step whose text and key both changed is one text).
    const same = (x: SummaryThing) =>
      x.kind === thing.kind &&
      (x.kind === 'step'
        ? x.step.id === (thing as { step: Step }).step.id
        : x.kind === 'item'
          ? x.item.id === (thing as { item: RunItem }).item.id
          : x.kind === 'section'
            ? x.section.id === (thing as { section: Section }).section.id
            : x.field === (thing as { field: string }).field);
    if (!list.some(same)) list.push(thing);
    lines.set(kind, list);
  };

  const fieldsOf = (a: object, b: object) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
      (k) => !deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    );

  // Plan and event details.
  for (const field of fieldsOf(before, after)) {
    if (
      [
        'checklist',
        'runOfShow',
        'event',
        'drafts',
        'sync',
        'updatedAt',
        'createdAt',
        'shows',
      ].includes(field)
    )
      continue;
    add(field === 'notes' ? 'notes' : field === 'title' ? 'details' : 'other', {
      kind: 'field',
      field,
    });
  }
  for (const field of fieldsOf(before.event, after.event)) add('details', { kind: 'field', field });
  for (const key of fieldsOf(before.drafts, after.drafts))
    add('drafts', { kind: 'field', field: key });

  // Steps and sections.
  const oldSteps = new Map<string, { step: Step; section: string }>();
  const oldSections = new Map(before.checklist.sections.map((s) => [s.id, s]));
  for (const s of before.checklist.sections)
    for (const step of s.steps) oldSteps.set(step.id, { step, section: s.id });
  const newStepIds = new Set<string>();
  for (const section of after.checklist.sections) {
    const old = oldSections.get(section.id);
    if (!old) add('sectionsAdded', { kind: 'section', section });
    else if (old !== section) {
      if (old.title !== section.title || old.titleKey !== section.titleKey)
        add('texts', { kind: 'section', section });
      const ids = (list: Step[]) => list.map((x) => x.id);
      if (!sameRelativeOrder(ids(old.steps), ids(section.steps)))
        add('order', { kind: 'section', section });
    }
    for (const step of section.steps) {
      newStepIds.add(step.id);
      const was = oldSteps.get(step.id);
      if (!was) {
        add('stepsAdded', { kind: 'step', step });
        continue;
      }
      if (was.step === step && was.section === section.id) continue;
      if (was.section !== section.id) add('order', { kind: 'step', step });
      for (const field of fieldsOf(was.step, step)) {
        if (field === 'done') add(step.done ? 'ticked' : 'unticked', { kind: 'step', step });
        else if (field === 'doneAt') continue;
        else add(STEP_FIELD_KIND[field] ?? 'other', { kind: 'step', step });
      }
    }
  }
  for (const [id, { step }] of oldSteps)
    if (!newStepIds.has(id)) add('stepsRemoved', { kind: 'step', step });
  const newSectionIds = new Set(after.checklist.sections.map((s) => s.id));
  for (const section of before.checklist.sections)
    if (!newSectionIds.has(section.id)) add('sectionsRemoved', { kind: 'section', section });
  if (
    !sameRelativeOrder(
      before.checklist.sections.map((s) => s.id),
      after.checklist.sections.map((s) => s.id),
    )
  )
    add('order', { kind: 'field', field: 'sections' });

  // Agenda items.
  const oldItems = new Map(before.runOfShow.items.map((i) => [i.id, i]));
  const newItemIds = new Set<string>();
  for (const item of after.runOfShow.items) {
    newItemIds.add(item.id);
    const was = oldItems.get(item.id);
    if (!was) add('itemsAdded', { kind: 'item', item });
    else if (was !== item)
      for (const field of fieldsOf(was, item))
        add(ITEM_FIELD_KIND[field] ?? 'other', { kind: 'item', item });
  }
  for (const item of before.runOfShow.items)
    if (!newItemIds.has(item.id)) add('itemsRemoved', { kind: 'item', item });
  if (
    !sameRelativeOrder(
      before.runOfShow.items.map((i) => i.id),
      after.runOfShow.items.map((i) => i.id),
    )
  )
    add('order', { kind: 'field', field: 'items' });

  return SUMMARY_ORDER.filter((kind) => lines.has(kind)).map((kind) => ({
    kind,
    things: lines.get(kind)!,
  }));
}

/**
 * A person's name as given in another copy, ready to show inside a sentence: control characters
 * and bidirectional overrides removed, and isolated (FSI … PDI) so a right-to-left name can't
 * turn the rest of the sentence around. Null when nothing is left.
 */
export function personName(name: string): string | null {
  const clean = name
    // C0/C1 controls, and the bidi embeddings, overrides and isolates a name must not carry.
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean ? isolated(clean) : null;
}

/** The names of the people whose changes a merge brought in (those who gave one). */
export function mergedAuthors(before: Plan, after: Plan): string[] {
  const was = syncOf(before);
  const is = syncOf(after);
  const names = new Set<string>();
  for (const [replica, stamp] of Object.entries(is.seen)) {
    if ((own(was.seen, replica) ?? '') >= stamp) continue;
    const name = Object.hasOwn(is.names, replica) ? personName(is.names[replica]!) : null;
    if (name) names.add(name);
  }
  return [...names];
}

/** Who last changed a register and when: "ticked by Ada, Tue 1 Dec". Null without a name. */
export function changedBy(plan: Plan, key: string): { name: string; at: Date } | null {
  const sync = syncOf(plan);
  // A value Undo or Redo put back is credited to whoever first made it.
  const stamp = firstMadeStamp(sync, key);
  if (stamp === undefined) return null;
  const given = own(sync.names, stampReplica(stamp));
  const name = given === undefined ? null : personName(given);
  return name ? { name, at: new Date(stampWall(stamp)) } : null;
}

/**
 * The conflicts worth asking about: both ticking the same step is agreement, whichever tick's
 * time was kept (`doneAt` is kept by the later tick, as any field; it is not listed).
 */
export function conflictsToShow(conflicts: readonly MergeConflict[]): MergeConflict[] {
  return conflicts.filter((c) => c.field !== 'doneAt');
}

/** The value a conflict's other side had, and the one kept, from this copy's side (`a`). */
export function conflictValues(conflict: MergeConflict): {
  kept: unknown;
  other: unknown;
  keptHere: boolean;
} {
  const keptHere = conflict.kept === 'a';
  return {
    kept: keptHere ? conflict.a : conflict.b,
    other: keptHere ? conflict.b : conflict.a,
    keptHere,
  };
}

/**
 * Where a copy still differs from the plan after merging it: values changed here after the copy
 * was made (with Undo, say), which the merge rightly kept. Told as conflicts kept on this side
 * (`a` the plan, `b` the copy), so the summary can offer the copy's value with "Use this one
 * instead" when the merge brought nothing new. Order and whole drafts are left out: only fields
 * of things both have.
 */
export function copyDifferences(plan: Plan, copy: Plan): MergeConflict[] {
  const out: MergeConflict[] = [];
  const mine = syncOf(plan);
  const theirs = syncOf(copy);
  const stampOf = (sync: ReturnType<typeof syncOf>, key: string) =>
    Object.hasOwn(sync.stamps, key) ? sync.stamps[key]! : sync.base;
  const add = (
    kind: MergeConflict['kind'],
    id: string | null,
    field: string,
    key: string,
    a: unknown,
    b: unknown,
  ) => {
    // Both have the field (one only the copy has is no change made here), and differ.
    if (a === undefined || b === undefined || a === b || deepEqual(a, b)) return;
    // Only values the copy's side changed, where someone else changed them here later: a field
    // the copy never touched (it holds the value from before the copies parted) is not its work.
    if (!Object.hasOwn(theirs.stamps, key) || !Object.hasOwn(mine.stamps, key)) return;
    if (stampReplica(theirs.stamps[key]!) === stampReplica(mine.stamps[key]!)) return;
    out.push({
      key,
      kind,
      id,
      field,
      a,
      b,
      aStamp: stampOf(mine, key),
      bStamp: stampOf(theirs, key),
      kept: 'a',
    });
  };
  const fields = (a: object, b: object, skip: (k: string) => boolean = () => false) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== 'id' && !skip(k));
  const get = (o: object, k: string) =>
    Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined;

  for (const field of ['title', 'notes'] as const)
    add('plan', null, field, `plan.${field}`, plan[field], copy[field]);
  for (const field of fields(plan.event, copy.event))
    add('event', null, field, `event.${field}`, get(plan.event, field), get(copy.event, field));
  const theirSteps = new Map<string, { step: Step; section: string }>();
  for (const s of copy.checklist.sections)
    for (const step of s.steps) theirSteps.set(step.id, { step, section: s.id });
  for (const section of plan.checklist.sections)
    for (const step of section.steps) {
      const other = theirSteps.get(step.id);
      if (!other) continue;
      for (const field of fields(step, other.step, (k) => k === 'doneAt'))
        add(
          'step',
          step.id,
          field,
          `step:${step.id}.${field}`,
          get(step, field),
          get(other.step, field),
        );
      if (
        other.section !== section.id &&
        copy.checklist.sections.some((s) => s.id === other.section) &&
        plan.checklist.sections.some((s) => s.id === other.section)
      )
        add(
          'step',
          step.id,
          IN_SECTION,
          `step:${step.id}.${IN_SECTION}`,
          section.id,
          other.section,
        );
    }
  const theirItems = new Map(copy.runOfShow.items.map((i) => [i.id, i]));
  for (const item of plan.runOfShow.items) {
    const other = theirItems.get(item.id);
    if (!other) continue;
    for (const field of fields(item, other))
      add('item', item.id, field, `item:${item.id}.${field}`, get(item, field), get(other, field));
  }
  return out;
}

/** What merging a copy would remove from a plan: steps, agenda items and sections it has now. */
export interface MergeRemovals {
  steps: number;
  items: number;
  sections: number;
}

/**
 * Before the merge: what merging `copy` into `plan` would delete from `plan` (what the copy
 * deleted, or a crafted copy claims to have deleted). Nothing when the merge would fail.
 */
export function mergeRemovals(plan: Plan, copy: Plan): MergeRemovals {
  const merged = mergePlans(plan, copy);
  const none = { steps: 0, items: 0, sections: 0 };
  if (!merged.ok) return none;
  const after = merged.plan;
  const stepIds = new Set(after.checklist.sections.flatMap((s) => s.steps.map((step) => step.id)));
  const itemIds = new Set(after.runOfShow.items.map((item) => item.id));
  const sectionIds = new Set(after.checklist.sections.map((section) => section.id));
  return {
    steps: plan.checklist.sections.reduce(
      (n, s) => n + s.steps.filter((step) => !stepIds.has(step.id)).length,
      0,
    ),
    items: plan.runOfShow.items.filter((item) => !itemIds.has(item.id)).length,
    sections: plan.checklist.sections.filter((section) => !sectionIds.has(section.id)).length,
  };
}

/** Whether a merge would remove most of a plan (more than half its steps and items). */
export function removesMost(plan: Plan, removals: MergeRemovals): boolean {
  const total = countSteps(plan) + plan.runOfShow.items.length;
  return total > 0 && (removals.steps + removals.items) * 2 > total;
}
