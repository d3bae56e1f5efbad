import { describe, expect, it } from 'vitest';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { PLAN_FORMAT_VERSION } from '@/plan/schema';
import { BACKUP_KEY_PREFIX, STORAGE_KEY } from '@/store/plan-storage';
import { createPlansStore } from '@/store/plans-store';
import { testDeps } from '../fixtures';

const details = { title: 'Assembly', date: '2026-12-07', startTime: '10:00', place: 'Hall' };
const backups = () => Object.keys(localStorage).filter((k) => k.startsWith(BACKUP_KEY_PREFIX));

describe('plans store', () => {
  it('keeps plans across a reload (a new store on the same storage)', () => {
    const store = createPlansStore();
    const plan = createPlanFromTemplate('school-assembly', details, testDeps());
    store.getState().addPlan(plan);
    store.flush();
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY)!);
    expect(stored.version).toBe(PLAN_FORMAT_VERSION);
    expect(Object.keys(stored.state)).toEqual(['plans']);
    const reloaded = createPlansStore();
    expect(reloaded.getState().plans).toEqual([plan]);
  });

  it('updates one plan, stamps it, and ignores no-op recipes', () => {
    const store = createPlansStore({ now: () => new Date('2026-11-23T10:00:00Z') });
    const plan = createPlanFromTemplate('blank', details, testDeps());
    store.getState().addPlan(plan);
    const before = store.getState().plans;
    store.getState().updatePlan(plan.id, (p) => p);
    expect(store.getState().plans).toBe(before);
    store.getState().updatePlan(plan.id, (p) => ({ ...p, title: 'Renamed' }));
    expect(store.getState().plans[0]).toMatchObject({
      title: 'Renamed',
      updatedAt: '2026-11-23T10:00:00.000Z',
    });
  });

  it('removes a plan and puts it back whole, in its place', () => {
    const store = createPlansStore();
    const deps = testDeps();
    const plans = ['A', 'B', 'C'].map((title) =>
      createPlanFromTemplate('school-assembly', { ...details, title }, deps),
    );
    plans.forEach((p) => store.getState().addPlan(p));
    const removed = store.getState().removePlan(plans[1]!.id)!;
    expect(store.getState().plans.map((p) => p.title)).toEqual(['A', 'C']);
    store.getState().reinsertPlan(removed.plan, removed.index);
    expect(store.getState().plans).toEqual(plans);
  });

  it('keeps a stored plan that fails the schema aside instead of dropping it', () => {
    const good = createPlanFromTemplate('blank', details, testDeps());
    const bad = { ...good, id: 'bad', title: '' };
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ state: { plans: [good, bad] }, version: PLAN_FORMAT_VERSION }),
    );
    const store = createPlansStore();
    expect(store.getState().plans.map((p) => p.id)).toEqual([good.id]);
    expect(backups().map((k) => localStorage.getItem(k))).toEqual([JSON.stringify(bad)]);
  });

  it('keeps damaged storage aside and starts empty', () => {
    localStorage.setItem(STORAGE_KEY, '{"state": {"plans": [');
    const store = createPlansStore();
    expect(store.getState().plans).toEqual([]);
    expect(backups().map((k) => localStorage.getItem(k))).toEqual(['{"state": {"plans": [']);
  });

  it('never overwrites data from a newer version', () => {
    const raw = JSON.stringify({ state: { plans: [] }, version: PLAN_FORMAT_VERSION + 1 });
    localStorage.setItem(STORAGE_KEY, raw);
    const store = createPlansStore();
    store.getState().addPlan(createPlanFromTemplate('blank', details, testDeps()));
    store.flush();
    expect(localStorage.getItem(STORAGE_KEY)).toBe(raw);
  });
});
