import { describe, expect, it, vi } from 'vitest';
import { BACKUP_KEY_PREFIX, STORAGE_KEY } from '@/data/backup';
import { createPlansSync, WRITE_DELAY_MS, type PlansSyncHost } from '@/data/plans-sync';
import type { StorageProblem } from '@/data/storage-problems';
import { addStep } from '@/plan/checklist';
import { createPlanFromTemplate, newStep } from '@/plan/create-plan';
import { PLAN_FORMAT_VERSION, type Plan } from '@/plan/schema';
import { createPlansStore } from '@/store/create-plans-store';
import { fakeBrowser, type FakeTab } from '../fake-browser';
import { assemblyDetails, testDeps } from '../fixtures';

/*
 * The data layer's persistence and two-tab sync, under node, with a fake browser: the same rules
 * the reliability journeys check in Chromium (storage full, damaged data, blocked storage, a
 * newer version never overwritten, two tabs keeping each other's edits).
 */

const plan = (title = 'Assembly') =>
  createPlanFromTemplate('school-assembly', { ...assemblyDetails, title }, testDeps());

function statusList() {
  const problems: StorageProblem[] = [];
  return {
    problems,
    report: (p: StorageProblem) => {
      const at = problems.findIndex((x) => x.kind === p.kind);
      if (at >= 0) problems.splice(at, 1);
      problems.push(p);
    },
    clear: (kind: StorageProblem['kind']) => {
      const at = problems.findIndex((x) => x.kind === kind);
      if (at >= 0) problems.splice(at, 1);
    },
  };
}

/** A host that just holds plans, as the store does. */
function holder(tab: FakeTab, watch = false) {
  let plans: Plan[] = [];
  const host: PlansSyncHost = { current: () => plans, receive: (merged) => (plans = merged) };
  const status = statusList();
  const sync = createPlansSync(host, {
    storage: tab.storage,
    page: tab.page,
    timers: tab.timers,
    status,
    watch,
  });
  plans = sync.load();
  return {
    sync,
    status,
    get plans() {
      return plans;
    },
    set(next: Plan[]) {
      plans = next;
      sync.changed();
    },
  };
}

const stored = (data: Map<string, string>) => JSON.parse(data.get(STORAGE_KEY)!);
const backups = (data: Map<string, string>) =>
  [...data].filter(([k]) => k.startsWith(BACKUP_KEY_PREFIX)).map(([, v]) => v);

describe('plans sync: saving', () => {
  it('writes once per burst of changes, after the pause, in the stored format', () => {
    const browser = fakeBrowser();
    const tab = holder(browser.tab());
    const p = plan();
    for (const title of ['A', 'As', 'Ass']) {
      tab.set([{ ...p, title }]);
      browser.advance(WRITE_DELAY_MS - 1);
    }
    expect(browser.data.has(STORAGE_KEY)).toBe(false);
    browser.advance(1);
    expect(stored(browser.data)).toEqual({
      state: { plans: [{ ...p, title: 'Ass' }] },
      version: PLAN_FORMAT_VERSION,
    });
    expect(tab.sync.flush()).toBe('nothing');
  });

  it('a hidden tab does not write on its timer; leaving the page writes', () => {
    const browser = fakeBrowser();
    const fake = browser.tab();
    const tab = holder(fake, true);
    fake.page.hide();
    tab.set([plan()]);
    browser.advance(WRITE_DELAY_MS * 3);
    expect(browser.data.has(STORAGE_KEY)).toBe(false);
    fake.page.hide(); // hidden again, or closed: the page's leave signal
    expect(stored(browser.data).state.plans).toHaveLength(1);
  });

  it('reads back what it wrote (a reload)', () => {
    const browser = fakeBrowser();
    const first = holder(browser.tab());
    first.set([plan('One'), { ...plan('Two'), id: 'two' }]);
    first.sync.flush();
    expect(holder(browser.tab()).plans.map((p) => p.title)).toEqual(['One', 'Two']);
  });

  it('storage full: says so, keeps the plans in memory, and clears the message once saved', () => {
    const browser = fakeBrowser();
    const tab = holder(browser.tab());
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    browser.failWrites(() => Object.assign(new Error('full'), { name: 'QuotaExceededError' }));
    tab.set([plan()]);
    expect(tab.sync.flush()).toBe('quota');
    expect(tab.status.problems.map((p) => p.kind)).toEqual(['quota']);
    expect(tab.plans).toHaveLength(1);
    browser.failWrites(null);
    expect(tab.sync.flush()).toBe('saved');
    expect(tab.status.problems).toEqual([]);
  });

  it('storage blocked: says so, and the plans live in memory', () => {
    const status = statusList();
    let plans: Plan[] = [];
    const sync = createPlansSync(
      { current: () => plans, receive: (p) => (plans = p) },
      { storage: () => undefined, page: fakeBrowser().tab().page, status },
    );
    expect(sync.load()).toEqual([]);
    plans = [plan()];
    sync.changed();
    expect(sync.flush()).toBe('nothing');
    expect(status.problems.map((p) => p.kind)).toEqual(['unavailable']);
    sync.stop();
  });

  it('an older version is read through the migrations and written back in the current one', () => {
    const browser = fakeBrowser();
    const { sync: _sync, ...current } = plan();
    browser.data.set(STORAGE_KEY, JSON.stringify({ state: { plans: [current] }, version: 2 }));
    const tab = holder(browser.tab());
    expect(tab.plans[0]!.sync?.base).toMatch(/v1$/);
    browser.advance(WRITE_DELAY_MS);
    expect(stored(browser.data).version).toBe(PLAN_FORMAT_VERSION);
  });
});

describe('plans sync: data it must not lose', () => {
  it('damaged data: copied aside and reported; writing goes on', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const browser = fakeBrowser();
    browser.data.set(STORAGE_KEY, '{"state": {"plans": [');
    const tab = holder(browser.tab());
    expect(tab.plans).toEqual([]);
    expect(backups(browser.data)).toEqual(['{"state": {"plans": [']);
    expect(tab.status.problems[0]).toMatchObject({ kind: 'damaged' });
    tab.set([plan()]);
    expect(tab.sync.flush()).toBe('saved');
  });

  it('damaged data that cannot be copied aside is never written over', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const browser = fakeBrowser();
    browser.data.set(STORAGE_KEY, 'garbage');
    browser.failWrites((key) => key.startsWith(BACKUP_KEY_PREFIX) && new Error('full'));
    const tab = holder(browser.tab());
    tab.set([plan()]);
    expect(tab.sync.flush()).toBe('nothing');
    expect(browser.data.get(STORAGE_KEY)).toBe('garbage');
    expect(tab.status.problems).toEqual([{ kind: 'damaged', raw: 'garbage', backupKey: null }]);
  });

  it('a newer version: reported, never written over, at start or written by another tab', () => {
    const browser = fakeBrowser();
    const newer = JSON.stringify({ state: { plans: [] }, version: PLAN_FORMAT_VERSION + 1 });
    browser.data.set(STORAGE_KEY, newer);
    const tab = holder(browser.tab());
    tab.set([plan()]);
    tab.sync.flush();
    expect(browser.data.get(STORAGE_KEY)).toBe(newer);
    expect(tab.status.problems).toEqual([
      { kind: 'newer', version: PLAN_FORMAT_VERSION + 1, raw: newer },
    ]);

    const other = fakeBrowser();
    const mine = holder(other.tab(), true);
    mine.set([plan('Mine')]);
    mine.sync.flush();
    const theirs = JSON.stringify({ state: { plans: [] }, version: 99 });
    other.data.set(STORAGE_KEY, theirs); // a newer app in another tab
    mine.sync.pull();
    // Nothing is dropped from this tab's memory, and storage keeps the newer data.
    expect(mine.plans.map((p) => p.title)).toEqual(['Mine']);
    mine.set([{ ...mine.plans[0]!, title: 'Mine, edited' }]);
    expect(mine.sync.flush()).toBe('nothing');
    expect(other.data.get(STORAGE_KEY)).toBe(theirs);
  });

  it('a stored plan that fails the schema is kept aside; the others load', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const browser = fakeBrowser();
    const good = plan('Good');
    const bad = { ...plan('Bad'), id: 'bad', title: '' };
    browser.data.set(
      STORAGE_KEY,
      JSON.stringify({ state: { plans: [good, bad] }, version: PLAN_FORMAT_VERSION }),
    );
    const tab = holder(browser.tab());
    expect(tab.plans.map((p) => p.title)).toEqual(['Good']);
    expect(backups(browser.data)).toEqual([JSON.stringify(bad)]);
    expect(tab.status.problems.map((p) => p.kind)).toEqual(['rejected']);
  });
});

describe('plans sync: two tabs', () => {
  it('50 alternating edits in each of two tabs on one plan: all 100 kept in both', () => {
    const browser = fakeBrowser();
    const stores = [browser.tab(), browser.tab()].map((tab) =>
      createPlansStore({
        storage: tab.storage,
        page: tab.page,
        timers: tab.timers,
        watchPage: true,
      }),
    );
    const [a, b] = [stores[0]!, stores[1]!];
    const p = plan();
    a.getState().addPlan(p);
    browser.advance(WRITE_DELAY_MS);
    browser.deliverEvents();
    expect(b.getState().plans).toHaveLength(1);
    const section = p.checklist.sections.at(-1)!.id;
    let n = 0;
    const deps = { ...testDeps(), newId: () => `added-${++n}` };
    const add = (store: typeof a, text: string) =>
      store.getState().updatePlan(p.id, (x) => addStep(x, section, newStep(deps, { text })));
    for (let i = 1; i <= 50; i += 1) {
      add(a, `Tab A step ${i}`);
      // Every third round both tabs change the plan before either writes or hears the other.
      if (i % 3 !== 0) {
        browser.advance(WRITE_DELAY_MS);
        browser.deliverEvents();
      }
      add(b, `Tab B step ${i}`);
      browser.advance(WRITE_DELAY_MS);
      browser.deliverEvents();
    }
    a.flush();
    browser.deliverEvents();
    const texts = (store: typeof a) =>
      store
        .getState()
        .plans[0]!.checklist.sections.at(-1)!
        .steps.map((s) => s.text);
    for (const store of [a, b]) {
      const added = texts(store).filter((t) => /^Tab [AB] step \d+$/.test(t));
      expect(new Set(added).size).toBe(100);
    }
    expect(texts(a)).toEqual(texts(b));
    expect(stored(browser.data).state.plans[0].checklist).toEqual(a.getState().plans[0]!.checklist);
    stores.forEach((s) => s.stop());
  });

  it('an edit in one tab reaches the other through its storage event, undo history dropped', () => {
    const browser = fakeBrowser();
    const [ta, tb] = [browser.tab(), browser.tab()];
    const opts = (t: FakeTab) => ({
      storage: t.storage,
      page: t.page,
      timers: t.timers,
      watchPage: true,
    });
    const a = createPlansStore(opts(ta));
    const p = plan();
    a.getState().addPlan(p);
    a.flush();
    const b = createPlansStore(opts(tb));
    b.getState().updatePlan(p.id, (x) => ({ ...x, notes: 'B' }));
    b.flush();
    browser.deliverEvents();
    a.getState().updatePlan(p.id, (x) => ({ ...x, title: 'From A' }));
    a.flush();
    browser.deliverEvents();
    expect(b.getState().plans[0]).toMatchObject({ title: 'From A', notes: 'B' });
    // Undo in B would revert A's edit too: its history for that plan is gone.
    expect(b.getState().undo(p.id)).toBe(false);
    a.stop();
    b.stop();
  });

  it('a plan another writer stored damaged is not a deletion: this tab keeps it, unsaved edit too, and saves it back', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const browser = fakeBrowser();
    const [ta, tb] = [browser.tab(), browser.tab()];
    const a = holder(ta, true);
    const p = plan('Assembly');
    a.set([p]);
    a.sync.flush();
    // An edit in A, not yet written (its pause has not passed)...
    a.set([{ ...p, title: 'Renamed in A' }]);
    // ...while another writer (an older version of the app in another tab, a bug) stores the
    // same plan damaged.
    const damaged = { ...p, title: 12345 };
    tb.storage().setItem(
      STORAGE_KEY,
      JSON.stringify({ state: { plans: [damaged] }, version: PLAN_FORMAT_VERSION }),
    );
    browser.deliverEvents();
    expect(a.plans.map((x) => x.title)).toEqual(['Renamed in A']);
    expect(a.sync.flush()).toBe('saved');
    expect(stored(browser.data).state.plans.map((x: Plan) => x.title)).toEqual(['Renamed in A']);
    // The damaged copy is kept aside, and said.
    expect(backups(browser.data)).toEqual([JSON.stringify(damaged)]);
    expect(a.status.problems.map((x) => x.kind)).toEqual(['rejected']);
  });

  it('a damaged entry with no readable id deletes nothing in this tab', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const browser = fakeBrowser();
    const [ta, tb] = [browser.tab(), browser.tab()];
    const a = holder(ta, true);
    a.set([plan('One'), { ...plan('Two'), id: 'two' }]);
    a.sync.flush();
    tb.storage().setItem(
      STORAGE_KEY,
      JSON.stringify({ state: { plans: ['not a plan'] }, version: PLAN_FORMAT_VERSION }),
    );
    browser.deliverEvents();
    expect(a.plans.map((x) => x.title)).toEqual(['One', 'Two']);
    a.set([...a.plans]);
    expect(a.sync.flush()).toBe('saved');
    expect(stored(browser.data).state.plans).toHaveLength(2);
  });

  it('a plan deleted in one tab goes from the other; one added there stays', () => {
    const browser = fakeBrowser();
    const [ta, tb] = [browser.tab(), browser.tab()];
    const a = holder(ta, true);
    a.set([plan('Kept'), { ...plan('Deleted'), id: 'gone' }]);
    a.sync.flush();
    const b = holder(tb, true);
    b.set([...b.plans, { ...plan('Added in B'), id: 'new' }]);
    a.set(a.plans.filter((p) => p.id !== 'gone'));
    a.sync.flush();
    b.sync.flush(); // B writes after A: it merges first
    expect(b.plans.map((p) => p.title)).toEqual(['Kept', 'Added in B']);
    browser.deliverEvents();
    expect(a.plans.map((p) => p.title)).toEqual(['Kept', 'Added in B']);
  });
});
