import { afterEach, describe, expect, it, vi } from 'vitest';

// Fresh copies of the modules: the test setup has already loaded every language's date names
// into the shared ones.
async function freshModules() {
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
    const { formatDate, loadDateLocale } = await freshModules();
    expect(formatDate(december7, 'nb', 'long')).toBe('Monday 7. December 2026');
    await loadDateLocale('nb');
    expect(formatDate(december7, 'nb', 'long')).toBe('mandag 7. desember 2026');
  });

  it('are ready once the start language is all in, and when it switches to another', async () => {
    localStorage.setItem('hoc-planner.language', 'nn');
    const { formatDate, initI18n, allTexts } = await freshModules();
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
