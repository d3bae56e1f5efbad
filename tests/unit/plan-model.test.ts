import { describe, expect, it } from 'vitest';
import { TEMPLATE_TEXTS } from '@/features/plans/template-texts';
import { createPlanFromTemplate, duplicatePlan } from '@/plan/create-plan';
import { defaultEventDate, dueDate, formatDay } from '@/plan/dates';
import { validateDate, validateEventField, validateTime, validateTitle } from '@/plan/event-fields';
import { planProgress } from '@/plan/progress';
import { restorePlan } from '@/plan/restore';
import { computeSchedule, overTarget } from '@/plan/schedule';
import { schemas } from '@/plan/schema';
import { TEMPLATES } from '@/plan/templates';
import { editedText, resolveText } from '@/plan/text';
import { assemblyDetails, testDeps } from '../fixtures';
import { localeResources } from '../test-utils';

const details = assemblyDetails;

describe('default event date: Monday of CSEdWeek (the week of 9 December)', () => {
  it.each([
    ['2026-11-22', '2026-12-07'], // ahead this year: Wed 9 Dec 2026 → Mon 7 Dec
    ['2026-12-07', '2026-12-07'], // the Monday itself is still good
    ['2026-12-08', '2027-12-06'], // the week has begun: next year's (Thu 9 Dec 2027 → Mon 6 Dec)
    ['2026-12-31', '2027-12-06'], // year end
    ['2027-01-01', '2027-12-06'], // new year
    ['2030-12-09', '2030-12-09'], // 9 Dec 2030 is itself the Monday
    ['2030-12-10', '2031-12-08'], // …and the day after, next year's (Tue 9 Dec 2031 → Mon 8 Dec)
    ['2029-12-02', '2029-12-03'], // 9 Dec 2029 is a Sunday: that ISO week starts Mon 3 Dec
  ])('on %s it is %s', (today, expected) => {
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    expect(defaultEventDate(new Date(y, m - 1, d, 15, 30))).toBe(expected);
  });
});

describe('templates', () => {
  const guides = localeResources();

  it.each(['en', 'ky', 'nb', 'nn'])('have every text in %s', (lng) => {
    const guide = guides[lng]!.guide as Record<string, Record<string, unknown>>;
    for (const template of TEMPLATES) {
      const plan = createPlanFromTemplate(template.id, details, testDeps());
      for (const section of plan.checklist.sections) {
        expect(guide.section![section.titleKey!.split('.')[1]!]).toEqual(expect.any(String));
        for (const step of section.steps)
          expect(guide.step![step.textKey!.split('.')[1]!], step.textKey!).toEqual(
            expect.any(String),
          );
      }
      for (const item of plan.runOfShow.items)
        expect(guide.item![item.titleKey!.split('.')[1]!]).toEqual(expect.any(String));
      const texts = TEMPLATE_TEXTS[template.id];
      for (const key of [texts.name, texts.description, texts.title, texts.place]) {
        if (key === null) continue;
        const [, name, field] = key.split('.');
        expect((guide.template![name!] as Record<string, string>)[field!], key).toEqual(
          expect.any(String),
        );
      }
    }
  });

  it('"School assembly" is the guide example: six items 5, 10, 15, 10, 20, 5 min from 10:00, planned at its own 65 minutes (10:00–11:05), so it starts in line', () => {
    const plan = createPlanFromTemplate('school-assembly', details, testDeps());
    expect(plan.runOfShow.items.map((i) => i.durationMinutes)).toEqual([5, 10, 15, 10, 20, 5]);
    expect(plan.event.targetMinutes).toBe(65);
    const schedule = computeSchedule(plan.event.startTime, plan.runOfShow.items);
    expect(overTarget(schedule, plan.event.targetMinutes)).toBe(0);
    expect(plan.checklist.sections.map((s) => s.titleKey)).toEqual([
      'section.prepare',
      'section.media',
      'section.during',
      'section.ideas',
      'section.after',
    ]);
    const invite = plan.checklist.sections[1]!.steps.find((s) => s.textKey === 'step.mediaInvite')!;
    expect(invite.dueOffsetDays).toBe(-14);
    expect(plan.checklist.sections[3]!.steps.every((s) => s.optional && !s.picked)).toBe(true);
    expect(schemas().planSchema.safeParse(plan).success).toBe(true);
  });

  it('"Elected official" has the nine official steps and the event-day steps', () => {
    const plan = createPlanFromTemplate('elected-official', details, testDeps());
    const [official, during] = plan.checklist.sections;
    expect(official!.steps).toHaveLength(9);
    expect(during!.titleKey).toBe('section.during');
    expect(during!.steps.map((s) => s.textKey)).toEqual(['step.duringVideo', 'step.duringIntro']);
  });

  it('"Blank plan" starts empty', () => {
    const plan = createPlanFromTemplate('blank', details, testDeps());
    expect(plan.checklist.sections).toEqual([]);
    expect(plan.runOfShow.items).toEqual([]);
  });

  it('stores keys, not copies of the text', () => {
    const plan = createPlanFromTemplate('school-assembly', details, testDeps());
    const step = plan.checklist.sections[0]!.steps[0]!;
    expect(step).toMatchObject({ textKey: 'step.prepareVenue', text: '' });
  });
});

describe('texts follow the language', () => {
  const texts: Record<string, Record<string, string>> = {
    en: { 'step.x': 'Pick the place' },
    nb: { 'step.x': 'Velg stedet' },
  };
  const translate = (lng: string) => (key: string, fallback: string) =>
    texts[lng]?.[key] ?? fallback;

  it('a keyed text is translated in the active language', () => {
    expect(resolveText({ key: 'step.x', text: '' }, translate('en'))).toBe('Pick the place');
    expect(resolveText({ key: 'step.x', text: '' }, translate('nb'))).toBe('Velg stedet');
  });

  it('an edited text stays as the user wrote it in every language', () => {
    const edited = editedText('Book the gym');
    expect(resolveText(edited, translate('en'))).toBe('Book the gym');
    expect(resolveText(edited, translate('nb'))).toBe('Book the gym');
  });

  it('an unknown key (from a newer app) shows the stored text', () => {
    expect(resolveText({ key: 'step.future', text: 'Fallback' }, translate('en'))).toBe('Fallback');
  });
});

describe('duplicate', () => {
  it('copies everything with fresh ids', () => {
    const deps = testDeps();
    const plan = createPlanFromTemplate('school-assembly', details, deps);
    const copy = duplicatePlan(plan, 'Copy', deps);
    expect(copy.title).toBe('Copy');
    expect(copy.id).not.toBe(plan.id);
    const ids = (p: typeof plan) => [
      p.id,
      ...p.checklist.sections.flatMap((s) => [s.id, ...s.steps.map((x) => x.id)]),
      ...p.runOfShow.items.map((i) => i.id),
    ];
    expect(ids(copy).filter((id) => ids(plan).includes(id))).toEqual([]);
    expect(copy.runOfShow.items.map((i) => i.titleKey)).toEqual(
      plan.runOfShow.items.map((i) => i.titleKey),
    );
  });
});

describe('event fields', () => {
  it('refuse empty titles and impossible dates or times', () => {
    expect(validateTitle('   ')).toEqual({ ok: false, error: { code: 'required' } });
    expect(validateTitle(' Hi ')).toEqual({ ok: true, value: 'Hi' });
    expect(validateDate('2026-02-30').ok).toBe(false);
    expect(validateDate('2028-02-29').ok).toBe(true);
    expect(validateDate('07.12.2026').ok).toBe(false);
    expect(validateTime('24:00').ok).toBe(false);
    expect(validateTime('10:00:00')).toEqual({ ok: true, value: '10:00' });
  });

  it('refuse negative and fractional numbers, allow an empty participant count', () => {
    expect(validateEventField('targetMinutes', '-5').ok).toBe(false);
    expect(validateEventField('targetMinutes', '1.5').ok).toBe(false);
    expect(validateEventField('targetMinutes', '0').ok).toBe(false);
    expect(validateEventField('targetMinutes', '90')).toEqual({ ok: true, value: 90 });
    expect(validateEventField('participants', '')).toEqual({ ok: true, value: null });
    expect(validateEventField('participants', '-1').ok).toBe(false);
  });
});

describe('restore', () => {
  it('accepts a valid plan and keeps unknown fields from a newer minor version', () => {
    const plan = {
      ...createPlanFromTemplate('school-assembly', details, testDeps()),
      futureField: { a: 1 },
    };
    const result = restorePlan(JSON.parse(JSON.stringify(plan)));
    expect(result.ok && (result.plan as Record<string, unknown>).futureField).toEqual({ a: 1 });
  });

  it('refuses a broken plan with the place of the problem', () => {
    const plan = createPlanFromTemplate('school-assembly', details, testDeps());
    const broken = JSON.parse(JSON.stringify(plan));
    broken.runOfShow.items[2].durationMinutes = 0;
    const result = restorePlan(broken);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]!.path).toEqual(['runOfShow', 'items', 2, 'durationMinutes']);
  });

  it('never throws, whatever it is given', () => {
    for (const value of [null, 1, 'x', [], {}, { id: 1 }, Object.create(null)]) {
      expect(() => restorePlan(value)).not.toThrow();
      expect(restorePlan(value).ok).toBe(false);
    }
  });
});

describe('progress and due dates', () => {
  it('counts picked ideas only', () => {
    const plan = createPlanFromTemplate('school-assembly', details, testDeps());
    const before = planProgress(plan).total;
    plan.checklist.sections[3]!.steps[0]!.picked = true;
    expect(planProgress(plan).total).toBe(before + 1);
  });

  it('due dates count whole days from the event day', () => {
    expect(formatDay(dueDate('2026-12-07', -14)!)).toBe('2026-11-23');
    expect(formatDay(dueDate('2027-01-05', -14)!)).toBe('2026-12-22');
  });
});

describe('steps with several links', () => {
  it('a stored step without `links` reads as having none; links are kept as written', () => {
    const plan = createPlanFromTemplate('school-assembly', details, testDeps());
    const raw = JSON.parse(JSON.stringify(plan)) as {
      checklist: { sections: { steps: Record<string, unknown>[] }[] };
    };
    delete raw.checklist.sections[0]!.steps[0]!.links;
    raw.checklist.sections[0]!.steps[1]!.links = [
      {
        url: 'https://hourofcode.com/us/promote/resources#sample-emails',
        labelKey: null,
        label: 'Sample emails',
      },
      { url: 'https://code.org/promote', labelKey: 'link.pressKit' },
    ];
    const parsed = schemas().planSchema.safeParse(raw);
    expect(parsed.success).toBe(true);
    const steps = parsed.data!.checklist.sections[0]!.steps;
    expect(steps[0]!.links).toEqual([]);
    expect(steps[1]!.links).toEqual([
      {
        url: 'https://hourofcode.com/us/promote/resources#sample-emails',
        labelKey: null,
        label: 'Sample emails',
      },
      { url: 'https://code.org/promote', labelKey: 'link.pressKit', label: '' },
    ]);
  });

  it('refuses an empty address and more than ten links on one step', () => {
    const plan = createPlanFromTemplate('school-assembly', details, testDeps());
    const withLinks = (links: unknown[]) => {
      const raw = JSON.parse(JSON.stringify(plan)) as {
        checklist: { sections: { steps: Record<string, unknown>[] }[] };
      };
      raw.checklist.sections[0]!.steps[0]!.links = links;
      return schemas().planSchema.safeParse(raw).success;
    };
    expect(withLinks([{ url: '' }])).toBe(false);
    const one = { url: 'https://hourofcode.com/', labelKey: null, label: '' };
    expect(withLinks(Array.from({ length: 10 }, () => one))).toBe(true);
    expect(withLinks(Array.from({ length: 11 }, () => one))).toBe(false);
  });
});

describe("the guides' links on their steps", () => {
  const links = (templateId: 'school-assembly' | 'elected-official', key: string) => {
    const plan = createPlanFromTemplate(templateId, details, testDeps());
    const step = plan.checklist.sections
      .flatMap((s) => s.steps)
      .find((s) => s.textKey === `step.${key}`)!;
    return [step.link, ...step.links.map((l) => l.url)];
  };

  it('link the toolkit for hosting an elected official where a step names it', () => {
    expect(links('school-assembly', 'prepareInviteSpeaker')).toContain(
      'https://hourofcode.com/files/elected-official.pdf',
    );
    expect(links('elected-official', 'officialHost')).toContain(
      'https://hourofcode.com/files/elected-official.pdf',
    );
  });

  it("give the officials' steps every link of the guide", () => {
    expect(links('elected-official', 'officialRecruit')).toEqual([
      'https://hourofcode.com/promote/resources#sample-emails',
      'https://hourofcode.com/promote/stats',
      'https://hourofcode.com/how-to',
    ]);
    expect(links('elected-official', 'officialHost')).toContain(
      'https://hourofcode.com/promote/press-kit',
    );
    const spread = links('elected-official', 'officialSpread');
    expect(spread).not.toContain('https://hourofcode.com/');
    expect(spread[0]).toMatch(/^https:\/\/www\.facebook\.com\/sharer\/sharer\.php\?u=/);
    expect(spread[1]).toMatch(/^https:\/\/twitter\.com\/intent\/tweet\?.*%23HourOfCode/);
    // Step 9: the page the Bokmål guide links (with the petition), not another one.
    expect(links('elected-official', 'officialConnect')).toEqual(['https://code.org/promote']);
  });

  it('put the press contact in the press steps', () => {
    expect(links('school-assembly', 'mediaFindReporters')).toContain('mailto:press@code.org');
    expect(links('school-assembly', 'mediaAnswers')).toContain('mailto:press@code.org');
    expect(links('elected-official', 'officialPressRelease')).toContain('mailto:press@code.org');
  });

  it.each(['en', 'ky', 'nb', 'nn'] as const)(
    'name every link and say "sign the petition" in step 9 (%s)',
    (lang) => {
      const guide = localeResources()[lang]!.guide as {
        link: Record<string, string>;
        step: Record<string, string>;
      };
      for (const template of TEMPLATES)
        for (const section of template.sections)
          for (const step of section.steps)
            for (const link of step.links ?? [])
              expect(guide.link[link.labelKey.replace(/^link\./, '')], link.labelKey).toEqual(
                expect.any(String),
              );
      expect(guide.step.officialConnect).toContain('code.org/promote');
      expect(guide.step.officialConnect).toMatch(
        {
          en: /sign the petition/,
          ky: /петицияга кол/,
          nb: /signer underskriftskampanjen/,
          nn: /skriv under på oppropet/,
        }[lang],
      );
    },
  );
});
