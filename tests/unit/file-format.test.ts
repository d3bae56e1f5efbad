import ICAL from 'ical.js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { calendarEvents, planToIcs } from '@/plan/calendar';
import { setStepDone, setStepFields } from '@/plan/checklist';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { runOfShowCsv } from '@/plan/csv';
import {
  MAX_FILE_BYTES,
  planFileName,
  prepareImport,
  readPlanFile,
  serializePlan,
  type PlanFile,
} from '@/plan/file-format';
import { migratePlan } from '@/plan/migrations';
import { restorePlan } from '@/plan/restore';
import { setItemFields } from '@/plan/run-of-show';
import { decodeShareFragment, encodeShareFragment } from '@/plan/share-link';
import { createPlansStore } from '@/store/plans-store';
import { assemblyDetails, testDeps } from '../fixtures';

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

describe('plan file', () => {
  it('is a readable, versioned envelope with template texts as the exporter saw them', () => {
    const text = serializePlan(plan(), options);
    expect(text).toContain('\n  "format": "hour-of-code-plan"');
    const file = JSON.parse(text) as PlanFile;
    expect(file).toMatchObject({
      format: 'hour-of-code-plan',
      version: 1,
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

  it.each([
    ['not JSON', '{"format": "hour-of-code-plan",', 'notJson'],
    ['not a plan file', '{"hello": "world"}', 'notPlanFile'],
    ['a JSON array', '[1, 2, 3]', 'notPlanFile'],
    [
      'made by a newer version',
      JSON.stringify({ format: 'hour-of-code-plan', version: 99, plan: {} }),
      'tooNew',
    ],
    [
      'a version that is no number',
      JSON.stringify({ format: 'hour-of-code-plan', version: 'one', plan: {} }),
      'badVersion',
    ],
  ])('refuses %s and leaves the store as it was', (_, text, code) => {
    const store = createPlansStore();
    const existing = plan();
    store.getState().addPlan(existing);
    const before = localStorage.getItem('hoc-planner.plans');
    const result = readPlanFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
    expect(store.getState().plans).toEqual([existing]);
    expect(localStorage.getItem('hoc-planner.plans')).toBe(before);
  });

  it('refuses a wrong field and names its place', () => {
    const file = JSON.parse(serializePlan(plan(), options));
    file.plan.runOfShow.items[2].durationMinutes = 900;
    const result = readPlanFile(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.code === 'invalid') {
      expect(result.error.issues[0]!.path).toEqual(['runOfShow', 'items', 2, 'durationMinutes']);
    } else throw new Error('expected an invalid-field error');
  });

  it('refuses a file larger than 5 MB before parsing it', () => {
    const result = readPlanFile(`{"x": "${'a'.repeat(MAX_FILE_BYTES)}"}`);
    expect(result.ok === false && result.error.code).toBe('tooLarge');
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

  it('reads a file of the first format version', () => {
    const v1 = JSON.parse(serializePlan(plan(), options));
    v1.version = 1;
    expect(readPlanFile(JSON.stringify(v1)).ok).toBe(true);
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

describe('calendar file', () => {
  it('holds the event and every due step, and parses with ical.js', async () => {
    const p = plan();
    p.event.place = 'Aulaen';
    const ics = await planToIcs(p, { translate, stepPrefix: 'Hour of Code: ' });
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(calendarEvents(p, { translate, stepPrefix: '' }).length);
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
