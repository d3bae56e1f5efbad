import { afterEach, describe, expect, it, vi } from 'vitest';

// Fresh copies of the modules: the test setup has already loaded every language's date names
// into the shared ones.
async function freshModules() {
  vi.resetModules();
  const format = await import('@/i18n/format');
  const { initI18n } = await import('@/i18n/i18n');
  return { ...format, initI18n };
}

const december7 = new Date(2026, 11, 7);

describe("a language's date names load with its texts", () => {
  afterEach(() => localStorage.clear());

  it('are English until asked for, then format in the language', async () => {
    const { formatDate, loadDateLocale } = await freshModules();
    expect(formatDate(december7, 'nb', 'long')).toBe('Monday 7. December 2026');
    await loadDateLocale('nb');
    expect(formatDate(december7, 'nb', 'long')).toBe('mandag 7. desember 2026');
  });

  it('are ready when i18next starts in a language, and when it switches to another', async () => {
    localStorage.setItem('hoc-planner.language', 'nn');
    const { formatDate, initI18n } = await freshModules();
    const i18n = await initI18n();
    expect(i18n.resolvedLanguage).toBe('nn');
    expect(formatDate(december7, 'nn', 'long')).toBe('måndag 7. desember 2026');
    await i18n.changeLanguage('ky');
    expect(formatDate(december7, 'ky', 'long')).toBe('2026-ж., 7-декабрь, дүйшөмбү');
  });
});
