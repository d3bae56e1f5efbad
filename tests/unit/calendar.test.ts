import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  MAX_LINE_OCTETS,
  REMINDER_HOURS_INTO_DAY,
  calendarEvents,
  foldLinesByOctets,
  planToIcs,
  type CalendarTexts,
} from '@/plan/calendar';
import { setStepDone } from '@/plan/checklist';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { setItemFields } from '@/plan/run-of-show';
import kyCommon from '../../locales/ky/common.json';
import kyGuide from '../../locales/ky/guide.json';
import { assemblyDetails, testDeps } from '../fixtures';

/** The Kyrgyz texts, as the app has them: the longest lines in octets (2 octets a letter). */
const kyText = (key: string) => {
  const [group, name] = key.split('.') as [string, string];
  return (kyGuide as unknown as Record<string, Record<string, string>>)[group]![name]!;
};
const kyTexts: CalendarTexts = {
  translate: (key, fallback) => kyText(key) ?? fallback,
  stepPrefix: kyCommon.share.calendarStepPrefix,
  formatTime: (m) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
  agendaLabel: kyCommon.share.calendarAgenda,
  contactLabel: kyCommon.share.calendarContact,
  reminder: kyCommon.share.calendarReminder,
};

function kyrgyzPlan() {
  let plan = createPlanFromTemplate(
    'school-assembly',
    {
      ...assemblyDetails,
      title: 'Код сааты: мектептин жалпы чогулушу, 5-класс',
      place: 'Мектептин чогулуш залы',
    },
    testDeps(),
  );
  plan = {
    ...plan,
    event: { ...plan.event, contactName: 'Айгүл Асанова', contactPhone: '+996 555 12 34 56' },
  };
  plan = setItemFields(plan, plan.runOfShow.items[2]!.id, { who: 'Бакыт Жумабеков 🎤' });
  return plan;
}

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('calendar file', () => {
  it('folds every line at 75 octets, Kyrgyz text included, and never splits a character', async () => {
    const ics = await planToIcs(kyrgyzPlan(), kyTexts);
    const lines = ics.split('\r\n');
    // Kyrgyz descriptions are several hundred octets long before folding.
    expect(
      Math.max(
        ...ics
          .replace(/\r\n[ \t]/g, '')
          .split('\r\n')
          .map(octets),
      ),
    ).toBeGreaterThan(300);
    for (const line of lines) expect(octets(line), line).toBeLessThanOrEqual(MAX_LINE_OCTETS);
    // Folding keeps the text: no replacement characters, and unfolding gives the letters back.
    expect(ics).not.toContain('\uFFFD');
    expect(ics.replace(/\r\n /g, '')).toContain(kyText('step.mediaFindReporters'));
    // No line holds half a character (a lone surrogate of the emoji in the agenda's "who").
    for (const line of lines) expect(line).not.toMatch(/\p{Cs}/u);
  });

  it('parses back with ical.js: the event with its agenda and contact, due steps with a reminder, done steps left out', async () => {
    let plan = kyrgyzPlan();
    const venue = plan.checklist.sections[0]!.steps[0]!;
    plan = setStepDone(plan, venue.id, true, new Date('2026-11-20T10:00:00Z'));
    const ics = await planToIcs(plan, kyTexts);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const vevents = calendar.getAllSubcomponents('vevent');
    const events = vevents.map((v) => new ICAL.Event(v));

    const [event] = events;
    expect(event!.summary).toBe('Код сааты: мектептин жалпы чогулушу, 5-класс');
    // Floating time: no time zone, 10:00 wherever the calendar is.
    expect(event!.startDate.toString()).toBe('2026-12-07T10:00:00');
    expect(event!.startDate.zone?.tzid).toBe('floating');
    expect(event!.description).toContain(`${kyCommon.share.calendarAgenda}:`);
    expect(event!.description).toContain(`10:00–10:05 ${kyText('item.video')}`);
    expect(event!.description).toContain(
      `10:15–10:30 ${kyText('item.guest')} (Бакыт Жумабеков 🎤)`,
    );
    expect(event!.description).toContain(
      `${kyCommon.share.calendarContact}: Айгүл Асанова, +996 555 12 34 56`,
    );
    expect(vevents[0]!.getAllSubcomponents('valarm')).toHaveLength(0);

    const summaries = events.map((e) => e.summary);
    expect(summaries).not.toContain(`${kyTexts.stepPrefix}${kyText('step.prepareVenue')}`);
    // 14 counted steps, one done: 13 entries beside the event.
    expect(events).toHaveLength(1 + 13);
    for (const vevent of vevents.slice(1)) {
      const [alarm] = vevent.getAllSubcomponents('valarm');
      expect(alarm!.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(String(alarm!.getFirstPropertyValue('trigger'))).toBe(`PT${REMINDER_HOURS_INTO_DAY}H`);
      expect(String(alarm!.getFirstPropertyValue('description'))).toMatch(
        new RegExp(`^${kyCommon.share.calendarReminder}: `),
      );
    }
  });

  it('a plan with nothing to describe has no description', () => {
    const plan = { ...kyrgyzPlan(), runOfShow: { items: [] } };
    const bare = { ...plan, event: { ...plan.event, contactName: '', contactPhone: '' } };
    expect(calendarEvents(bare, kyTexts)[0]!.description).toBeUndefined();
  });
});

describe('foldLinesByOctets', () => {
  it('leaves short lines alone and folds a long one with a leading space, 74 octets after the first', () => {
    expect(foldLinesByOctets('BEGIN:VCALENDAR\r\nEND:VCALENDAR')).toBe(
      'BEGIN:VCALENDAR\r\nEND:VCALENDAR',
    );
    const folded = foldLinesByOctets(`SUMMARY:${'ж'.repeat(100)}`).split('\r\n');
    // "SUMMARY:" is 8 octets, each letter 2: 33 letters fit the first line (74 octets).
    expect(folded[0]).toBe(`SUMMARY:${'ж'.repeat(33)}`);
    expect(folded[1]).toBe(` ${'ж'.repeat(37)}`);
    expect(folded.map(octets).every((n) => n <= 75)).toBe(true);
    expect(folded.join('\r\n').replace(/\r\n /g, '')).toBe(`SUMMARY:${'ж'.repeat(100)}`);
  });

  it('unfolds what was folded by characters first, and keeps 4-octet characters whole', () => {
    const line = `DESCRIPTION:${'😀'.repeat(40)}`;
    const byCharacters = `${line.slice(0, 75)}\r\n\t${line.slice(75)}`;
    const folded = foldLinesByOctets(byCharacters).split('\r\n');
    expect(folded.map(octets).every((n) => n <= 75)).toBe(true);
    for (const part of folded) expect(part).not.toMatch(/\p{Cs}/u);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
  });
});
