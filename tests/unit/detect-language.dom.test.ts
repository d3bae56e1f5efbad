import { afterEach, describe, expect, it, vi } from 'vitest';
import { languageDetector } from '@/i18n/detect-language';

const KEY = 'hoc-planner.language';
const browserLanguages = (languages: string[]) => {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
  vi.spyOn(navigator, 'language', 'get').mockReturnValue(languages[0] ?? '');
};

describe('the language to start in', () => {
  afterEach(() => localStorage.clear());

  it('is the one picked before in this browser, then the browser’s own that we offer', () => {
    browserLanguages(['de-DE', 'nb-NO', 'en']);
    expect(languageDetector(KEY).detect()).toEqual(['nb', 'en']);
    localStorage.setItem(KEY, 'ky');
    expect(languageDetector(KEY).detect()).toEqual(['ky', 'nb', 'en']);
  });

  it('reads plain Norwegian as Bokmål, and ignores what we do not offer or a damaged value', () => {
    browserLanguages(['no', 'fr']);
    localStorage.setItem(KEY, '../../etc');
    expect(languageDetector(KEY).detect()).toEqual(['nb']);
    browserLanguages(['fr-FR', 'de']);
    expect(languageDetector(KEY).detect()).toEqual([]);
  });

  it('keeps the language in use for the next visit, and does without storage where it is blocked', () => {
    const detector = languageDetector(KEY);
    detector.cacheUserLanguage!('nn');
    expect(localStorage.getItem(KEY)).toBe('nn');
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    browserLanguages(['nn-NO']);
    expect(detector.detect()).toEqual(['nn']);
    expect(() => detector.cacheUserLanguage!('ky')).not.toThrow();
  });
});
