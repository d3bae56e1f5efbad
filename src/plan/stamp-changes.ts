import { deepEqual } from './equal';
import {
  IN_SECTION,
  ORDER_ITEMS,
  ORDER_SECTIONS,
  STRUCTURAL_PLAN_KEYS,
  entityFields,
  itemKey,
  runKey,
  sameRelativeOrder,
  sectionKey,
  stepKey,
  stepOrderKey,
} from './registers';
import type { Plan, RunItem, Section, ShowRecord, Step } from './schema';
import { syncOf, withBoundedTombstones, type Clock, type PlanSync, type Stamp } from './stamps';

/*
 * The one place edits get their stamps. Edits are plain `plan → plan` functions that keep
 * unchanged sections, steps and items as the same objects, so comparing before and after is
 * mostly comparing references: a tick costs as much as the lists it walks, never a deep compare
 * of the whole plan. Every register the edit changed gets one new stamp from the clock; every
 * step, section or item it removed gets a tombstone.
 */

export interface StampOptions {
  /** The person's name ("Your name"), kept per replica so the plan can say who did what. */
  name?: string | undefined;
  /**
   * Undo and Redo: the stamp of the change that first made a register's value, when the edit
   * puts that value back (see `PlanSync.credit`); undefined for a register without one.
   */
  credit?: ((key: string) => Stamp | undefined) | undefined;
}

export function stampChanges(
  before: Plan,
  after: Plan,
  clock: Clock,
  options: StampOptions = {},
): Plan {
  if (before === after) return after;
  const sync = syncOf(before);
  let stamp: Stamp | null = null;
  const now = () => (stamp ??= clock.tick());
  let stamps: Record<string, Stamp> | null = null;
  let gone: Record<string, Stamp> | null = null;
  let credit: Record<string, Stamp> | null = null;
  const hasCredit = (key: string) =>
    (credit ?? sync.credit) !== undefined && Object.hasOwn(credit ?? sync.credit!, key);
  const uncredit = (key: string) => {
    if (!hasCredit(key)) return;
    credit ??= { ...sync.credit };
    delete credit[key];
  };
  const set = (key: string) => {
    stamps ??= { ...sync.stamps };
    stamps[key] = now();
    const first = options.credit?.(key);
    if (first !== undefined && first !== stamps[key]) {
      credit ??= { ...sync.credit };
      credit[key] = first;
    } else uncredit(key);
  };
  const bury = (key: string) => {
    gone ??= { ...sync.gone };
    gone[key] = now();
    stamps ??= { ...sync.stamps };
    delete stamps[key];
    // A deleted thing's field stamps are no longer needed: its tombstone outranks them.
    const prefix = `${key}.`;
    for (const k of Object.keys(stamps)) if (k.startsWith(prefix)) delete stamps[k];
    uncredit(key);
    for (const k of Object.keys(credit ?? sync.credit ?? {})) if (k.startsWith(prefix)) uncredit(k);
  };
  const compareFields = <T extends object>(
    key: string,
    was: T,
    is: T,
    kind: 'section' | 'step' | 'item',
  ) => {
    const fields = new Set([...entityFields(was, kind), ...entityFields(is, kind)]);
    for (const field of fields) {
      const a = (was as Record<string, unknown>)[field];
      const b = (is as Record<string, unknown>)[field];
      if (a !== b && !deepEqual(a, b)) set(`${key}.${field}`);
    }
  };

  // The plan's own fields, and those a newer version added.
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (STRUCTURAL_PLAN_KEYS.has(field)) continue;
    const a = (before as Record<string, unknown>)[field];
    const b = (after as Record<string, unknown>)[field];
    if (a !== b && !deepEqual(a, b)) set(`plan.${field}`);
  }
  if (before.event !== after.event) {
    for (const field of new Set([...Object.keys(before.event), ...Object.keys(after.event)])) {
      const a = (before.event as Record<string, unknown>)[field];
      const b = (after.event as Record<string, unknown>)[field];
      if (a !== b && !deepEqual(a, b)) set(`event.${field}`);
    }
  }
  if (before.drafts !== after.drafts) {
    for (const key of new Set([...Object.keys(before.drafts), ...Object.keys(after.drafts)])) {
      if (!deepEqual(before.drafts[key], after.drafts[key])) set(`draft.${key}`);
    }
  }
  for (const part of ['checklist', 'runOfShow'] as const) {
    if (before[part] === after[part]) continue;
    const keys = new Set([...Object.keys(before[part]), ...Object.keys(after[part])]);
    for (const field of keys) {
      if (field === 'sections' || field === 'items') continue;
      const a = (before[part] as Record<string, unknown>)[field];
      const b = (after[part] as Record<string, unknown>)[field];
      if (a !== b && !deepEqual(a, b)) set(`${part}.${field}`);
    }
  }

  if (before.checklist.sections !== after.checklist.sections)
    stampSections(before.checklist.sections, after.checklist.sections);
  if (before.runOfShow.items !== after.runOfShow.items)
    stampItems(before.runOfShow.items, after.runOfShow.items);
  if (before.shows !== after.shows) stampRuns(before.shows, after.shows);

  /** Runs of the show: each run is one register, by its id; a removed run leaves a tombstone. */
  function stampRuns(was: ShowRecord[], is: ShowRecord[]) {
    const old = new Map(was.map((r) => [r.id, r]));
    const nowIds = new Set<string>();
    for (const run of is) {
      nowIds.add(run.id);
      const prev = old.get(run.id);
      if (!prev || (prev !== run && !deepEqual(prev, run))) set(runKey(run.id));
    }
    for (const run of was) if (!nowIds.has(run.id)) bury(runKey(run.id));
  }

  function stampSections(was: Section[], is: Section[]) {
    const oldSections = new Map(was.map((s) => [s.id, s]));
    const oldSteps = new Map<string, { step: Step; section: string }>();
    for (const s of was) for (const step of s.steps) oldSteps.set(step.id, { step, section: s.id });
    const present = new Set<string>();
    for (const section of is) {
      const key = sectionKey(section.id);
      const old = oldSections.get(section.id);
      if (!old) set(key);
      else if (old !== section) {
        compareFields(key, old, section, 'section');
        if (
          !sameRelativeOrder(
            old.steps.map((s) => s.id),
            section.steps.map((s) => s.id),
          )
        )
          set(stepOrderKey(section.id));
      }
      if (old === section) {
        for (const step of section.steps) present.add(step.id);
        continue;
      }
      for (const step of section.steps) {
        present.add(step.id);
        const was = oldSteps.get(step.id);
        if (!was) set(stepKey(step.id));
        else {
          if (was.step !== step) compareFields(stepKey(step.id), was.step, step, 'step');
          if (was.section !== section.id) {
            set(`${stepKey(step.id)}.${IN_SECTION}`);
            // Where it lands among the section's steps is a choice of order, like a move within it.
            set(stepOrderKey(section.id));
          }
        }
      }
    }
    const nowIds = new Set(is.map((s) => s.id));
    for (const s of was) {
      if (!nowIds.has(s.id)) {
        bury(sectionKey(s.id));
        stamps ??= { ...sync.stamps };
        delete stamps[stepOrderKey(s.id)];
      }
      for (const step of s.steps) if (!present.has(step.id)) bury(stepKey(step.id));
    }
    if (
      !sameRelativeOrder(
        was.map((s) => s.id),
        is.map((s) => s.id),
      )
    )
      set(ORDER_SECTIONS);
  }

  function stampItems(was: RunItem[], is: RunItem[]) {
    const old = new Map(was.map((i) => [i.id, i]));
    const nowIds = new Set<string>();
    for (const item of is) {
      nowIds.add(item.id);
      const prev = old.get(item.id);
      if (!prev) set(itemKey(item.id));
      else if (prev !== item) compareFields(itemKey(item.id), prev, item, 'item');
    }
    for (const item of was) if (!nowIds.has(item.id)) bury(itemKey(item.id));
    if (
      !sameRelativeOrder(
        was.map((i) => i.id),
        is.map((i) => i.id),
      )
    )
      set(ORDER_ITEMS);
  }

  if (stamp === null) return after.sync === sync ? after : { ...after, sync };
  const made: Stamp = stamp;
  const next: PlanSync = {
    ...sync,
    seen: { ...sync.seen, [clock.replica]: made },
    stamps: stamps ?? sync.stamps,
    // Never more tombstones than a plan may hold (storage would refuse it): the newest are kept.
    gone: gone ? withBoundedTombstones(gone) : sync.gone,
  };
  const credited = credit ?? sync.credit;
  if (credited && Object.keys(credited).length > 0) next.credit = credited;
  else delete next.credit;
  const name = options.name?.trim();
  if (name && sync.names[clock.replica] !== name)
    next.names = { ...sync.names, [clock.replica]: name };
  return { ...after, sync: next };
}
