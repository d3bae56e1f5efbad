import { describe, expect, it } from 'vitest';
import { setStepDone } from '@/plan/checklist';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { finishShow, nextItem, startShow } from '@/plan/live-show';
import type { Plan } from '@/plan/schema';
import { createPlansStore, HISTORY_LIMIT, type PlansStore } from '@/store/plans-store';
import { assemblyDetails, testDeps } from '../fixtures';

function setup() {
  const store = createPlansStore();
  const plan = createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());
  store.getState().addPlan(plan);
  const current = () => store.getState().plans[0]!;
  return { store, plan, current };
}

describe('undo and redo', () => {
  it('undoes and redoes an edit', () => {
    const { store, plan, current } = setup();
    store.getState().updatePlan(plan.id, (p) => ({ ...p, title: 'New' }));
    expect(store.getState().undo(plan.id)).toBe(true);
    expect(current().title).toBe('Assembly');
    expect(store.getState().redo(plan.id)).toBe(true);
    expect(current().title).toBe('New');
    expect(store.getState().redo(plan.id)).toBe(false);
  });

  it('makes one step of edits that share a key (typing), and a new step for a new key', () => {
    const { store, plan, current } = setup();
    for (const title of ['A', 'As', 'Ass'])
      store.getState().updatePlan(plan.id, (p) => ({ ...p, title }), { coalesce: 'title#1' });
    store.getState().updatePlan(plan.id, (p) => ({ ...p, notes: 'x' }), { coalesce: 'notes#2' });
    store.getState().undo(plan.id);
    expect(current()).toMatchObject({ title: 'Ass', notes: '' });
    store.getState().undo(plan.id);
    expect(current().title).toBe('Assembly');
    expect(store.getState().undo(plan.id)).toBe(false);
  });

  it('a new edit clears the redo steps', () => {
    const { store, plan, current } = setup();
    const stepId = plan.checklist.sections[0]!.steps[0]!.id;
    store.getState().updatePlan(plan.id, (p) => setStepDone(p, stepId, true, new Date()));
    store.getState().undo(plan.id);
    store.getState().updatePlan(plan.id, (p) => ({ ...p, title: 'Other' }));
    expect(store.getState().redo(plan.id)).toBe(false);
    expect(current().checklist.sections[0]!.steps[0]!.done).toBe(false);
  });

  it('keeps history per plan, bounded, and out of storage', () => {
    const { store, plan } = setup();
    const other = createPlanFromTemplate('blank', assemblyDetails, testDeps());
    store.getState().addPlan(other);
    for (let i = 0; i < HISTORY_LIMIT + 20; i += 1)
      store.getState().updatePlan(plan.id, (p) => ({ ...p, notes: String(i) }));
    expect(store.getState().history[plan.id]!.past).toHaveLength(HISTORY_LIMIT);
    expect(store.getState().undo(other.id)).toBe(false);
    store.flush();
    expect(localStorage.getItem('hoc-planner.plans')).toContain('"plans"');
    expect(localStorage.getItem('hoc-planner.plans')).not.toContain('"history"');
  });
});

describe('undo and redo leave the live show record alone (issue 9)', () => {
  const T0 = Date.parse('2026-12-07T10:00:00');
  /** A show update, saved the way the live view saves it: outside the undo history. */
  const recordShow = (store: PlansStore, id: string, change: (plan: Plan) => Plan) =>
    store.getState().updatePlan(id, change, { history: false });

  it('keeps the show record through undo and redo of an earlier edit', () => {
    const { store, plan, current } = setup();
    store.getState().updatePlan(plan.id, (p) => ({ ...p, title: 'Edited' }));
    recordShow(store, plan.id, (p) => ({ ...p, shows: [startShow(p, T0)] }));
    recordShow(store, plan.id, (p) => ({ ...p, shows: [nextItem(p.shows[0]!, T0 + 5 * 60_000)] }));
    const show = current().shows[0];
    expect(show?.current).toBe(1);

    expect(store.getState().undo(plan.id)).toBe(true);
    expect(current().title).toBe('Assembly');
    expect(current().shows[0]).toEqual(show);

    expect(store.getState().redo(plan.id)).toBe(true);
    expect(current().title).toBe('Edited');
    expect(current().shows[0]).toEqual(show);
  });

  it('keeps the finished show and its report when undoing back past the start', () => {
    const { store, plan, current } = setup();
    store.getState().updatePlan(plan.id, (p) => ({ ...p, notes: 'one' }));
    store.getState().updatePlan(plan.id, (p) => ({ ...p, notes: 'two' }));
    recordShow(store, plan.id, (p) => ({ ...p, shows: [startShow(p, T0)] }));
    recordShow(store, plan.id, (p) => ({
      ...p,
      shows: [finishShow(p.shows[0]!, T0 + 65 * 60_000)],
    }));
    const show = current().shows[0];
    expect(show?.finishedAt).toBeTruthy();

    while (store.getState().undo(plan.id));
    expect(current().notes).toBe('');
    expect(current().shows[0]).toEqual(show);
    while (store.getState().redo(plan.id));
    expect(current().notes).toBe('two');
    expect(current().shows[0]).toEqual(show);
  });

  it("keeps a tab's undo steps when another tab only records the show, and its record", async () => {
    const { store: live, plan } = setup();
    live.flush();
    const editor = createPlansStore(); // a second tab on the same storage
    editor.getState().updatePlan(plan.id, (p) => ({ ...p, title: 'Edited' }));
    editor.flush();
    await live.persist.rehydrate();
    recordShow(live, plan.id, (p) => ({ ...p, shows: [startShow(p, T0)] }));
    live.flush();
    await editor.persist.rehydrate(); // what the storage event triggers
    const shows = live.getState().plans[0]!.shows;
    expect(shows).toHaveLength(1);
    expect(editor.getState().plans[0]!.shows).toEqual(shows);

    expect(editor.getState().undo(plan.id)).toBe(true);
    expect(editor.getState().plans[0]).toMatchObject({ title: 'Assembly', shows });
    expect(editor.getState().redo(plan.id)).toBe(true);
    expect(editor.getState().plans[0]).toMatchObject({ title: 'Edited', shows });
  });
});
