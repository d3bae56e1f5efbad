import { describe, expect, it } from 'vitest';
import { formatClock, formatDate } from '@/i18n/format';
import { LANGUAGE_CODES } from '@/i18n/languages';
import { createPlanFromTemplate } from '@/plan/create-plan';
import {
  DRAFT_IDS,
  DRAFTS_FOR_STEP,
  draftValues,
  hasSubject,
  mailtoHref,
  stepsForDraft,
} from '@/plan/drafts';
import { assemblyDetails, testDeps } from '../fixtures';
import { createTestI18n } from '../test-utils';

const input = (lang: (typeof LANGUAGE_CODES)[number]) => ({
  title: 'Kodetimen 5B',
  date: formatDate(new Date(2026, 11, 7), lang, 'long'),
  time: `${formatClock(600, lang)}–${formatClock(665, lang)}`,
  place: 'Aulaen',
  contactName: 'Aigerim',
  contactPhone: '+996 555 000 000',
});

describe('drafts', () => {
  it.each(LANGUAGE_CODES)('fill every placeholder in %s', async (lang) => {
    const i18n = await createTestI18n(lang);
    const { values, missing } = draftValues(input(lang), () => '[missing]');
    expect(missing).toEqual([]);
    for (const id of DRAFT_IDS) {
      const body = i18n.t(`drafts:${id}.body`, values);
      expect(body).not.toMatch(/{{|}}/);
      if (id !== 'talkingPoints') expect(body).toContain('Kodetimen 5B');
      if (['parents', 'invitation', 'pitch'].includes(id)) {
        expect(body).toContain(values.date);
        expect(body).toContain(values.time);
        expect(body).toContain('Aulaen');
        expect(body).toContain('+996 555 000 000');
        expect(hasSubject(id)).toBe(true);
        expect(i18n.t(`drafts:${id}.subject`, values)).toContain('Kodetimen 5B');
      }
    }
    if (lang === 'ky') expect(values.date).toBe('2026-ж., 7-декабрь, дүйшөмбү');
    if (lang === 'en') expect(values.time).toBe('10:00 AM–11:05 AM');
    if (lang === 'nb' || lang === 'nn')
      expect(i18n.t('drafts:social.body', values)).toContain('#kodetimen');
    expect(i18n.t('drafts:social.body', values)).toContain('#HourOfCode');
  });

  it('marks what is missing instead of leaving a gap', async () => {
    const i18n = await createTestI18n('en');
    const { values, missing } = draftValues(
      { ...input('en'), contactPhone: '', place: ' ' },
      (field) => `[add ${field}]`,
    );
    expect(missing).toEqual(['place', 'contactPhone']);
    const pitch = i18n.t('drafts:pitch.body', values);
    expect(pitch).toContain('[add contactPhone]');
    expect(pitch).toContain('[add place]');
  });

  it('knows which steps offer which draft', () => {
    const plan = createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());
    const parents = stepsForDraft(plan, 'parents');
    expect(parents).toHaveLength(1);
    expect(plan.checklist.sections[0]!.steps.find((s) => s.id === parents[0])!.textKey).toBe(
      'step.prepareParents',
    );
    expect(
      Object.values(DRAFTS_FOR_STEP)
        .flat()
        .every((id) => (DRAFT_IDS as readonly string[]).includes(id)),
    ).toBe(true);
  });
});

describe('mailto links', () => {
  it('encode non-Latin text and line breaks (CRLF), subject and body', () => {
    const href = mailtoHref('Код сааты: 7-декабрь', 'Урматтуу ата-эне!\nКош келиңиздер & рахмат?');
    expect(href).toBe(
      `mailto:?subject=${encodeURIComponent('Код сааты: 7-декабрь')}&body=${encodeURIComponent('Урматтуу ата-эне!\r\nКош келиңиздер & рахмат?')}`,
    );
    expect(href).toContain('%0D%0A');
    expect(href).not.toMatch(/\s/);
    expect(decodeURIComponent(href!.split('body=')[1]!)).toBe(
      'Урматтуу ата-эне!\r\nКош келиңиздер & рахмат?',
    );
  });

  it('returns nothing when the link would be longer than mail programs accept', () => {
    expect(mailtoHref('Hi', 'a'.repeat(1900))).not.toBeNull();
    expect(mailtoHref('Hi', 'ж'.repeat(400))).toBeNull(); // 400 Cyrillic letters ≈ 2,400 characters encoded
  });
});
