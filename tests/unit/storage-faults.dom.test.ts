import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setStepDone, setStepFields } from '@/plan/checklist';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { PLAN_FORMAT_VERSION, type Plan } from '@/plan/schema';
import { stampChanges } from '@/plan/stamp-changes';
import { createClock } from '@/plan/stamps';
import { mergePlanLists } from '@/store/merge';
import { BACKUP_KEY_PREFIX, STORAGE_KEY } from '@/store/plan-storage';
import { isQuotaError } from '@/store/storage-errors';
import { createStorageStatus } from '@/store/storage-status';
import { createPlansStore, WRITE_DELAY_MS } from '@/store/plans-store';
import { assemblyDetails, testDeps } from '../fixtures';

const plan = (title = 'Assembly') =>
  createPlanFromTemplate('school-assembly', { ...assemblyDetails, title }, testDeps());

/** localStorage with its own `setItem`: reads and removals go to the real one. */
function storageWith(setItem: Storage['setItem']): Storage {
  const real = window.localStorage;
  return {
    get length() {
      return real.length;
    },
    key: (i) => real.key(i),
    getItem: (k) => real.getItem(k),
    setItem,
    removeItem: (k) => real.removeItem(k),
    clear: () => real.clear(),
  };
}

/** A Storage whose writes fail the way a given browser fails when full. */
function fullStorage(error: unknown): Storage {
  return storageWith(() => {
    throw error;
  });
}

function quotaErrors(): [string, unknown][] {
  const chromium = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  const firefox = Object.assign(new Error('Persistent storage maximum size reached'), {
    name: 'NS_ERROR_DOM_QUOTA_REACHED',
    code: 1014,
  });
  const oldWebKit = { name: 'Error', code: 22, message: 'QUOTA_EXCEEDED_ERR: DOM Exception 22' };
  return [
    ['Chromium', chromium],
    ['Firefox', firefox],
    ['old WebKit', oldWebKit],
  ];
}

describe('storage faults', () => {
  it.each(quotaErrors())('recognises a full storage in %s form', (_, error) => {
    expect(isQuotaError(error)).toBe(true);
  });

  it('does not take other errors for a full storage', () => {
    expect(isQuotaError(new DOMException('x', 'SecurityError'))).toBe(false);
    expect(isQuotaError(new Error('x'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it.each(quotaErrors())(
    'storage full (%s): reported, editing goes on in memory, nothing thrown',
    (_, error) => {
      const status = createStorageStatus();
      const store = createPlansStore({
        storage: () => fullStorage(error),
        status: status.getState(),
      });
      const p = plan();
      store.getState().addPlan(p);
      store.getState().updatePlan(p.id, (x) => ({ ...x, title: 'Edited while full' }));
      expect(() => store.flush()).not.toThrow();
      expect(status.getState().problems.map((x) => x.kind)).toEqual(['quota']);
      expect(store.getState().plans[0]!.title).toBe('Edited while full');
    },
  );

  it('storage unavailable (blocked, private mode): the store starts and says so', () => {
    const status = createStorageStatus();
    const store = createPlansStore({ storage: () => undefined, status: status.getState() });
    store.getState().addPlan(plan());
    store.flush();
    expect(store.getState().plans).toHaveLength(1);
    expect(status.getState().problems.map((x) => x.kind)).toContain('unavailable');
  });

  it('damaged data: kept aside under a backup key, reported with it, and the app starts', () => {
    localStorage.setItem(STORAGE_KEY, '{"state":{"plans":[{"id":');
    const status = createStorageStatus();
    const store = createPlansStore({ status: status.getState() });
    expect(store.getState().plans).toEqual([]);
    const problem = status.getState().problems[0];
    expect(problem).toMatchObject({ kind: 'damaged', raw: '{"state":{"plans":[{"id":' });
    const backupKey = problem?.kind === 'damaged' ? problem.backupKey! : '';
    expect(backupKey.startsWith(BACKUP_KEY_PREFIX)).toBe(true);
    store.getState().addPlan(plan());
    store.flush();
    expect(localStorage.getItem(backupKey)).toBe('{"state":{"plans":[{"id":');
  });

  it('damaged data that cannot be copied aside is never overwritten', () => {
    const real = localStorage;
    real.setItem(STORAGE_KEY, 'garbage');
    const status = createStorageStatus();
    const noRoom: Storage = { ...fullStorage(new DOMException('full', 'QuotaExceededError')) };
    const store = createPlansStore({ storage: () => noRoom, status: status.getState() });
    store.getState().addPlan(plan());
    store.flush();
    expect(real.getItem(STORAGE_KEY)).toBe('garbage');
    expect(status.getState().problems[0]).toMatchObject({ kind: 'damaged', backupKey: null });
  });

  it('data from a newer version: reported, and never overwritten', () => {
    const raw = JSON.stringify({ state: { plans: [] }, version: PLAN_FORMAT_VERSION + 1 });
    localStorage.setItem(STORAGE_KEY, raw);
    const status = createStorageStatus();
    const store = createPlansStore({ status: status.getState() });
    store.getState().addPlan(plan());
    store.flush();
    expect(localStorage.getItem(STORAGE_KEY)).toBe(raw);
    expect(status.getState().problems).toEqual([
      { kind: 'newer', version: PLAN_FORMAT_VERSION + 1, raw },
    ]);
  });

  it('stored plans that fail the schema: kept aside, reported with their count, logged as errors', () => {
    const good = plan('Good');
    const bad1 = { ...plan('Bad 1'), title: '' };
    const bad2 = { ...plan('Bad 2'), runOfShow: 'not an agenda' };
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ state: { plans: [good, bad1, bad2] }, version: PLAN_FORMAT_VERSION }),
    );
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const status = createStorageStatus();
    const store = createPlansStore({ status: status.getState() });
    expect(store.getState().plans.map((p) => p.title)).toEqual(['Good']);
    const problems = status.getState().problems;
    expect(problems.map((p) => p.kind)).toEqual(['rejected']);
    const rejected = problems[0]!.kind === 'rejected' ? problems[0]!.plans : [];
    expect(rejected.map((r) => r.raw)).toEqual([JSON.stringify(bad1), JSON.stringify(bad2)]);
    for (const { raw, backupKey } of rejected) {
      expect(backupKey!.startsWith(BACKUP_KEY_PREFIX)).toBe(true);
      expect(localStorage.getItem(backupKey!)).toBe(raw);
    }
    expect(error).toHaveBeenCalledTimes(2);
    expect(warn).not.toHaveBeenCalled();
    // Editing goes on and saves as usual: the copies aside are enough.
    store.getState().updatePlan(good.id, (x) => ({ ...x, title: 'Good, edited' }));
    store.flush();
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).state.plans).toHaveLength(1);
  });

  it('a failing plan that cannot be copied aside: the main key is never overwritten, and the user is told', () => {
    const good = plan('Good');
    const bad = { ...plan('Bad'), title: '' };
    const raw = JSON.stringify({ state: { plans: [good, bad] }, version: PLAN_FORMAT_VERSION });
    localStorage.setItem(STORAGE_KEY, raw);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const status = createStorageStatus();
    const store = createPlansStore({ storage: noRoomForBackups, status: status.getState() });
    expect(store.getState().plans.map((p) => p.title)).toEqual(['Good']);
    store.getState().updatePlan(good.id, (x) => ({ ...x, title: 'Edited' }));
    expect(() => store.flush()).not.toThrow();
    expect(localStorage.getItem(STORAGE_KEY)).toBe(raw);
    expect(store.getState().plans[0]!.title).toBe('Edited');
    expect(status.getState().problems).toEqual([
      { kind: 'rejected', plans: [{ raw: JSON.stringify(bad), backupKey: null }] },
    ]);
  });

  it('another tab writes a failing plan: reported, and not written over while it has no copy', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const status = createStorageStatus();
    const store = createPlansStore({ storage: noRoomForBackups, status: status.getState() });
    const mine = plan('Mine');
    store.getState().addPlan(mine);
    store.flush();
    const bad = { ...plan('Theirs'), title: '' };
    const theirs = JSON.stringify({
      state: { plans: [mine, bad] },
      version: PLAN_FORMAT_VERSION,
    });
    localStorage.setItem(STORAGE_KEY, theirs); // the other tab, without a storage event yet
    store.getState().updatePlan(mine.id, (x) => ({ ...x, title: 'Mine, edited' }));
    store.flush();
    expect(localStorage.getItem(STORAGE_KEY)).toBe(theirs);
    expect(status.getState().problems.map((p) => p.kind)).toEqual(['rejected']);
  });

  it.each([
    ['plans is not a list', '{"state":{"plans":{"0":{"id":"a","title":"Half"}}},"version":1}'],
    ['there is no list of plans', '{"state":{"planz":[]},"version":1}'],
    ['state is not an object', '{"state":"plans","version":1}'],
    ['state is null', '{"state":null,"version":1}'],
  ])('stored data where %s: treated as damaged, kept aside, reported', (_, raw) => {
    localStorage.setItem(STORAGE_KEY, raw);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const status = createStorageStatus();
    const store = createPlansStore({ status: status.getState() });
    expect(store.getState().plans).toEqual([]);
    const problem = status.getState().problems[0];
    expect(problem).toMatchObject({ kind: 'damaged', raw });
    const backupKey = problem?.kind === 'damaged' ? problem.backupKey! : '';
    expect(localStorage.getItem(backupKey)).toBe(raw);
    store.getState().addPlan(plan());
    store.flush();
    expect(localStorage.getItem(backupKey)).toBe(raw);
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).state.plans).toHaveLength(1);
  });

  it('stored data without a list of plans that cannot be copied aside is never overwritten', () => {
    const raw = '{"state":{"plans":"x"},"version":1}';
    localStorage.setItem(STORAGE_KEY, raw);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const status = createStorageStatus();
    const store = createPlansStore({ storage: noRoomForBackups, status: status.getState() });
    store.getState().addPlan(plan());
    store.flush();
    expect(localStorage.getItem(STORAGE_KEY)).toBe(raw);
    expect(status.getState().problems).toEqual([{ kind: 'damaged', raw, backupKey: null }]);
  });

  it('another tab writes data without a list of plans: kept aside before it is written over', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const status = createStorageStatus();
    const store = createPlansStore({ status: status.getState() });
    store.getState().addPlan(plan());
    store.flush();
    const raw = '{"state":{"plans":null},"version":1}';
    localStorage.setItem(STORAGE_KEY, raw);
    store.getState().addPlan(plan('Second'));
    store.flush();
    expect(status.getState().problems).toMatchObject([{ kind: 'damaged', raw }]);
    const backups = Object.keys(localStorage).filter((k) => k.startsWith(BACKUP_KEY_PREFIX));
    expect(backups.map((k) => localStorage.getItem(k))).toEqual([raw]);
  });
});

/** localStorage where the main key can be written but a copy aside can't (no room for it). */
function noRoomForBackups(): Storage {
  return storageWith((k, v) => {
    if (k.startsWith(BACKUP_KEY_PREFIX))
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    window.localStorage.setItem(k, v);
  });
}

describe('batched writes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('write once per burst of typing, ~300 ms after the last change', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const store = createPlansStore();
    const p = plan();
    store.getState().addPlan(p);
    for (const title of ['A', 'As', 'Ass', 'Asse', 'Assem']) {
      store.getState().updatePlan(p.id, (x) => ({ ...x, title }), { coalesce: 'title#1' });
      vi.advanceTimersByTime(100);
    }
    expect(setItem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(WRITE_DELAY_MS);
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).state.plans[0].title).toBe('Assem');
  });

  it('a hidden tab does not write on its timer', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const store = createPlansStore();
    store.getState().addPlan(plan());
    vi.advanceTimersByTime(WRITE_DELAY_MS * 3);
    expect(setItem).not.toHaveBeenCalled();
    hidden.mockRestore();
    store.flush(); // what the page does when it is hidden or closed
    expect(setItem).toHaveBeenCalledTimes(1);
  });
});

describe('several tabs', () => {
  const stepId = (p: Plan, section: number, index: number) =>
    p.checklist.sections[section]!.steps[index]!.id;

  it('an edit in one tab reaches the other', async () => {
    const a = createPlansStore();
    const p = plan();
    a.getState().addPlan(p);
    a.flush();
    const b = createPlansStore();
    expect(b.getState().plans).toHaveLength(1);
    a.getState().updatePlan(p.id, (x) => ({ ...x, title: 'From A' }));
    a.flush();
    await b.persist.rehydrate(); // what the storage event triggers
    expect(b.getState().plans[0]!.title).toBe('From A');
  });

  it('alternating and overlapping edits to one plan in two tabs are all kept', async () => {
    const a = createPlansStore();
    const p = plan();
    a.getState().addPlan(p);
    a.flush();
    const b = createPlansStore();
    const ids = p.checklist.sections.flatMap((s) => s.steps.map((x) => x.id));
    for (let i = 0; i < 6; i += 1) {
      a.getState().updatePlan(p.id, (x) => setStepFields(x, ids[i]!, { owner: `A${i}` }));
      b.getState().updatePlan(p.id, (x) => setStepFields(x, ids[i + 6]!, { owner: `B${i}` }));
      // Both changed before either wrote: the second writer merges.
      a.flush();
      b.flush();
      await a.persist.rehydrate();
    }
    for (const store of [a, b]) {
      const owners = store
        .getState()
        .plans[0]!.checklist.sections.flatMap((s) => s.steps.map((x) => x.owner));
      for (let i = 0; i < 6; i += 1) {
        expect(owners).toContain(`A${i}`);
        expect(owners).toContain(`B${i}`);
      }
    }
    expect(
      JSON.parse(localStorage.getItem(STORAGE_KEY)!).state.plans[0].checklist.sections[0].steps[0]
        .owner,
    ).toBe('A0');
    expect(stepId(a.getState().plans[0]!, 0, 0)).toBe(ids[0]);
  });
});

describe('merging the lists of two tabs', () => {
  let t = Date.parse('2026-11-22T10:00:00Z');
  const tab = (replica: string) => createClock(replica, () => (t += 1));

  it('keeps one-sided changes on both sides and gives a true conflict to the later change', () => {
    const base = plan();
    const here = tab('here');
    const there = tab('there');
    const ours = stampChanges(base, setStepDone(base, stepId(base), true, new Date(t)), here);
    const theirs = stampChanges(base, { ...base, title: 'Renamed elsewhere' }, there);
    const [merged] = mergePlanLists([base], [ours], [theirs]);
    expect(merged!.title).toBe('Renamed elsewhere');
    expect(merged!.checklist.sections[0]!.steps[0]!.done).toBe(true);
    const mine = stampChanges(base, { ...base, title: 'Mine' }, here);
    const later = stampChanges(base, { ...base, title: 'Theirs, later' }, there);
    expect(mergePlanLists([base], [mine], [later])[0]!.title).toBe('Theirs, later');
    expect(mergePlanLists([base], [later], [mine])[0]!.title).toBe('Theirs, later');
  });

  it('keeps plans added in either tab and drops a plan one tab deleted', () => {
    const [a, b, c] = [plan('A'), { ...plan('B'), id: 'b' }, { ...plan('C'), id: 'c' }];
    const x = { ...plan('X'), id: 'x' };
    const y = { ...plan('Y'), id: 'y' };
    const merged = mergePlanLists([a, b, c], [c, a, b, x], [a, y, c]);
    expect(merged.map((p) => p.id)).toEqual([c.id, a.id, y.id, x.id]);
  });

  function stepId(p: Plan) {
    return p.checklist.sections[0]!.steps[0]!.id;
  }
});
