import { afterEach, describe, expect, it, vi } from 'vitest';
import { START_GROUPS } from '@/i18n/start-texts';

/*
 * How the app's texts load (src/i18n/texts.ts): the plans page starts with the start groups of
 * `common` only; the rest, and the guide texts, follow; any other page waits for them. A
 * language's date names and number format come with all its texts (src/i18n/format.ts).
 *
 * Both need fresh copies of the modules (`vi.resetModules`), so this file runs in a worker of its
 * own (vite.config.ts, `dom-isolated`): one file, one worker started for them.
 */

// Fresh modules: the app's text loading is set up once per page, by initI18n.
async function fresh() {
  vi.resetModules();
  const { initI18n } = await import('@/i18n/i18n');
  const texts = await import('@/i18n/texts');
  const { preloadPage } = await import('@/app/routes');
  return { initI18n, preloadPage, ...texts };
}

const groups = (bundle: object | undefined) => Object.keys(bundle ?? {}).sort();

describe("the app's texts", () => {
  afterEach(() => localStorage.clear());

  it('start with what the first page needs, then the rest of the language loads', async () => {
    localStorage.setItem('hoc-planner.language', 'nb');
    const { initI18n, preloadPage, allTexts } = await fresh();
    const [i18n] = await Promise.all([initI18n(), preloadPage('/')]);
    expect(i18n.resolvedLanguage).toBe('nb');
    expect(groups(i18n.getResourceBundle('nb', 'common'))).toEqual([...START_GROUPS].sort());
    expect(i18n.t('plans.title')).toBe('Mine planer');
    expect(i18n.hasResourceBundle('nb', 'guide')).toBe(false);

    await allTexts();
    expect(i18n.exists('merge.failed')).toBe(true);
    expect(i18n.t('plans.title')).toBe('Mine planer');
    expect(i18n.hasResourceBundle('nb', 'guide')).toBe(true);
    expect(i18n.hasResourceBundle('en', 'common')).toBe(false);
  });

  it('load whole before the first render when the first page is another page', async () => {
    const { initI18n, preloadPage } = await fresh();
    const [i18n] = await Promise.all([initI18n(), preloadPage('/nowhere')]);
    expect(i18n.resolvedLanguage).toBe('en');
    expect(i18n.exists('notFound.title')).toBe(true);
    expect(i18n.exists('merge.failed')).toBe(true);
    expect(i18n.hasResourceBundle('en', 'guide')).toBe(true);
  });

  it('another page waits for them when the user goes there', async () => {
    const { initI18n, withAllTexts } = await fresh();
    const i18n = await initI18n();
    expect(i18n.exists('notFound.title')).toBe(false);
    await withAllTexts(import('@/app/pages/not-found-route'));
    expect(i18n.exists('notFound.title')).toBe(true);
  });

  it('a language picked later loads whole, and the first one is completed when picked again', async () => {
    const { initI18n, changeLanguage } = await fresh();
    const i18n = await initI18n();
    expect(i18n.exists('merge.failed')).toBe(false);
    await changeLanguage(i18n, 'ky');
    expect(i18n.resolvedLanguage).toBe('ky');
    expect(i18n.exists('merge.failed')).toBe(true);
    await changeLanguage(i18n, 'en');
    expect(i18n.resolvedLanguage).toBe('en');
    expect(i18n.exists('merge.failed')).toBe(true);
  });

  it('resolve at once where the app did not start them (tests, whose instances hold every text)', async () => {
    const { allTexts } = await fresh();
    await expect(allTexts()).resolves.toBeUndefined();
  });
});

// Fresh copies of the modules: the test setup has already loaded every language's date names
// into the shared ones.
async function freshDateModules() {
  vi.resetModules();
  const format = await import('@/i18n/format');
  const { initI18n } = await import('@/i18n/i18n');
  const { allTexts } = await import('@/i18n/texts');
  return { ...format, initI18n, allTexts };
}

const december7 = new Date(2026, 11, 7);

describe("a language's date names and number format load with all its texts", () => {
  afterEach(() => localStorage.clear());

  it('are English until asked for, then format in the language', async () => {
    const { formatDate, loadDateLocale } = await freshDateModules();
    expect(formatDate(december7, 'nb', 'long')).toBe('Monday 7. December 2026');
    await loadDateLocale('nb');
    expect(formatDate(december7, 'nb', 'long')).toBe('mandag 7. desember 2026');
  });

  it('are ready once the start language is all in, and when it switches to another', async () => {
    localStorage.setItem('hoc-planner.language', 'nn');
    const { formatDate, initI18n, allTexts } = await freshDateModules();
    const i18n = await initI18n();
    expect(i18n.resolvedLanguage).toBe('nn');
    // The start texts come without them (the plans page's frame shows no date)…
    expect(formatDate(december7, 'nn', 'long')).toBe('Monday 7. December 2026');
    // …the rest of the texts with them, and with the numbers' own format.
    await allTexts();
    expect(formatDate(december7, 'nn', 'long')).toBe('måndag 7. desember 2026');
    expect(i18n.t('fileError.tooLarge', { size: 1234.5, max: 5 })).toContain('1\u00a0234,5');
    await i18n.changeLanguage('ky');
    expect(formatDate(december7, 'ky', 'long')).toBe('2026-ж., 7-декабрь, дүйшөмбү');
  });
});
