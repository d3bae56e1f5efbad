import type { CustomTypeOptions, ParseKeys, TFunction } from 'i18next';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Namespace } from '@/i18n/languages';
import { GUIDE_TEXT_KEYS } from '@/plan/templates';
import type { GuideTextKey } from '@/plan/text';
import { createTestI18n } from '../test-utils';

/*
 * The translation keys are known to the type checker (src/i18n/i18next.d.ts). Each
 * `@ts-expect-error` below is a proof: `npm run typecheck` fails if the line after it compiles,
 * so a typo in a key stops the build instead of showing the raw key to the user (which is what
 * i18next does at run time, as the assertions show).
 */

describe('translation keys are checked by the type checker', () => {
  it('a known key compiles and is translated; an unknown one does not compile', async () => {
    const i18n = await createTestI18n('en');
    const t: TFunction = i18n.t;
    expect(t('plan.backToPlans')).toBe('My plans');
    // @ts-expect-error: a typo in a key of the default namespace (`common`)
    expect(t('plan.backToPlanz')).toBe('plan.backToPlanz');
    // @ts-expect-error: a fallback text does not excuse an unknown key (strictKeyChecks)
    expect(t('plan.noSuchKey', { defaultValue: 'x' })).toBe('x');
    // A key of another namespace, named with its prefix, is checked in that namespace.
    expect(i18n.t('drafts:parents.name')).toBe('Letter to parents');
    // @ts-expect-error: no such key in `drafts`
    expect(i18n.t('drafts:parents.subjectLine')).toBe('parents.subjectLine');
  });

  it('keys are checked per namespace', async () => {
    const i18n = await createTestI18n('en');
    const tg: TFunction<'guide'> = i18n.getFixedT(null, 'guide');
    expect(tg('step.prepareVenue')).toMatch(/^Pick the place/);
    // @ts-expect-error: a key of `common`, not of `guide`
    expect(tg('plan.backToPlans')).toBe('plan.backToPlans');
  });

  it('typed maps hold only real keys', () => {
    expectTypeOf<'merge.summary.line.ticked'>().toExtend<ParseKeys>();
    expectTypeOf<'merge.summary.line.tickd'>().not.toExtend<ParseKeys>();
    expectTypeOf<'template.blank.title'>().toExtend<ParseKeys<'guide'>>();
    expectTypeOf<'template.blank.place'>().not.toExtend<ParseKeys<'guide'>>();
    // @ts-expect-error: what a map entry with a typo looks like to the compiler
    const typo: Record<'ok', ParseKeys> = { ok: 'print.include.notez' };
    expect(typo.ok).toBe('print.include.notez');
  });

  it('the namespaces the type checker knows are the ones the app loads', () => {
    expectTypeOf<keyof CustomTypeOptions['resources']>().toEqualTypeOf<Namespace>();
  });

  it("a plan's template keys are typed in code and checked at run time when read", async () => {
    expectTypeOf<'step.prepareVenue'>().toExtend<GuideTextKey>();
    expectTypeOf<'step.prepareVenu'>().not.toExtend<GuideTextKey>();
    // Read from storage, a file or a link, a key is data: GUIDE_TEXT_KEYS is what restore
    // checks it against, and each of those is a real text.
    const i18n = await createTestI18n('en');
    expect(GUIDE_TEXT_KEYS.size).toBeGreaterThan(40);
    for (const key of GUIDE_TEXT_KEYS) expect(i18n.exists(key, { ns: 'guide' }), key).toBe(true);
  });
});
