import { describe, expect, it } from 'vitest';
import { setStepDone } from '@/plan/checklist';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { createPlansStore, HISTORY_LIMIT } from '@/store/plans-store';
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
