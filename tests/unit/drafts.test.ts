import { describe, expect, it } from 'vitest';
import { DRAFT_TEXTS } from '@/features/drafts/draft-texts';
import { formatClock, formatDate } from '@/i18n/format';
import { LANGUAGE_CODES } from '@/i18n/languages';
import { findStep, setStepDone, setStepText } from '@/plan/checklist';
import { createPlanFromTemplate } from '@/plan/create-plan';
import {
  DRAFT_IDS,
  DRAFTS_FOR_STEP,
  draftPath,
  draftsForStep,
  draftValues,
  hasSubject,
  isPostList,
  joinPosts,
  mailtoHref,
  offersMail,
  postsDraftFor,
  replacePost,
  sentStepFor,
  splitPosts,
  stepsForDraft,
  type DraftId,
} from '@/plan/drafts';
import { readPlanFile, serializePlan } from '@/plan/file-format';
import { restorePlan } from '@/plan/restore';
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
      const texts = DRAFT_TEXTS[id];
      const body = i18n.t(texts.body, { ns: 'drafts', ...values });
      expect(body).not.toMatch(/{{|}}/);
      if (id !== 'talkingPoints') expect(body).toContain('Kodetimen 5B');
      if (['parents', 'invitation', 'pitch'].includes(id)) {
        expect(body).toContain(values.date);
        expect(body).toContain(values.time);
        expect(body).toContain('Aulaen');
        expect(body).toContain('+996 555 000 000');
        expect(hasSubject(id)).toBe(true);
        expect(i18n.t(texts.subject!, { ns: 'drafts', ...values })).toContain('Kodetimen 5B');
      }
    }
    if (lang === 'ky') expect(values.date).toBe('2026-ж., 7-декабрь, дүйшөмбү');
    if (lang === 'en') expect(values.time).toBe('10:00\u00a0AM–11:05\u00a0AM');
    if (lang === 'nb' || lang === 'nn')
      expect(i18n.t('drafts:social.body', values)).toContain('#kodetimen');
    expect(i18n.t('drafts:social.body', values)).toContain('#HourOfCode');
  });

  it('a draft has a subject line exactly when it is sent by e-mail', async () => {
    const i18n = await createTestI18n('en');
    for (const id of DRAFT_IDS) {
      const { subject } = DRAFT_TEXTS[id];
      expect(subject !== null, id).toBe(hasSubject(id));
      if (subject) expect(i18n.exists(subject, { ns: 'drafts' }), id).toBe(true);
    }
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

describe('the step a draft belongs to', () => {
  const plan = () => createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());
  const fileOptions = {
    translate: (_key: string, fallback: string) => fallback,
    now: new Date('2026-11-22T10:00:00Z'),
    appVersion: 'test',
  };

  it('a step keeps its draft when its text is reworded, also through export and import', () => {
    const original = plan();
    const [letter] = stepsForDraft(original, 'parents');
    const edited = setStepText(original, letter!, 'Write to the parents of 5B');
    const step = findStep(edited, letter!)!.step;
    expect(step).toMatchObject({
      textKey: null,
      originKey: 'step.prepareParents',
      text: 'Write to the parents of 5B',
    });
    expect(draftsForStep(step)).toEqual(['parents']);
    expect(stepsForDraft(edited, 'parents')).toEqual([letter]);

    // Reworded again: still the same origin.
    const again = setStepText(edited, letter!, 'Letter home');
    expect(findStep(again, letter!)!.step.originKey).toBe('step.prepareParents');

    const read = readPlanFile(serializePlan(again, fileOptions));
    if (!read.ok) throw new Error('the file should read back');
    expect(stepsForDraft(read.plan, 'parents')).toEqual([letter]);
    expect(findStep(read.plan, letter!)!.step.originKey).toBe('step.prepareParents');
  });

  it('a step stored before steps kept their origin still offers its draft, and keeps it when edited', () => {
    const raw = JSON.parse(JSON.stringify(plan())) as {
      checklist: { sections: { steps: Record<string, unknown>[] }[] };
    };
    for (const section of raw.checklist.sections)
      for (const step of section.steps) delete step.originKey;
    const restored = restorePlan(raw);
    if (!restored.ok) throw new Error('an older plan should restore');
    const [letter] = stepsForDraft(restored.plan, 'parents');
    expect(findStep(restored.plan, letter!)!.step.originKey).toBeNull();
    const edited = setStepText(restored.plan, letter!, 'Write to the parents');
    expect(stepsForDraft(edited, 'parents')).toEqual([letter]);
  });

  it('only the guide keys in the table offer drafts', () => {
    expect(draftsForStep({ textKey: null, originKey: null })).toEqual([]);
    expect(draftsForStep({ textKey: 'step.prepareVenue', originKey: null })).toEqual([]);
    expect(draftsForStep({ textKey: 'constructor', originKey: null })).toEqual([]);
    expect(draftsForStep({ textKey: null, originKey: 'toString' })).toEqual([]);
    // A template text that is shown as written (not reworded) wins over an old origin.
    expect(
      draftsForStep({ textKey: 'step.mediaInvite', originKey: 'step.prepareParents' }),
    ).toEqual(['pitch']);
  });

  it('"Sent" ticks the step the draft was opened from, not every step offering it', () => {
    const p = plan();
    const [invite, followUp] = stepsForDraft(p, 'pitch');
    expect(findStep(p, invite!)!.step.textKey).toBe('step.mediaInvite');
    expect(findStep(p, followUp!)!.step.textKey).toBe('step.mediaFollowUp');
    expect(sentStepFor(p, 'pitch', followUp!)).toBe(followUp);
    expect(sentStepFor(p, 'pitch', invite!)).toBe(invite);

    const [beforeEvent, afterEvent] = stepsForDraft(p, 'social');
    expect(findStep(p, afterEvent!)!.step.textKey).toBe('step.afterShare');
    expect(sentStepFor(p, 'social', afterEvent!)).toBe(afterEvent);
    expect(sentStepFor(p, 'social', beforeEvent!)).toBe(beforeEvent);
  });

  it('opened without a step (or from one that does not offer it), "Sent" ticks the first open step', () => {
    const p = plan();
    const [invite, followUp] = stepsForDraft(p, 'pitch');
    const [letter] = stepsForDraft(p, 'parents');
    expect(sentStepFor(p, 'pitch', null)).toBe(invite);
    expect(sentStepFor(p, 'pitch', letter!)).toBe(invite);
    expect(sentStepFor(p, 'pitch', 'no-such-step')).toBe(invite);
    const invited = setStepDone(p, invite!, true, new Date());
    expect(sentStepFor(invited, 'pitch', null)).toBe(followUp);
    const both = setStepDone(invited, followUp!, true, new Date());
    expect(sentStepFor(both, 'pitch', null)).toBe(invite);

    const blank = createPlanFromTemplate('blank', assemblyDetails, testDeps());
    expect(sentStepFor(blank, 'pitch', null)).toBeNull();
  });

  it('the address of a draft names the step it was opened from', () => {
    expect(draftPath('p1', 'pitch')).toBe('/plans/p1/drafts/pitch');
    expect(draftPath('p1', 'pitch', 'id-9')).toBe('/plans/p1/drafts/pitch?step=id-9');
    const odd = draftPath('p1', 'pitch', 'a b&c=d#e');
    expect(new URL(odd, 'https://x.test').searchParams.get('step')).toBe('a b&c=d#e');
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

describe("an elected official's drafts", () => {
  const official = () => createPlanFromTemplate('elected-official', assemblyDetails, testDeps());
  const SCHOOL: readonly DraftId[] = ['parents', 'invitation', 'pitch', 'social', 'talkingPoints'];
  const offered = (plan: ReturnType<typeof official>) =>
    plan.checklist.sections.flatMap((section) =>
      section.steps.map((step) => [step.textKey, draftsForStep(step)] as const),
    );

  it("offer the official's own press release, proclamation, op-ed and posts, never a school's", () => {
    const byStep = Object.fromEntries(offered(official()).filter(([, ids]) => ids.length > 0));
    expect(byStep).toEqual({
      'step.officialProclamation': ['proclamation'],
      'step.officialOpEd': ['opEd'],
      'step.officialSpread': ['officialPosts'],
      'step.officialPressRelease': ['pressRelease'],
    });
    expect(postsDraftFor(official())).toBe('officialPosts');
    const school = createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());
    expect(postsDraftFor(school)).toBe('social');
    const schoolOffers = offered(school).flatMap(([, ids]) => ids);
    expect(schoolOffers.every((id) => SCHOOL.includes(id))).toBe(true);
  });

  it.each(LANGUAGE_CODES)(
    "speak as the official in %s, with the guide's sample posts",
    async (lang) => {
      const i18n = await createTestI18n(lang);
      const { values } = draftValues(input(lang), () => '[missing]');
      // How the school's drafts speak of "our students" in each language.
      const schoolVoice = {
        en: /our students/i,
        ky: /окуучуларыбыз|биздин окуучулар/i,
        nb: /elevene våre/i,
        nn: /elevane våre/i,
      }[lang];
      expect(i18n.t('drafts:pitch.body', values)).toMatch(schoolVoice);
      for (const id of ['pressRelease', 'proclamation', 'opEd', 'officialPosts'] as const) {
        const texts = DRAFT_TEXTS[id];
        const body = i18n.t(texts.body, { ns: 'drafts', ...values });
        expect(body).not.toMatch(/{{|}}/);
        expect(body).toContain('Kodetimen 5B');
        expect(body).not.toMatch(schoolVoice);
      }
      const release = i18n.t('drafts:pressRelease.body', values);
      expect(release).toContain('press@code.org');
      expect(release).toContain('+996 555 000 000');
      const posts = splitPosts(i18n.t('drafts:officialPosts.body', values));
      expect(posts).toHaveLength(3);
      for (const post of posts) expect(post).toContain('#HourOfCode');
      if (lang === 'en') {
        expect(posts[0]).toBe(
          'Every student, boy or girl, should have the chance to learn computer science. Join us in starting with one #HourOfCode https://hourofcode.com',
        );
        expect(posts[1]).toBe(
          "Today, we're proud to join the Hour of Code movement. Are you in? #HourOfCode https://hourofcode.com",
        );
        expect(release).toMatch(/said \[your title and name\]/);
        expect(i18n.t('drafts:proclamation.body', values)).toMatch(
          /I, \[your title and name\], proclaim/,
        );
        expect(i18n.t('drafts:opEd.body', values)).toMatch(
          /^One hour .*\n\nBy \[your title and name\]/,
        );
        for (const post of posts) expect(post).not.toMatch(/\bour students\b/i);
      }
      if (lang === 'nb' || lang === 'nn')
        for (const post of posts) expect(post).toContain('#kodetimen');
    },
  );

  it('mail and "Sent" only for what is sent by mail; subjects for the same', () => {
    const mailed = DRAFT_IDS.filter(offersMail);
    expect(mailed).toEqual(['parents', 'invitation', 'pitch', 'pressRelease', 'opEd']);
    expect(DRAFT_IDS.filter(hasSubject)).toEqual(mailed);
    expect(DRAFT_IDS.filter(isPostList)).toEqual(['social', 'officialPosts']);
  });
});

describe('posts', () => {
  it('split on a line of dashes, keep what was typed, and join back as they are stored', () => {
    expect(splitPosts('One #HourOfCode\n---\nTwo\r\n----  \r\n Three ')).toEqual([
      'One #HourOfCode',
      'Two',
      ' Three ',
    ]);
    expect(splitPosts('')).toEqual(['']);
    expect(splitPosts('A - B --- C')).toEqual(['A - B --- C']);
    const posts = ['One', 'Two', 'Three'];
    expect(joinPosts(posts)).toBe('One\n---\nTwo\n---\nThree');
    expect(splitPosts(joinPosts(posts))).toEqual(posts);
    expect(replacePost(posts, 1, 'Zwei')).toEqual(['One', 'Zwei', 'Three']);
    expect(replacePost(posts, 5, 'x')).toEqual(posts);
  });
});
