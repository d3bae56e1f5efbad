import { canonicalJson, deepEqual } from './equal';
import {
  IN_SECTION,
  ORDER_ITEMS,
  ORDER_SECTIONS,
  STRUCTURAL_PLAN_KEYS,
  indexPlan,
  itemKey,
  runKey,
  sameRelativeOrder,
  sectionKey,
  stepKey,
  stepOrderKey,
  type IndexedPlan,
} from './registers';
import { restorePlan, type PlanIssue } from './restore';
import type { Plan, Section, ShowRecord } from './schema';
import {
  knows,
  maxStamp,
  own,
  syncOf,
  withBoundedTombstones,
  type PlanSync,
  type Stamp,
} from './stamps';

/*
 * The one merge of two copies of the same plan: two tabs of this browser, or a colleague's file
 * or link. Every field is a last-writer-wins register ordered by its stamp (a hybrid logical
 * clock with the replica's id, see stamps.ts), as in Automerge's and Yjs's maps; deleted steps,
 * sections and items leave tombstones, as Excalidraw's `isDeleted` elements do. The order of
 * each list is a register of its own, and what one side inserted is placed after its neighbour.
 *
 * It is a pure function of its two inputs: merge(a, b) and merge(b, a) give the same plan,
 * merging again changes nothing, and merging a copy this one has already seen changes nothing.
 * Where both sides changed the same field without having seen each other's change, the later
 * stamp wins and the field is reported as a conflict, so the user can take the other value.
 */

export type EntityKind =
  'plan' | 'event' | 'draft' | 'checklist' | 'runOfShow' | 'section' | 'step' | 'item' | 'order';

export interface MergeConflict {
  /** The register: "step:<id>.owner", "event.date", "order:items"… */
  key: string;
  kind: EntityKind;
  /** The step, item, section or draft; the list for an order ("sections", "items", a section's id). */
  id: string | null;
  field: string;
  /** Each side's value, in the order the copies were given. */
  a: unknown;
  b: unknown;
  aStamp: Stamp;
  bStamp: Stamp;
  /** Which side's value the merged plan has. */
  kept: 'a' | 'b';
}

export type MergeResult =
  { ok: true; plan: Plan; conflicts: MergeConflict[] } | { ok: false; issues: PlanIssue[] };

type Fields = Record<string, unknown>;

/**
 * Every holder of a stamped field: for "step:<id>.owner", "step:<id>" (and for a key with more
 * dots, each part before one, so no holder is missed whatever its id or field name holds).
 */
function stampedHolders(stamps: ReadonlyMap<string, Stamp>): Set<string> {
  const holders = new Set<string>();
  for (const key of stamps.keys())
    for (let dot = key.indexOf('.'); dot !== -1; dot = key.indexOf('.', dot + 1))
      holders.add(key.slice(0, dot));
  return holders;
}

/** The keys of either record, each once: `a`'s first, in its order, then `b`'s others. */
function keysOfEither(a: Fields | undefined, b: Fields | undefined): string[] {
  const keys = Object.keys((a ?? b)!);
  if (a && b) for (const key of Object.keys(b)) if (!Object.hasOwn(a, key)) keys.push(key);
  return keys;
}

/** Which side's value a register takes: 'same' when both sides hold the same value. */
type Won = 'same' | 'a' | 'b';
const valueOf = (won: Won, va: unknown, vb: unknown) => (won === 'b' ? vb : va);
const stampOf = (won: Won, sa: Stamp, sb: Stamp) =>
  won === 'same' ? maxStamp(sa, sb) : won === 'a' ? sa : sb;

function maxRecord(a: Record<string, Stamp>, b: Record<string, Stamp>): Record<string, Stamp> {
  const out: Record<string, Stamp> = { ...a };
  for (const key of Object.keys(b)) {
    const other = b[key]!;
    const mine = own(out, key);
    if (mine === undefined || other > mine) out[key] = other;
  }
  return out;
}

export function mergePlans(a: Plan, b: Plan): MergeResult {
  const A = indexPlan(a, syncOf(a));
  const B = indexPlan(b, syncOf(b));
  const base = maxStamp(A.sync.base, B.sync.base);
  const gone = withBoundedTombstones(maxRecord(A.sync.gone, B.sync.gone));
  const stamps: Record<string, Stamp> = {};
  const conflicts: MergeConflict[] = [];

  /*
   * Each side's register stamps, as maps: a merge looks up every field of every step and item
   * (most have no stamp of their own), and a Map answers a miss without V8 first trying to
   * intern the key, several times faster than the stored record does (benchmark: merge).
   */
  const stampsA = new Map(Object.entries(A.sync.stamps));
  const stampsB = new Map(Object.entries(B.sync.stamps));
  // Most steps and items have no field stamped: their fields are not looked up at all.
  const stampedA = stampedHolders(stampsA);
  const stampedB = stampedHolders(stampsB);

  /**
   * Merges one register: which side's value it takes ('same' when both hold the same value); a
   * conflict goes into `found`. Called for every field of every step and item, so it allocates
   * nothing but a conflict: the caller takes the value and stamp (`valueOf`, `stampOf`).
   */
  const register = (
    holder: string,
    va: unknown,
    vb: unknown,
    sa: Stamp,
    sb: Stamp,
    found: MergeConflict[],
    kind: EntityKind,
    id: string | null,
    field: string,
  ): Won => {
    if (va === vb || deepEqual(va, vb)) return 'same';
    const aWins = sa > sb || (sa === sb && canonicalJson(va) > canonicalJson(vb));
    if (!knows(A.sync.seen, sb) && !knows(B.sync.seen, sa))
      found.push({
        key: `${holder}.${field}`,
        kind,
        id,
        field,
        a: va,
        b: vb,
        aStamp: sa,
        bStamp: sb,
        kept: aWins ? 'a' : 'b',
      });
    return aWins ? 'a' : 'b';
  };

  /** Plain registers: plan fields, event details, drafts, extra fields of the lists' holders. */
  const plainGroup = (
    prefix: string,
    kind: EntityKind,
    ra: Fields,
    rb: Fields,
    skip: (k: string) => boolean,
  ): Fields => {
    const out: Fields = {};
    for (const field of keysOfEither(ra, rb)) {
      if (skip(field)) continue;
      const key = `${prefix}.${field}`;
      // Own fields only: a field named like one of Object's ("toString") is data, not a method.
      const va = own(ra, field);
      const vb = own(rb, field);
      const sa = stampsA.get(key) ?? A.sync.base;
      const sb = stampsB.get(key) ?? B.sync.base;
      const won = register(
        prefix,
        va,
        vb,
        sa,
        sb,
        conflicts,
        kind,
        kind === 'draft' ? field : null,
        field,
      );
      const value = valueOf(won, va, vb);
      const stamp = stampOf(won, sa, sb);
      // Written only where it differs from what the register would inherit.
      if (stamp > base) stamps[key] = stamp;
      if (value !== undefined) out[field] = value;
    }
    return out;
  };

  interface EntityOutcome {
    /** Its fields, `id` first. */
    value: Fields;
    /** A step's section (its `IN_SECTION` register). */
    section: unknown;
    alive: boolean;
    stamps: [string, Stamp][];
    conflicts: MergeConflict[];
  }
  /**
   * One step, section or item: field by field, alive unless a tombstone is newer than all of it.
   * A step's section is one more register (`IN_SECTION`), given apart (`inA`, `inB`).
   */
  const entity = (
    key: string,
    kind: 'section' | 'step' | 'item',
    id: string,
    ra: Fields | undefined,
    rb: Fields | undefined,
    inA?: string,
    inB?: string,
  ): EntityOutcome => {
    const ea = ra ? (stampsA.get(key) ?? A.sync.base) : null;
    const eb = rb ? (stampsB.get(key) ?? B.sync.base) : null;
    const created = ea && eb ? maxStamp(ea, eb) : (ea ?? eb)!;
    const local: [string, Stamp][] = [];
    if (created > base) local.push([key, created]);
    const found: MergeConflict[] = [];
    let top = created;
    const value: Fields = { id };
    let section: unknown;
    const isStep = kind === 'step';
    // The fields of either side; a step's section last.
    const fields = keysOfEither(ra, rb);
    if (isStep && !fields.includes(IN_SECTION)) fields.push(IN_SECTION);
    const stampedInA = ra !== undefined && stampedA.has(key);
    const stampedInB = rb !== undefined && stampedB.has(key);
    for (const field of fields) {
      if (field === 'id') continue;
      const fk = stampedInA || stampedInB ? `${key}.${field}` : null;
      const inSection = isStep && field === IN_SECTION;
      let v: unknown;
      let s: Stamp;
      if (ra && rb) {
        const sa = (stampedInA ? stampsA.get(fk!) : undefined) ?? ea!;
        const sb = (stampedInB ? stampsB.get(fk!) : undefined) ?? eb!;
        const va = inSection ? inA : own(ra, field);
        const vb = inSection ? inB : own(rb, field);
        // The stamp is written only if the thing stays (`commit`).
        const won = register(key, va, vb, sa, sb, found, kind, id, field);
        v = valueOf(won, va, vb);
        s = stampOf(won, sa, sb);
      } else {
        v = inSection ? (ra ? inA : inB) : own((ra ?? rb)!, field);
        s = (fk === null ? undefined : (ra ? stampsA : stampsB).get(fk)) ?? created;
      }
      if (s > created) local.push([fk ?? `${key}.${field}`, s]);
      if (s > top) top = s;
      if (inSection) section = v;
      else if (v !== undefined) value[field] = v;
    }
    const tomb = own(gone, key);
    return {
      value,
      section,
      alive: tomb === undefined || top > tomb,
      stamps: local,
      conflicts: found,
    };
  };
  const commit = (outcome: EntityOutcome) => {
    for (const [k, s] of outcome.stamps) stamps[k] = s;
    conflicts.push(...outcome.conflicts);
  };

  // Steps first: a section a step still lives in stays (or comes back) with it.
  const steps = new Map<string, { value: Fields; section: string }>();
  for (const id of new Set([...A.steps.keys(), ...B.steps.keys()])) {
    const a = A.steps.get(id);
    const b = B.steps.get(id);
    const outcome = entity(stepKey(id), 'step', id, a?.step, b?.step, a?.section, b?.section);
    if (!outcome.alive) continue;
    commit(outcome);
    steps.set(id, { value: outcome.value, section: outcome.section as string });
  }
  const stepsBySection = new Map<string, Set<string>>();
  for (const [id, { section }] of steps) {
    let set = stepsBySection.get(section);
    if (!set) stepsBySection.set(section, (set = new Set()));
    set.add(id);
  }
  const sections = new Map<string, Fields>();
  for (const id of new Set([...A.sections.keys(), ...B.sections.keys()])) {
    const strip = (s: Section | undefined): Fields | undefined => {
      if (!s) return undefined;
      const { steps: _steps, ...rest } = s;
      return rest;
    };
    const outcome = entity(
      sectionKey(id),
      'section',
      id,
      strip(A.sections.get(id)),
      strip(B.sections.get(id)),
    );
    if (!outcome.alive && !stepsBySection.has(id)) continue;
    commit(outcome);
    sections.set(id, outcome.value);
  }
  // A step whose section is gone on both sides (it can only happen with hand-made copies) is dropped.
  const items = new Map<string, Fields>();
  for (const id of new Set([...A.items.keys(), ...B.items.keys()])) {
    const outcome = entity(itemKey(id), 'item', id, A.items.get(id), B.items.get(id));
    if (!outcome.alive) continue;
    commit(outcome);
    items.set(id, outcome.value);
  }

  /** The order of one list: the later order register wins; the other side's additions follow their neighbour. */
  const order = (
    key: string,
    listA: string[] | undefined,
    listB: string[] | undefined,
    sa: Stamp,
    sb: Stamp,
    fallback: Stamp,
    members: ReadonlySet<string>,
    id: string,
  ): string[] => {
    let first: string[];
    let second: string[] | undefined;
    if (listA && listB) {
      const aWins = sa > sb || (sa === sb && listA.join('\u0000') > listB.join('\u0000'));
      first = aWins ? listA : listB;
      second = aWins ? listB : listA;
      const stamp = aWins ? sa : sb;
      if (stamp > fallback) stamps[key] = stamp;
      if (
        !sameRelativeOrder(
          listA.filter((x) => members.has(x)),
          listB.filter((x) => members.has(x)),
        ) &&
        !knows(A.sync.seen, sb) &&
        !knows(B.sync.seen, sa)
      )
        conflicts.push({
          key,
          kind: 'order',
          id,
          field: 'order',
          a: listA,
          b: listB,
          aStamp: sa,
          bStamp: sb,
          kept: aWins ? 'a' : 'b',
        });
    } else {
      first = (listA ?? listB)!;
      const stamp = listA ? sa : sb;
      if (stamp > fallback) stamps[key] = stamp;
    }
    const result = first.filter((x) => members.has(x));
    const placed = new Set(result);
    if (second) {
      for (let i = 0; i < second.length; i += 1) {
        const x = second[i]!;
        if (!members.has(x) || placed.has(x)) continue;
        let at = 0;
        for (let j = i - 1; j >= 0; j -= 1) {
          const before = second[j]!;
          if (placed.has(before)) {
            at = result.indexOf(before) + 1;
            break;
          }
        }
        result.splice(at, 0, x);
        placed.add(x);
      }
    }
    for (const x of [...members].sort()) if (!placed.has(x)) result.push(x);
    return result;
  };

  const sectionOrder = order(
    ORDER_SECTIONS,
    A.sectionOrder,
    B.sectionOrder,
    stampsA.get(ORDER_SECTIONS) ?? A.sync.base,
    stampsB.get(ORDER_SECTIONS) ?? B.sync.base,
    base,
    new Set(sections.keys()),
    'sections',
  );
  const mergedSections = sectionOrder.map((sid) => {
    const key = stepOrderKey(sid);
    const listStamp = (side: IndexedPlan, stamped: Map<string, Stamp>) =>
      stamped.get(key) ?? stamped.get(sectionKey(sid)) ?? side.sync.base;
    const ids = order(
      key,
      A.stepOrder.get(sid),
      B.stepOrder.get(sid),
      listStamp(A, stampsA),
      listStamp(B, stampsB),
      stamps[sectionKey(sid)] ?? base,
      stepsBySection.get(sid) ?? new Set(),
      sid,
    );
    return { ...sections.get(sid)!, steps: ids.map((x) => steps.get(x)!.value) };
  });
  const itemOrder = order(
    ORDER_ITEMS,
    A.itemOrder,
    B.itemOrder,
    stampsA.get(ORDER_ITEMS) ?? A.sync.base,
    stampsB.get(ORDER_ITEMS) ?? B.sync.base,
    base,
    new Set(items.keys()),
    'items',
  );

  const planFields = plainGroup('plan', 'plan', a, b, (k) => STRUCTURAL_PLAN_KEYS.has(k));
  const event = plainGroup('event', 'event', a.event, b.event, () => false);
  const drafts = plainGroup('draft', 'draft', a.drafts, b.drafts, () => false);
  const checklistExtra = plainGroup(
    'checklist',
    'checklist',
    a.checklist,
    b.checklist,
    (k) => k === 'sections',
  );
  const runOfShowExtra = plainGroup(
    'runOfShow',
    'runOfShow',
    a.runOfShow,
    b.runOfShow,
    (k) => k === 'items',
  );

  /*
   * Recorded runs of the show (rehearsals, the event) are kept from both sides, joined by run id.
   * Each run is one register (`run:<id>`, stamped whenever the run changes): the same run changed
   * on both sides takes the later stamp's record, without a question (a run is a record of what
   * happened, not a choice). A run removed on one side stays removed unless the other side changed
   * it later. Oldest first, as the list is kept.
   */
  const runsA = new Map(a.shows.map((r) => [r.id, r]));
  const runsB = new Map(b.shows.map((r) => [r.id, r]));
  const shows: ShowRecord[] = [];
  for (const id of new Set([...runsA.keys(), ...runsB.keys()])) {
    const key = runKey(id);
    const ra = runsA.get(id);
    const rb = runsB.get(id);
    const sa = ra ? (stampsA.get(key) ?? A.sync.base) : null;
    const sb = rb ? (stampsB.get(key) ?? B.sync.base) : null;
    let run: ShowRecord;
    let stamp: Stamp;
    if (ra && rb) {
      const aWins =
        sa! > sb! || (sa === sb && (ra === rb || canonicalJson(ra) >= canonicalJson(rb)));
      run = aWins ? ra : rb;
      stamp = maxStamp(sa!, sb!);
    } else {
      run = (ra ?? rb)!;
      stamp = (sa ?? sb)!;
    }
    const tomb = own(gone, key);
    if (tomb !== undefined && tomb >= stamp) continue;
    if (stamp > base) stamps[key] = stamp;
    shows.push(run);
  }
  shows.sort((x, y) =>
    x.startedAt < y.startedAt
      ? -1
      : x.startedAt > y.startedAt
        ? 1
        : x.id < y.id
          ? -1
          : x.id > y.id
            ? 1
            : 0,
  );

  const time = (iso: string) => Date.parse(iso);
  const earlier = (x: string, y: string) =>
    time(x) < time(y) || (time(x) === time(y) && x <= y) ? x : y;
  const later = (x: string, y: string) => (earlier(x, y) === x ? y : x);

  const names: Record<string, string> = { ...A.sync.names };
  for (const [replica, name] of Object.entries(B.sync.names)) {
    const mine = own(names, replica);
    if (mine === undefined || mine === name) names[replica] = name;
    else {
      const sa = own(A.sync.seen, replica) ?? '';
      const sb = own(B.sync.seen, replica) ?? '';
      if (sb > sa || (sb === sa && name > mine)) names[replica] = name;
    }
  }
  const sync: PlanSync = {
    base,
    seen: maxRecord(A.sync.seen, B.sync.seen),
    stamps,
    gone,
    names,
  };
  // Who first made a value Undo or Redo put back goes with the register's winning stamp.
  const credit: Record<string, Stamp> = {};
  const creditOf = (side: PlanSync, key: string, s: Stamp): Stamp | undefined =>
    side.credit && own(side.stamps, key) === s ? own(side.credit, key) : undefined;
  for (const [key, s] of Object.entries(stamps)) {
    const ca = creditOf(A.sync, key, s);
    const cb = creditOf(B.sync, key, s);
    const c = ca !== undefined && cb !== undefined ? maxStamp(ca, cb) : (ca ?? cb);
    if (c !== undefined) credit[key] = c;
  }
  if (Object.keys(credit).length > 0) sync.credit = credit;
  const merged = {
    ...planFields,
    id: a.id <= b.id ? a.id : b.id,
    event,
    checklist: { ...checklistExtra, sections: mergedSections },
    runOfShow: { ...runOfShowExtra, items: itemOrder.map((x) => items.get(x)!) },
    drafts,
    shows,
    createdAt: earlier(a.createdAt, b.createdAt),
    updatedAt: later(a.updatedAt, b.updatedAt),
    sync,
  };
  // The merged plan goes through the schema like anything else read: a union of two copies can
  // be over a limit (more than 2,000 items), and then it is refused, never stored half-valid.
  const restored = restorePlan(merged);
  return restored.ok ? { ok: true, plan: restored.plan, conflicts } : restored;
}

/**
 * The value the plan holds now in a conflict's place (undefined when the thing is gone), so a
 * summary can tell whether the other value is in the plan, whatever Undo did since.
 */
export function valueAt(plan: Plan, conflict: MergeConflict): unknown {
  const field = (entry: object | undefined) =>
    entry && Object.hasOwn(entry, conflict.field) ? (entry as Fields)[conflict.field] : undefined;
  switch (conflict.kind) {
    case 'plan':
      return field(plan);
    case 'event':
      return field(plan.event);
    case 'checklist':
      return field(plan.checklist);
    case 'runOfShow':
      return field(plan.runOfShow);
    case 'draft':
      return Object.hasOwn(plan.drafts, conflict.field) ? plan.drafts[conflict.field] : undefined;
    case 'section':
      return field(plan.checklist.sections.find((s) => s.id === conflict.id));
    case 'step': {
      const section = plan.checklist.sections.find((s) =>
        s.steps.some((st) => st.id === conflict.id),
      );
      if (conflict.field === IN_SECTION) return section?.id;
      return field(section?.steps.find((st) => st.id === conflict.id));
    }
    case 'item':
      return field(plan.runOfShow.items.find((i) => i.id === conflict.id));
    case 'order': {
      const ids =
        conflict.id === 'items'
          ? plan.runOfShow.items.map((i) => i.id)
          : conflict.id === 'sections'
            ? plan.checklist.sections.map((s) => s.id)
            : plan.checklist.sections.find((s) => s.id === conflict.id)?.steps.map((s) => s.id);
      const wanted = conflict.kept === 'a' ? conflict.b : conflict.a;
      // An order is "the other one" when the things both orders hold come in its order.
      if (!ids || !Array.isArray(wanted)) return ids;
      const known = new Set(wanted as string[]);
      return ids.filter((x) => known.has(x));
    }
  }
}

/** Whether the plan now holds a conflict's other value ("Use this one instead" was taken). */
export function holdsOtherValue(plan: Plan, conflict: MergeConflict): boolean {
  const other = conflict.kept === 'a' ? conflict.b : conflict.a;
  const now = valueAt(plan, conflict);
  if (conflict.kind === 'order' && Array.isArray(other) && Array.isArray(now)) {
    const here = new Set(now as string[]);
    return deepEqual(
      now,
      (other as string[]).filter((x) => here.has(x)),
    );
  }
  return deepEqual(now, other);
}

/**
 * "Use this one instead": the plan with the conflict's other value in place. The caller applies
 * it as an ordinary edit, so it gets a new stamp and wins the next merge.
 */
export function takeOtherValue(plan: Plan, conflict: MergeConflict): Plan {
  const other = conflict.kept === 'a' ? conflict.b : conflict.a;
  const setField = <T extends object>(entry: T): T => {
    const next = { ...entry } as Fields;
    if (other === undefined) delete next[conflict.field];
    else next[conflict.field] = other;
    return next as T;
  };
  switch (conflict.kind) {
    case 'plan':
      return setField(plan);
    case 'event':
      return { ...plan, event: setField(plan.event) };
    case 'checklist':
      return { ...plan, checklist: setField(plan.checklist) };
    case 'runOfShow':
      return { ...plan, runOfShow: setField(plan.runOfShow) };
    case 'draft': {
      const drafts = { ...plan.drafts };
      if (other === undefined) delete drafts[conflict.field];
      else drafts[conflict.field] = other as Plan['drafts'][string];
      return { ...plan, drafts };
    }
    case 'section':
      return {
        ...plan,
        checklist: {
          ...plan.checklist,
          sections: plan.checklist.sections.map((s) => (s.id === conflict.id ? setField(s) : s)),
        },
      };
    case 'step':
      if (conflict.field === IN_SECTION) return moveStepTo(plan, conflict.id!, other as string);
      return {
        ...plan,
        checklist: {
          ...plan.checklist,
          sections: plan.checklist.sections.map((s) =>
            s.steps.some((st) => st.id === conflict.id)
              ? { ...s, steps: s.steps.map((st) => (st.id === conflict.id ? setField(st) : st)) }
              : s,
          ),
        },
      };
    case 'item':
      return {
        ...plan,
        runOfShow: {
          ...plan.runOfShow,
          items: plan.runOfShow.items.map((i) => (i.id === conflict.id ? setField(i) : i)),
        },
      };
    case 'order': {
      const wanted = other as string[];
      const rank = new Map(wanted.map((x, i) => [x, i]));
      const reorder = <T extends { id: string }>(list: T[]): T[] => {
        const known = list
          .filter((x) => rank.has(x.id))
          .sort((x, y) => rank.get(x.id)! - rank.get(y.id)!);
        let k = 0;
        return list.map((x) => (rank.has(x.id) ? known[k++]! : x));
      };
      if (conflict.id === 'items')
        return { ...plan, runOfShow: { ...plan.runOfShow, items: reorder(plan.runOfShow.items) } };
      if (conflict.id === 'sections')
        return {
          ...plan,
          checklist: { ...plan.checklist, sections: reorder(plan.checklist.sections) },
        };
      return {
        ...plan,
        checklist: {
          ...plan.checklist,
          sections: plan.checklist.sections.map((s) =>
            s.id === conflict.id ? { ...s, steps: reorder(s.steps) } : s,
          ),
        },
      };
    }
  }
}

function moveStepTo(plan: Plan, stepId: string, sectionId: string): Plan {
  const step = plan.checklist.sections.flatMap((s) => s.steps).find((s) => s.id === stepId);
  if (!step || !plan.checklist.sections.some((s) => s.id === sectionId)) return plan;
  return {
    ...plan,
    checklist: {
      ...plan.checklist,
      sections: plan.checklist.sections.map((s) => {
        const without = s.steps.filter((st) => st.id !== stepId);
        if (s.id === sectionId) return { ...s, steps: [...without, step] };
        return without.length === s.steps.length ? s : { ...s, steps: without };
      }),
    },
  };
}
