import { describe, expect, it } from 'vitest';
import {
  EMPTY_HISTORY,
  HISTORY_LIMIT,
  forgetOverwritten,
  recordEdit,
  travel,
} from '@/data/history';
import { readStoredText, restoreStoredPlans, serializeStoredPlans } from '@/data/stored-plans';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { PLAN_FILE_FORMAT, readPlanFile } from '@/plan/file-format';
import { checkFormatVersion, migratePlan } from '@/plan/migrations';
import { PLAN_FORMAT_VERSION } from '@/plan/schema';
import { assemblyDetails, testDeps } from '../fixtures';

const plan = (title = 'Assembly') =>
  createPlanFromTemplate('school-assembly', { ...assemblyDetails, title }, testDeps());

describe('the format version, checked once', () => {
  it.each([
    [1, { ok: true, version: 1 }],
    [PLAN_FORMAT_VERSION, { ok: true, version: PLAN_FORMAT_VERSION }],
    [PLAN_FORMAT_VERSION + 1, { ok: false, reason: 'tooNew', version: PLAN_FORMAT_VERSION + 1 }],
    [0, { ok: false, reason: 'unknownVersion', version: 0 }],
    [1.5, { ok: false, reason: 'unknownVersion', version: 1.5 }],
    ['2', { ok: false, reason: 'unknownVersion', version: '2' }],
    // No app will reach these: a damaged or made-up file, not a newer app's.
    [1e308, { ok: false, reason: 'unknownVersion', version: 1e308 }],
    [1001, { ok: false, reason: 'unknownVersion', version: 1001 }],
    [1000, { ok: false, reason: 'tooNew', version: 1000 }],
  ])('%j', (version, expected) => {
    expect(checkFormatVersion(version)).toEqual(expected);
  });

  it('storage, files and migrations give the same verdict', () => {
    for (const version of [PLAN_FORMAT_VERSION + 1, 1.5, '3', 1e308]) {
      const check = checkFormatVersion(version);
      const migrated = migratePlan({}, version);
      expect(migrated.ok).toBe(false);
      expect(!migrated.ok && migrated.reason).toBe(!check.ok && check.reason);
      const file = readPlanFile(
        JSON.stringify({ format: PLAN_FILE_FORMAT, version, plan: plan() }),
      );
      expect(!file.ok && file.error.code).toBe(
        !check.ok && check.reason === 'tooNew' ? 'tooNew' : 'badVersion',
      );
      const stored = readStoredText(JSON.stringify({ state: { plans: [] }, version }));
      expect(stored.kind).toBe(!check.ok && check.reason === 'tooNew' ? 'newer' : 'damaged');
    }
  });
});

describe('the stored text', () => {
  it.each([
    [null, { kind: 'empty' }],
    ['{"state": {"plans": [', { kind: 'damaged', reason: 'not the planner’s format' }],
    ['[1]', { kind: 'damaged', reason: 'not the planner’s format' }],
    ['{"state":{"plans":[]},"version":"3"}', { kind: 'damaged', reason: 'unknown version' }],
    ['{"state":{"plans":{}},"version":3}', { kind: 'damaged', reason: 'no list of plans' }],
    ['{"state":null,"version":3}', { kind: 'damaged', reason: 'no list of plans' }],
    ['{"state":{"plans":[]},"version":99}', { kind: 'newer', version: 99 }],
    ['{"state":{"plans":[]},"version":2}', { kind: 'ok', version: 2, plans: [] }],
    ['{"state":{"plans":[]}}', { kind: 'ok', version: PLAN_FORMAT_VERSION, plans: [] }],
  ])('%s', (raw, expected) => {
    expect(readStoredText(raw)).toEqual(expected);
  });

  it('round-trips plans through the schema; a failing or repeated plan is kept aside', () => {
    const good = plan('Good');
    const bad = { ...plan('Bad'), id: 'bad', title: '' };
    const text = serializeStoredPlans([good, bad as never, good]);
    const read = readStoredText(text);
    if (read.kind !== 'ok') throw new Error(read.kind);
    const kept: string[] = [];
    const result = restoreStoredPlans(read.plans, read.version, (raw) => {
      kept.push(raw);
      return `backup-${kept.length}`;
    });
    expect(result.plans).toEqual([good]);
    expect(result.rejected).toEqual([
      { raw: JSON.stringify(bad), backupKey: 'backup-1' },
      { raw: JSON.stringify(good), backupKey: 'backup-2' },
    ]);
  });
});

describe('undo history', () => {
  it('joins edits with the same key, and forgets past the limit', () => {
    const p = plan();
    let history = recordEdit(undefined, p, 'title#1');
    history = recordEdit(history, { ...p, title: 'A' }, 'title#1');
    expect(history.past).toEqual([p]);
    for (let i = 0; i < HISTORY_LIMIT + 5; i += 1) history = recordEdit(history, p);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
  });

  it('travels back and forward, keeping the current show record', () => {
    const p = plan();
    const edited = { ...p, title: 'Edited' };
    const history = recordEdit(EMPTY_HISTORY, p);
    const withRun = { ...edited, shows: [{ id: 'run' } as never] };
    const back = travel(history, withRun, 'back', 'now')!;
    expect(back.plan).toMatchObject({ title: 'Assembly', shows: withRun.shows, updatedAt: 'now' });
    expect(back.history).toEqual({ past: [], future: [withRun], lastKey: null });
    expect(travel(back.history, back.plan, 'back', 'now')).toBeNull();
    expect(travel(back.history, back.plan, 'forward', 'later')!.plan.title).toBe('Edited');
  });

  it("drops a plan's history when another tab edited it, not for a new show record alone", () => {
    const [p, q] = [plan('P'), { ...plan('Q'), id: 'q' }];
    const histories = { [p.id]: recordEdit(undefined, p), q: recordEdit(undefined, q) };
    const after = [
      { ...p, title: 'P elsewhere' },
      { ...q, shows: [], updatedAt: 'x' },
    ];
    expect(Object.keys(forgetOverwritten(histories, [p, q], after))).toEqual(['q']);
  });
});
