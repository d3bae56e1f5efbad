import ICAL from 'ical.js';
import Papa from 'papaparse';
import { renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fieldLabel, fileErrorText } from '@/ui/file-error-text';
import { useImportPlan, type ImportOutcome } from '@/features/plans/use-import-plan';
import { calendarEvents, planToIcs } from '@/plan/calendar';
import { setStepDone, setStepFields } from '@/plan/checklist';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { runOfShowCsv } from '@/plan/csv';
import {
  MAX_FILE_BYTES,
  parseJsonSafely,
  planFileName,
  prepareImport,
  readPlanFile,
  restorePlanFile,
  serializeBackup,
  serializePlan,
  type BackupFile,
  type PlanFile,
} from '@/plan/file-format';
import { MIGRATIONS, migratePlan } from '@/plan/migrations';
import { restorePlan } from '@/plan/restore';
import { setItemFields } from '@/plan/run-of-show';
import { PLAN_FORMAT_VERSION, type Plan } from '@/plan/schema';
import { decodeShareFragment, encodeShareFragment } from '@/plan/share-link';
import { emptySync, makeStamp, stampAt } from '@/plan/stamps';
import { STORAGE_KEY } from '@/store/plan-storage';
import { addImportedPlan, plansStore } from '@/store/plans-store';
import { assemblyDetails, testDeps } from '../fixtures';
import { createTestI18n } from '../test-utils';

const english: Record<string, string> = {
  'step.prepareVenue': 'Pick the place, the date and the time of the event.',
  'item.video': 'Opening: an inspiring video',
  'item.principal': 'The principal explains why computer science matters',
};
const translate = (key: string, fallback: string) => english[key] ?? (fallback || `[${key}]`);
const options = { translate, now: new Date('2026-11-22T10:00:00Z'), appVersion: '0.1.0' };
const plan = () =>
  createPlanFromTemplate(
    'school-assembly',
    { ...assemblyDetails, title: 'Kodetimen 5B' },
    testDeps(),
  );
/** A plan file as exported, parsed: plain JSON to spoil. */
const validPlanFile = () => JSON.parse(serializePlan(plan(), options)) as PlanFile;

describe('plan file', () => {
  it('is a readable, versioned envelope with template texts as the exporter saw them', () => {
    const text = serializePlan(plan(), options);
    expect(text).toContain('\n  "format": "hour-of-code-plan"');
    const file = JSON.parse(text) as PlanFile;
    expect(file).toMatchObject({
      format: 'hour-of-code-plan',
      version: PLAN_FORMAT_VERSION,
      exportedAt: '2026-11-22T10:00:00.000Z',
      app: { version: '0.1.0' },
    });
    expect(file.plan.checklist.sections[0]!.steps[0]).toMatchObject({
      textKey: 'step.prepareVenue',
      text: 'Pick the place, the date and the time of the event.',
    });
    expect(file.plan.runOfShow.items[0]).toMatchObject({
      titleKey: 'item.video',
      title: 'Opening: an inspiring video',
    });
  });

  it('export → import → export gives the same file', () => {
    let p = plan();
    p = setStepDone(
      p,
      p.checklist.sections[0]!.steps[1]!.id,
      true,
      new Date('2026-11-20T08:00:00Z'),
    );
    p = setStepFields(p, p.checklist.sections[1]!.steps[0]!.id, {
      owner: 'Åse',
      note: 'Ring NRK\nog avisa',
    });
    p = setItemFields(p, p.runOfShow.items[2]!.id, { fixedStart: '10:20', who: 'Мэр' });
    const first = serializePlan(p, options);
    const read = readPlanFile(first);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(serializePlan(read.plan, options)).toBe(first);
  });

  it('drops __proto__ keys instead of letting them reach a prototype', () => {
    const file = JSON.parse(serializePlan(plan(), options));
    const text = JSON.stringify(file).replace(
      '"notes":""',
      '"notes":"","__proto__":{"polluted":true}',
    );
    const result = readPlanFile(text);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.ok) expect(Object.getPrototypeOf(result.plan)).toBe(Object.prototype);
  });

  it('drops prototype keys hidden behind \\u escapes, and the same keys in any object', () => {
    const file = JSON.parse(serializePlan(plan(), options));
    const text = JSON.stringify(file).replace(
      '"notes":""',
      '"notes":"","\\u005f_proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}',
    );
    expect(text).toContain('\\u005f_proto__');
    const parsed = parseJsonSafely(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const planValue = (parsed.value as { plan: Record<string, unknown> }).plan;
    expect(Object.hasOwn(planValue, '__proto__')).toBe(false);
    expect(Object.hasOwn(planValue, 'constructor')).toBe(false);
    const result = readPlanFile(text);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('parses a text with no such key exactly as JSON.parse does', () => {
    const text = serializePlan(plan(), options);
    expect(parseJsonSafely(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it('an imported plan whose id is taken gets a fresh one', () => {
    const p = plan();
    expect(prepareImport(p, new Set([p.id]), () => 'fresh').id).toBe('fresh');
    expect(prepareImport(p, new Set(['other']), () => 'fresh').id).toBe(p.id);
  });

  it('names the file after the plan, safely', () => {
    expect(planFileName('Kodetimen 5B')).toBe('Kodetimen 5B.hocplan.json');
    expect(planFileName('a/b:c*?"<>|')).toBe('a b c.hocplan.json');
    expect(planFileName('...')).toBe('plan.hocplan.json');
    expect(planFileName('Код сааты')).toBe('Код сааты.hocplan.json');
    // Direction controls are dropped: no name that reads backwards in a file list.
    expect(planFileName('evil\u202Enosj.fdp')).toBe('evilnosj.fdp.hocplan.json');
    expect(planFileName('\u2067abc\u2069 \u200Fdef')).toBe('abc def.hocplan.json');
  });
});

describe('import: a refused file changes nothing', () => {
  let saved: Plan;
  let storedBefore: Record<string, string | null>;
  const storageNow = () =>
    Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));

  beforeEach(() => {
    // The app's store, holding one plan that is saved in localStorage.
    saved = plan();
    plansStore.setState({ plans: [saved], history: {} });
    plansStore.flush();
    storedBefore = storageNow();
    expect(JSON.parse(storedBefore[STORAGE_KEY]!).state.plans).toEqual([saved]);
  });

  /** What the import dialog, a dropped file and a paste do with a file's text. */
  function importText(text: string): ImportOutcome {
    const { result, unmount } = renderHook(() => useImportPlan());
    const outcome = result.current.fromText(text);
    unmount();
    // Writes whatever the import changed now, instead of 300 ms later.
    plansStore.flush();
    return outcome;
  }

  function expectNothingChanged() {
    expect(plansStore.getState().plans).toEqual([saved]);
    expect(storageNow()).toEqual(storedBefore);
  }

  const withVersion = (version: unknown) => JSON.stringify({ ...validPlanFile(), version });
  const wrongDuration = () => {
    const file = validPlanFile();
    file.plan.runOfShow.items[2]!.durationMinutes = 900;
    return JSON.stringify(file);
  };

  it('the same path imports a good file, and that shows in the store and its storage', () => {
    const outcome = importText(serializePlan({ ...plan(), id: 'another-plan' }, options));
    expect(outcome.ok && outcome.plans.map((p) => p.id)).toEqual(['another-plan']);
    const plans = plansStore.getState().plans;
    expect(plans).toHaveLength(2);
    expect(plans[0]).toEqual(saved);
    expect(storageNow()).not.toEqual(storedBefore);
  });

  it('a file of a plan already here is offered for merging, and nothing changes until the choice', () => {
    const outcome = importText(serializePlan(plan(), options));
    if (!outcome.ok || !outcome.offer) throw new Error('expected a merge offer');
    expect(outcome.offer.existing).toEqual(saved);
    expectNothingChanged();
    // "Add as a separate plan": a new plan with a fresh id, never over the one here.
    const added = addImportedPlan(outcome.offer.copy);
    expect(added.id).not.toBe(saved.id);
    expect(plansStore.getState().plans).toEqual([saved, added]);
  });

  it.each([
    { name: 'an empty file', text: () => '', code: 'emptyFile' },
    { name: 'a file of blank lines', text: () => ' \n\r\n\t\n', code: 'emptyFile' },
    { name: 'a file of 5,000 spaces', text: () => ' '.repeat(5000), code: 'emptyFile' },
    { name: 'a file holding only a byte-order mark', text: () => '\ufeff', code: 'emptyFile' },
    {
      name: 'a text that is not JSON',
      text: () => serializePlan(plan(), options).slice(0, -20),
      code: 'notJson',
    },
    { name: 'JSON that is not a plan file', text: () => '{"hello": "world"}', code: 'notPlanFile' },
    { name: 'a JSON array', text: () => '[1, 2, 3]', code: 'notPlanFile' },
    {
      name: 'a plan file of another format',
      text: () => JSON.stringify({ ...validPlanFile(), format: 'other-planner' }),
      code: 'notPlanFile',
    },
    {
      name: 'a file made by a newer version',
      text: () => withVersion(PLAN_FORMAT_VERSION + 1),
      code: 'tooNew',
    },
    { name: 'a version that is no number', text: () => withVersion('one'), code: 'badVersion' },
    { name: 'version 0', text: () => withVersion(0), code: 'badVersion' },
    { name: 'a negative version', text: () => withVersion(-1), code: 'badVersion' },
    { name: 'a version that is no whole number', text: () => withVersion(1.5), code: 'badVersion' },
    {
      name: 'a wrong field (run of show, item 3, its length)',
      text: wrongDuration,
      code: 'invalid',
    },
    {
      // A good plan file, padded with spaces (still valid JSON) past the limit.
      name: 'a file larger than 5 MB',
      text: () => serializePlan(plan(), options) + ' '.repeat(MAX_FILE_BYTES),
      code: 'tooLarge',
    },
    {
      name: 'a backup whose second plan has a wrong field',
      text: () => {
        const file = JSON.parse(serializeBackup([plan(), plan()], options)) as BackupFile;
        file.plans[1]!.runOfShow.items[2]!.durationMinutes = 0;
        return JSON.stringify(file);
      },
      code: 'invalid',
    },
    {
      name: 'a backup with no plans in it',
      text: () => serializeBackup([], options),
      code: 'emptyBackup',
    },
  ])('refuses $name, and the store and its storage stay as they were', ({ text, code }) => {
    const outcome = importText(text());
    expect(outcome.ok === false && outcome.error.code).toBe(code);
    expectNothingChanged();
  });

  it('names the place of a wrong field, in the message the user sees', async () => {
    const outcome = importText(wrongDuration());
    expectNothingChanged();
    if (outcome.ok || outcome.error.code !== 'invalid')
      throw new Error('expected an invalid-field error');
    expect(outcome.error.issues.map((issue) => issue.path)).toEqual([
      ['runOfShow', 'items', 2, 'durationMinutes'],
    ]);
    const { t } = await createTestI18n('en');
    expect(fileErrorText(outcome.error, t)).toEqual({
      title: 'This plan file has a problem, so nothing was imported:',
      details: ['Run of show, item 3: the length must be whole minutes from 1 to 720.'],
    });
  });

  it('names the plan too when a backup is refused', async () => {
    const file = JSON.parse(serializeBackup([plan(), plan()], options)) as BackupFile;
    file.plans[1]!.runOfShow.items[2]!.durationMinutes = 721;
    const outcome = importText(JSON.stringify(file));
    expectNothingChanged();
    if (outcome.ok) throw new Error('expected the backup to be refused');
    const { t } = await createTestI18n('en');
    expect(fileErrorText(outcome.error, t).details).toEqual([
      'Plan 2 – Run of show, item 3: the length must be whole minutes from 1 to 720.',
    ]);
  });
});

describe('migrations', () => {
  it('runs the numbered migrations in order from the first version', () => {
    const migrations = {
      1: (p: Record<string, unknown>) => ({ ...p, notes: `${String(p.notes)}+v2` }),
      2: (p: Record<string, unknown>) => ({ ...p, notes: `${String(p.notes)}+v3` }),
    };
    const result = migratePlan({ notes: 'v1' }, 1, migrations, 3);
    expect(result).toEqual({ ok: true, plan: { notes: 'v1+v2+v3' } });
    expect(migratePlan({}, 4, migrations, 3)).toMatchObject({ ok: false, reason: 'tooNew' });
    expect(migratePlan({}, 0, migrations, 3)).toMatchObject({
      ok: false,
      reason: 'unknownVersion',
    });
  });

  it('starts at the version the data was written in', () => {
    const migrations = {
      1: (p: Record<string, unknown>) => ({ ...p, notes: `${String(p.notes)}+v2` }),
      2: (p: Record<string, unknown>) => ({ ...p, notes: `${String(p.notes)}+v3` }),
    };
    expect(migratePlan({ notes: 'v2' }, 2, migrations, 3)).toEqual({
      ok: true,
      plan: { notes: 'v2+v3' },
    });
    expect(migratePlan({ notes: 'v3' }, 3, migrations, 3)).toEqual({
      ok: true,
      plan: { notes: 'v3' },
    });
    // A version with no migration to the next one can't be brought up to date.
    expect(migratePlan({}, 1, { 2: migrations[2] }, 3)).toMatchObject({
      ok: false,
      reason: 'unknownVersion',
    });
  });

  it('brings a version-1 plan up to date: its one show record becomes one run, the event', () => {
    expect(PLAN_FORMAT_VERSION).toBe(3);
    const p = plan();
    const { shows: _shows, ...rest } = JSON.parse(JSON.stringify(p)) as Plan;
    expect(migratePlan({ ...rest, show: null }, 1, MIGRATIONS, 2)).toEqual({ ok: true, plan: p });
    expect(migratePlan({ ...rest, show: null }, 1)).toEqual({
      ok: true,
      plan: { ...p, sync: emptySync(stampAt(p.updatedAt, 'v1')) },
    });
    const file = validPlanFile();
    expect(file.version).toBe(3);
    const read = readPlanFile(JSON.stringify(file));
    expect(read.ok && read.version).toBe(3);
    expect(read.ok && read.plan).toEqual(file.plan);
  });

  it('brings a plan of version 2 to version 3 with empty merge stamps dated by its last edit', () => {
    expect(PLAN_FORMAT_VERSION).toBe(3);
    const p = plan();
    const stored = JSON.parse(JSON.stringify(p)) as unknown;
    const migrated = migratePlan(stored, 2);
    expect(migrated).toEqual({
      ok: true,
      plan: {
        ...p,
        sync: {
          base: stampAt(p.updatedAt, 'v1'),
          seen: { v1: stampAt(p.updatedAt, 'v1') },
          stamps: {},
          gone: {},
          names: {},
        },
      },
    });
    expect(restorePlan(migrated.ok && migrated.plan).ok).toBe(true);
  });

  it.each([1, 2])(
    'reads a file of version %i with the file’s time as the stamp of everything in it',
    (version) => {
      const file = { ...validPlanFile(), version } as Record<string, unknown>;
      delete (file.plan as Record<string, unknown>).sync;
      const read = readPlanFile(JSON.stringify(file));
      expect(read.ok && read.version).toBe(version);
      expect(read.ok && read.plan.sync?.base).toBe(stampAt(String(file.exportedAt), 'file'));
    },
  );

  it('reads a file of the current version as it was written, stamps included', () => {
    const file = validPlanFile();
    const stamped = {
      ...file,
      plan: {
        ...file.plan,
        sync: { ...emptySync(stampAt(file.exportedAt, 'abc')), names: { abc: 'Ada' } },
      },
    };
    const read = readPlanFile(JSON.stringify(stamped));
    expect(read.ok && read.plan).toEqual(stamped.plan);
  });

  it('takes stamps up to a day ahead as they are, refuses a copy dated further ahead by its date, and malformed stamps by name', async () => {
    const file = validPlanFile();
    const now = Date.parse('2026-11-22T10:00:00Z');
    const withTitleStamp = (stamp: string) => ({
      ...file,
      plan: { ...file.plan, sync: { ...emptySync(), stamps: { 'plan.title': stamp } } },
    });
    // A wrong time zone: 23 hours ahead is still a colleague's real work, kept as it is.
    const zone = makeStamp(now + 23 * 3600_000, 3, 'abc');
    const taken = restorePlanFile(withTitleStamp(zone), now);
    expect(taken.ok && taken.plan.sync?.stamps['plan.title']).toBe(zone);
    // …and its replica's `seen` covers it, so this tab's clock ticks past it.
    expect(taken.ok && taken.plan.sync?.seen['abc']).toBe(zone);
    const future = makeStamp(Date.parse('2031-01-01T00:00:00Z'), 3, 'abc');
    const ahead = restorePlanFile(withTitleStamp(future), now);
    expect(ahead).toEqual({
      ok: false,
      error: { code: 'futureStamps', until: '2031-01-01T00:00:00.000Z' },
    });
    const { t } = await createTestI18n('en');
    if (!ahead.ok) {
      const text = fileErrorText(ahead.error, t);
      expect(text.title).toMatch(/clock is wrong: its changes are dated up to .*2031/);
      expect(text.details[0]).toMatch(/set the right date and time/);
    }
    // A version-2 file exported "in the future" is the same case.
    const v2 = restorePlanFile(
      { ...validPlanFile(), version: 2, exportedAt: '2031-01-01T00:00:00.000Z' },
      now,
    );
    expect(v2.ok || v2.error.code).toBe('futureStamps');
    const broken = {
      ...file,
      plan: { ...file.plan, sync: { ...emptySync(), stamps: { 'plan.title': 'soon' } } },
    };
    const refused = restorePlanFile(broken, now);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(fileErrorText(refused.error, t).details).toEqual([
      'Change record (used to merge copies): the time of a change to the plan is not written the right way. Ask for the file again, saved from the app.',
    ]);
    // A field named like one of Object's is no known field (a copy's "toString" field).
    expect(fieldLabel('toString', t)).toBeNull();
    expect(fieldLabel('owner', t)).toBe(t('fileError.field.who'));
    // A person's name that is not valid is named as such, and no inner key is shown.
    const badName = restorePlanFile(
      {
        ...file,
        plan: { ...file.plan, sync: { ...emptySync(), names: { mallory: 'x'.repeat(10_000) } } },
      },
      now,
    );
    expect(badName.ok).toBe(false);
    if (badName.ok) return;
    expect(fileErrorText(badName.error, t).details).toEqual([
      "Change record (used to merge copies): a person's name in it is too long or not valid.",
    ]);
    const stepStamp = restorePlanFile(
      {
        ...file,
        plan: { ...file.plan, sync: { ...emptySync(), stamps: { 'step:s1.done': 'NaN' } } },
      },
      now,
    );
    expect(!stepStamp.ok && fileErrorText(stepStamp.error, t).details[0]).toContain(
      'the time of a change to a step is not written the right way',
    );
  });

  it('reads a version-1 file, a version-1 link and version-1 storage with a show as one run', async () => {
    const { shows: _shows, ...rest } = validPlanFile().plan;
    const show = {
      startedAt: '2026-12-07T09:00:00.000Z',
      finishedAt: '2026-12-07T10:05:00.000Z',
      current: 5,
      shiftMinutes: 0,
      pausedAt: null,
      entries: [],
    };
    const v1 = { ...validPlanFile(), version: 1, plan: { ...rest, show } };
    const expectOneRun = (shows: Plan['shows'] | false) =>
      expect(shows && shows.map((r) => [r.id, r.kind, r.startedAt, r.finishedAt])).toEqual([
        ['run-1', 'event', show.startedAt, show.finishedAt],
      ]);
    const read = readPlanFile(JSON.stringify(v1));
    expectOneRun(read.ok && read.plan.shows);
    expect(read.ok && 'show' in read.plan).toBe(false);
    const fromLink = await decodeShareFragment(`#${await encodeShareFragment(v1 as never)}`);
    expectOneRun(fromLink.ok && fromLink.plan.shows);
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ state: { plans: [{ ...rest, id: 'v1-stored', show }] }, version: 1 }),
    );
    await plansStore.persist.rehydrate();
    expectOneRun(plansStore.getState().plans.find((x) => x.id === 'v1-stored')?.shows ?? false);
  });

  it.each([0, -1, 1.5, Number.NaN, '1', null, undefined])('refuses the version %j', (version) => {
    expect(migratePlan(plan(), version)).toMatchObject({ ok: false, reason: 'unknownVersion' });
    const result = readPlanFile(JSON.stringify({ ...validPlanFile(), version }));
    expect(result.ok === false && result.error.code).toBe('badVersion');
  });
});

describe('share link', () => {
  it('round-trips a plan through the compressed fragment', async () => {
    const p = plan();
    const fragment = await encodeShareFragment(JSON.parse(serializePlan(p, options)));
    expect(fragment).toMatch(/^plan=[A-Za-z0-9_-]+$/);
    const result = await decodeShareFragment(`#${fragment}`);
    expect(result.ok && result.plan.runOfShow.items).toHaveLength(6);
    expect(fragment.length).toBeLessThan(8000);
  });

  it.each(['', '#', '#plan=', '#plan=%%%', '#plan=AAAA', '#other=abc'])(
    'reports the damaged link %j',
    async (fragment) => {
      const result = await decodeShareFragment(fragment);
      expect(result.ok).toBe(false);
    },
  );
});

const calendarTexts = {
  translate,
  formatTime: (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`,
  agendaLabel: 'Run of show',
  contactLabel: 'Contact',
  reminder: 'Due today',
};

describe('calendar file', () => {
  it('holds the event and every due step, and parses with ical.js', async () => {
    const p = plan();
    p.event.place = 'Aulaen';
    const ics = await planToIcs(p, { ...calendarTexts, stepPrefix: 'Hour of Code: ' });
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(calendarEvents(p, { ...calendarTexts, stepPrefix: '' }).length);
    const [event] = events;
    expect(event!.summary).toBe('Kodetimen 5B');
    expect(event!.location).toBe('Aulaen');
    expect(event!.startDate.toString()).toBe('2026-12-07T10:00:00');
    expect(event!.endDate.toString()).toBe('2026-12-07T11:05:00');
    const venue = events.find(
      (e) => e.summary === 'Hour of Code: Pick the place, the date and the time of the event.',
    )!;
    expect(venue.startDate.toString()).toBe('2026-11-09');
    expect(venue.startDate.isDate).toBe(true);
    // Unpicked ideas are not deadlines: 14 counted steps, each with a due date.
    expect(events).toHaveLength(1 + 14);
  });
});

describe('run-of-show CSV', () => {
  it('parses back, non-Latin text and commas included, with formulas neutralised', async () => {
    let p = plan();
    p = setItemFields(p, p.runOfShow.items[0]!.id, { who: 'Айгүл, Åse', note: '=HYPERLINK("x")' });
    const csv = await runOfShowCsv(p, {
      headers: ['Start', 'End', 'Minutes', 'What', 'Who', 'Note'],
      formatTime: (m) =>
        `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
      translate,
      delimiter: ';',
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ';' }).data;
    expect(rows[0]).toEqual(['Start', 'End', 'Minutes', 'What', 'Who', 'Note']);
    expect(rows[1]).toEqual([
      '10:00',
      '10:05',
      '5',
      'Opening: an inspiring video',
      'Айгүл, Åse',
      `'=HYPERLINK("x")`,
    ]);
    expect(rows).toHaveLength(7);
  });
});

describe('restore', () => {
  it('is the same door for a file plan and a stored plan', () => {
    const p = plan();
    expect(restorePlan(JSON.parse(JSON.stringify(p)))).toEqual({ ok: true, plan: p });
  });
});

describe('the 5 MB limit', () => {
  it('counts bytes, not characters: Cyrillic text under 5 M characters but over 5 MB is refused', () => {
    const text = `{"x": "${'ж'.repeat(Math.ceil(MAX_FILE_BYTES / 2) + 10)}"}`;
    expect(text.length).toBeLessThan(MAX_FILE_BYTES);
    const result = readPlanFile(text);
    expect(result.ok === false && result.error.code).toBe('tooLarge');
  });
});
