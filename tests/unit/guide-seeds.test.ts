import { describe, expect, it } from 'vitest';
import type { GuideImportResult } from '@/guide/import-guide';
import { importGuides } from '@/guide/import-guide';
import { readPlanFile, serializePlan } from '@/plan/file-format';
import { GUIDE_LINKS, safeHref } from '@/plan/links';
import type { Plan, Section } from '@/plan/schema';
import { findTemplate, type PlanTemplate } from '@/plan/templates';
import {
  fixtureBytes,
  GUIDE_FIXTURES,
  guideOptions,
  importFixture,
  planLinks,
  residueIn,
} from '../guide-helpers';

function planOf(result: GuideImportResult): Plan {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusals)}`);
  return result.plan;
}

const template = (id: string): PlanTemplate => {
  const found = findTemplate(id);
  if (!found) throw new Error(id);
  return found;
};
const templateSection = (t: PlanTemplate, key: string) => {
  const section = t.sections.find((s) => s.key === key);
  if (!section) throw new Error(key);
  return section;
};
const stepLinks = (section: Section) =>
  section.steps.map((step) => [step.link, ...step.links.map((link) => link.url)].filter(Boolean));
const required = (plan: Plan) =>
  plan.checklist.sections.filter((s) => s.steps.some((step) => !step.optional));
const ideas = (plan: Plan) =>
  plan.checklist.sections.flatMap((s) => s.steps.filter((step) => step.optional));

describe.each([
  ['Kyrgyz', GUIDE_FIXTURES.kyEvents, 'ky', /^7-декабрь/],
  ['Nynorsk', GUIDE_FIXTURES.nnEvents, 'nn', /^7\. desember/],
])('the %s events guide', (_name, file, lang, dateText) => {
  const result = importFixture(file);
  const plan = planOf(result);
  const assembly = template('school-assembly');

  it('reads the guide as an events guide in its own language', () => {
    expect(result.ok && result.guides[0]).toMatchObject({ kind: 'events', lang, dir: 'ltr' });
    expect(plan.templateId).toBe('guide');
  });

  it('gives the template’s optional ideas, as optional steps in a section of their own', () => {
    const found = ideas(plan);
    expect(found).toHaveLength(templateSection(assembly, 'ideas').steps.length);
    const ideaSections = plan.checklist.sections.filter((s) =>
      s.steps.every((step) => step.optional),
    );
    expect(ideaSections).toHaveLength(1);
    expect(ideaSections[0]!.title).toBe('Other event ideas');
  });

  it('gives the guide’s three numbered parts with their steps, and the template’s links for the day', () => {
    const sections = required(plan);
    // The guide: 1. prepare (3 bullets), 2. during (2 bullets and the ideas), 3. share (1 line).
    expect(sections.map((s) => s.steps.length)).toEqual([3, 2, 1]);
    const during = templateSection(assembly, 'during').steps.map((step) => [step.link]);
    expect(stepLinks(sections[1]!)).toEqual(during);
    // Preparing: the sample letter, the elected official's toolkit, the press kit.
    expect(stepLinks(sections[0]!).flat()).toEqual([
      GUIDE_LINKS.sampleEmails,
      GUIDE_LINKS.officialToolkit,
      GUIDE_LINKS.pressKit,
    ]);
  });

  it('gives the template’s run of show: the same items, lengths, links and start time', () => {
    const items = plan.runOfShow.items;
    expect(items.map((item) => item.durationMinutes)).toEqual(
      assembly.items.map((item) => item.durationMinutes),
    );
    expect(items.map((item) => item.link)).toEqual(assembly.items.map((item) => item.link ?? null));
    expect(items.every((item) => item.fixedStart === null)).toBe(true);
    expect(plan.event.startTime).toBe(assembly.startTime);
    expect(result.ok && result.guides[0]!.agendaItems).toBe(6);
  });

  it('fills the details and writes the campaign date in the guide’s language', () => {
    expect(plan.event.place).toBe('School assembly hall (e.g. theater, gym, cafeteria)');
    expect(plan.event.date).toBe('2026-12-07');
    const dateLine = plan.notes.split('\n').find((line) => line.startsWith('Date: '));
    expect(dateLine?.slice(6)).toMatch(dateText);
  });

  it('leaves no template tag, markup or entity, and reports no tag (this guide has none broken)', () => {
    expect(residueIn(plan)).toEqual([]);
    expect(result.ok && result.guides[0]!.notices).toEqual([]);
  });
});

describe('the Bokmål guide for elected officials', () => {
  const result = importFixture(GUIDE_FIXTURES.nbOfficials);
  const plan = planOf(result);
  const officials = templateSection(template('elected-official'), 'official');

  it('gives its nine steps, in one section named by the guide’s heading', () => {
    expect(plan.checklist.sections).toHaveLength(1);
    const [section] = plan.checklist.sections;
    expect(section!.title).toBe('Få hver skole til å delta, hver elev til å lære!');
    expect(section!.steps).toHaveLength(officials.steps.length);
    expect(section!.steps.map((step) => step.text.slice(0, 20))).toEqual([
      'Les vårt info-ark om',
      'Rekrutter lokale sko',
      'Arranger et kodetime',
      'Delta på et arrangem',
      'Utsted en erklæring ',
      'Skriv en kronikk. Vu',
      'Spre ordet.',
      'Utsted en pressemeld',
      'Finn likesinnede.',
    ]);
    expect(result.ok && result.guides[0]).toMatchObject({
      kind: 'officials',
      lang: 'nb',
      steps: 9,
      links: 13,
    });
  });

  it('keeps all the links of every step, resolved to the template’s addresses', () => {
    const links = stepLinks(plan.checklist.sections[0]!);
    expect(links).toEqual([
      [GUIDE_LINKS.onePager],
      [GUIDE_LINKS.sampleEmails, GUIDE_LINKS.stats, GUIDE_LINKS.howTo],
      [GUIDE_LINKS.eventsGuide],
      [GUIDE_LINKS.eventsMap],
      [GUIDE_LINKS.proclamation],
      [GUIDE_LINKS.opEd],
      [
        'https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Fhourofcode.com%2Fus',
        expect.stringMatching(/^https:\/\/twitter\.com\/intent\/tweet\?url=/),
        GUIDE_LINKS.home,
      ],
      [GUIDE_LINKS.pressRelease],
      ['https://code.org/promote'],
    ]);
    // Every step has the template's link for it among its links (the template's share link asks
    // for the https page where the guide's still says http).
    const same = (url: string | null) => url?.replace('http%3A%2F%2F', 'https%3A%2F%2F');
    officials.steps.forEach((step, index) => {
      expect(links[index]!.map(same)).toContain(same(step.link ?? null));
    });
  });

  it('repairs the broken tags, reports each, and writes the campaign date in Bokmål', () => {
    const notices = result.ok ? result.guides[0]!.notices : [];
    expect(notices.filter((n) => n.code === 'tagRepaired')).toHaveLength(12);
    expect(notices).toContainEqual({
      code: 'tagRepaired',
      detail: "< % = campaign_date('short') %>",
      line: 26,
    });
    expect(plan.checklist.sections[0]!.steps[3]!.text).toContain('(7. desember)');
    expect(residueIn(plan)).toEqual([]);
  });

  it('keeps the sample posts of step 7 in its note', () => {
    const note = plan.checklist.sections[0]!.steps[6]!.note;
    expect(note).toContain(
      '• Every student, boy or girl, should have the chance to learn computer science.',
    );
    expect(note).toContain("• Today, we're proud to join the Hour of Code movement.");
  });
});

describe('the Kyrgyz press kit', () => {
  const result = importFixture(GUIDE_FIXTURES.kyPressKit);
  const plan = planOf(result);
  const media = templateSection(template('school-assembly'), 'media');
  const [tips, stepByStep] = plan.checklist.sections;

  it('gives its four key tips and the four steps of its step-by-step part, the unnumbered second one included', () => {
    expect(result.ok && result.guides[0]).toMatchObject({
      kind: 'pressKit',
      lang: 'ky',
      steps: 8,
      ideas: 0,
    });
    expect(plan.checklist.sections.map((s) => s.title)).toEqual([
      'Негизги кеңештер',
      'Кадамдык жетектеме',
    ]);
    expect(tips!.steps.map((step) => step.text.slice(0, 30))).toEqual([
      'Иш-чарадан эки апта мурун меди',
      'Мектептегилерди же ыктыярчылар',
      'Код сааты тууралуу вебсайтыңыз',
      'Facebook жана Twitter аркылуу ',
    ]);
    expect(stepByStep!.steps.map((step) => step.text)).toEqual([
      'Иш-чараны пландаштыргыла',
      'Билим берүү темасына же жергиликтүү жаңылыктарды жазган кабарчыларды аныктагыла.',
      'Жергиликтүү медиаларга байланышкыла',
      'Мектептеги иш-чараңыз тууралуу суроолорго жооп берүүгө даяр болуңуз. Мисалы:',
    ]);
    // The template's media section is drawn from these eight (its six steps: find reporters,
    // invite two weeks before, follow up, social media, photos, answers).
    expect(plan.checklist.sections.flatMap((s) => s.steps).length).toBeGreaterThanOrEqual(
      media.steps.length,
    );
  });

  it('keeps each step’s links: the sample letters the template’s media step links, and the videos', () => {
    const invite = media.steps.find((step) => step.key === 'mediaInvite')!;
    expect(stepLinks(tips!)).toEqual([[], [], [], []]);
    expect(stepLinks(stepByStep!)).toEqual([
      [GUIDE_LINKS.sampleEmails, GUIDE_LINKS.home, GUIDE_LINKS.videos],
      [],
      [invite.link],
      [],
    ]);
  });

  it('keeps the first step’s bullets and the answers in the notes, with no markup', () => {
    const steps = stepByStep!.steps;
    expect(steps[0]!.note.split('\n')).toHaveLength(5);
    expect(steps[3]!.note).toContain('Эмне үчүн бул маанилүү?');
    expect(residueIn(plan)).toEqual([]);
  });
});

describe('every seed', () => {
  it.each(Object.values(GUIDE_FIXTURES))(
    '%s imports through the plan file reader unchanged',
    (file) => {
      const plan = planOf(importFixture(file));
      const text = serializePlan(plan, {
        translate: (_key, fallback) => fallback,
        now: new Date('2026-11-22T10:00:00Z'),
        appVersion: 'test',
      });
      const read = readPlanFile(text);
      expect(read.ok && read.plan).toEqual(plan);
      // Every link is absolute and passes the app's link gate.
      for (const link of planLinks(plan)) expect(safeHref(link)).toBe(new URL(link).href);
    },
  );

  it('makes one plan of an events guide, a press kit and an officials’ guide, a section group each', () => {
    const files = [GUIDE_FIXTURES.kyEvents, GUIDE_FIXTURES.kyPressKit, GUIDE_FIXTURES.nbOfficials];
    const result = importGuides(
      files.map((name) => ({ name, bytes: fixtureBytes(name) })),
      guideOptions({ title: 'Our Hour of Code' }),
    );
    const plan = planOf(result);
    if (!result.ok) return;
    expect(plan.title).toBe('Our Hour of Code');
    expect(result.guides.map((g) => g.kind)).toEqual(['events', 'pressKit', 'officials']);
    expect(result.guides.flatMap((g) => g.sectionIds)).toEqual(
      plan.checklist.sections.map((s) => s.id),
    );
    expect(result.guides.map((g) => g.sectionIds.length)).toEqual([4, 2, 1]);
    expect(plan.runOfShow.items).toHaveLength(6);
    expect(plan.checklist.sections.flatMap((s) => s.steps)).toHaveLength(6 + 5 + 8 + 9);
  });

  it('uses the first guide’s agenda and reports a second one instead of merging two', () => {
    const files = [GUIDE_FIXTURES.kyEvents, GUIDE_FIXTURES.nnEvents];
    const result = importGuides(
      files.map((name) => ({ name, bytes: fixtureBytes(name) })),
      guideOptions(),
    );
    expect(planOf(result).runOfShow.items).toHaveLength(6);
    expect(result.ok && result.guides[1]).toMatchObject({ agendaItems: 0 });
    expect(result.ok && result.guides[1]!.notices).toContainEqual({
      code: 'agendaNotUsed',
      detail: '6',
    });
  });
});
