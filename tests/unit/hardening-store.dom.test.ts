import { describe, expect, it } from 'vitest';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { serializeBackup } from '@/plan/file-format';
import { PLAN_FORMAT_VERSION, type Plan } from '@/plan/schema';
import { stampChanges } from '@/plan/stamp-changes';
import { createClock } from '@/plan/stamps';
import { BACKUP_KEY_PREFIX, STORAGE_KEY } from '@/store/plan-storage';
import { mergeImportedPlan } from '@/store/merge-copy';
import { mergeReports } from '@/store/merge-reports';
import { createPlansStore, importPlans } from '@/store/plans-store';
import { createStorageStatus } from '@/store/storage-status';
import { assemblyDetails, testDeps } from '../fixtures';

/* Hostile data already in storage, and an import storage has no room for (issue 17). */

const options = {
  translate: (_key: string, fallback: string) => fallback,
  now: new Date('2026-11-22T10:00:00Z'),
  appVersion: 'test',
};
const plan = (title = 'Assembly', start?: string): Plan =>
  createPlanFromTemplate('school-assembly', { ...assemblyDetails, title }, testDeps(start));
const backups = () => Object.keys(localStorage).filter((k) => k.startsWith(BACKUP_KEY_PREFIX));

describe('stored plans nested too deep (case 1)', () => {
  it('are set aside whole; the others load, saving and the backup work again', () => {
    localStorage.clear();
    const good = plan('Good');
    const bad = JSON.stringify({ ...plan('Deep', '2026-11-23T09:00:00.000Z'), id: 'deep' });
    const deepField = `${'['.repeat(8000)}${']'.repeat(8000)}`;
    // Written as text: JSON.stringify can't write it (what broke every save after it).
    const stored = `{"state":{"plans":[${JSON.stringify(good)},${bad.slice(0, -1)},"extra":${deepField}}]},"version":${PLAN_FORMAT_VERSION}}`;
    localStorage.setItem(STORAGE_KEY, stored);
    const status = createStorageStatus();
    const store = createPlansStore({ status: status.getState() });
    expect(store.getState().plans.map((p) => p.title)).toEqual(['Good']);
    // Kept aside, whole, under a backup key, and reported.
    expect(backups()).toHaveLength(1);
    expect(localStorage.getItem(backups()[0]!)).toBe(stored);
    expect(status.getState().problems.map((p) => p.kind)).toEqual(['rejected']);
    // Saving works: a new plan is written, and the main key no longer holds the deep one.
    store.getState().addPlan(plan('New', '2026-11-24T09:00:00.000Z'));
    expect(store.flush()).toBe('saved');
    const written = localStorage.getItem(STORAGE_KEY)!;
    expect(written).not.toContain('[[[[');
    expect(JSON.parse(written).state.plans).toHaveLength(2);
    // "Download a backup" writes every plan in the store.
    expect(() => serializeBackup(store.getState().plans, options)).not.toThrow();
  });
});

describe('a stored version that is not a whole number (case 9)', () => {
  it.each(['"2"', '1.5', '0', 'null'])(
    'version %s is not taken as the current one: kept aside, nothing loaded',
    (version) => {
      localStorage.clear();
      const stored = `{"state":{"plans":[${JSON.stringify(plan())}]},"version":${version}}`;
      localStorage.setItem(STORAGE_KEY, stored);
      const status = createStorageStatus();
      const store = createPlansStore({ status: status.getState() });
      expect(store.getState().plans).toEqual([]);
      expect(status.getState().problems.map((p) => p.kind)).toEqual(['damaged']);
      expect(backups().map((k) => localStorage.getItem(k))).toEqual([stored]);
    },
  );
});

describe('an import storage has no room for (case 9)', () => {
  /** localStorage that refuses any value longer than `max` characters, like a full quota. */
  function smallStorage(max: number): Storage {
    const real = window.localStorage;
    return {
      get length() {
        return real.length;
      },
      key: (i) => real.key(i),
      getItem: (k) => real.getItem(k),
      setItem: (k, v) => {
        if (v.length > max)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        real.setItem(k, v);
      },
      removeItem: (k) => real.removeItem(k),
      clear: () => real.clear(),
    };
  }

  it('is refused up front with the storage message; the plans and storage stay as they were', () => {
    localStorage.clear();
    const saved = plan('Saved');
    const limit = JSON.stringify({ state: { plans: [saved] }, version: 1 }).length + 2000;
    const status = createStorageStatus();
    const store = createPlansStore({
      storage: () => smallStorage(limit),
      status: status.getState(),
    });
    store.getState().addPlan(saved);
    expect(store.flush()).toBe('saved');
    const before = localStorage.getItem(STORAGE_KEY);

    const big = { ...plan('Big', '2026-11-25T09:00:00.000Z'), notes: 'x'.repeat(40_000) };
    expect(importPlans([big], store)).toEqual({ ok: false, error: { code: 'storageFull' } });
    expect(store.getState().plans.map((p) => p.title)).toEqual(['Saved']);
    expect(localStorage.getItem(STORAGE_KEY)).toBe(before);
    // The banner for a full storage is not left behind: what is in the store is saved.
    expect(status.getState().problems).toEqual([]);

    const small = plan('Small', '2026-11-26T09:00:00.000Z');
    const result = importPlans([{ ...small, checklist: { sections: [] } }], store);
    expect(result.ok).toBe(true);
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).state.plans).toHaveLength(2);
  });
  it('a copy merged in is refused the same way: plan, undo and storage as they were', () => {
    localStorage.clear();
    // The app's record of merges is shared by the files of a worker: start from none.
    mergeReports.setState({ reports: {} });
    const saved = plan('Saved');
    const limit = JSON.stringify({ state: { plans: [saved] }, version: 1 }).length + 2000;
    const status = createStorageStatus();
    const store = createPlansStore({
      storage: () => smallStorage(limit),
      status: status.getState(),
    });
    store.getState().addPlan(saved);
    store.getState().updatePlan(saved.id, (p) => ({ ...p, notes: 'Mine' }));
    expect(store.flush()).toBe('saved');
    const before = localStorage.getItem(STORAGE_KEY);
    const here = store.getState().plans[0]!;
    const history = store.getState().history[saved.id];

    // The colleague's copy: the same plan, edited there (later) with more notes than there's room for.
    const colleague = createClock('kari', () => Date.now() + 60_000);
    const copy = stampChanges(here, { ...here, notes: 'x'.repeat(40_000) }, colleague);
    expect(mergeImportedPlan(copy, store)).toEqual({ ok: false, reason: 'storageFull' });
    expect(store.getState().plans).toEqual([here]);
    expect(store.getState().history[saved.id]).toEqual(history);
    expect(localStorage.getItem(STORAGE_KEY)).toBe(before);
    expect(status.getState().problems).toEqual([]);
    expect(mergeReports.getState().reports[saved.id]).toBeUndefined();

    // A copy that fits merges and is saved at once.
    const fits = stampChanges(here, { ...here, title: 'Assembly, from the copy' }, colleague);
    const merged = mergeImportedPlan(fits, store);
    expect(merged.ok && merged.after.title).toBe('Assembly, from the copy');
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).state.plans[0].title).toBe(
      'Assembly, from the copy',
    );
  });
});
