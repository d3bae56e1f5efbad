import type { LanguageDetectorModule } from 'i18next';
import { matchLanguage, type LanguageCode } from './languages';

/**
 * The language to start in: the one last picked in this browser (kept under `storageKey`), else
 * the first of the browser's languages that we offer (`nb-NO`, `no` and `ky-KG` included, see
 * `matchLanguage`), else none (i18next then falls back to English). The language in use is kept
 * for the next visit. A few lines for what the first page needs of i18next-browser-languagedetector
 * (its `localStorage` and `navigator` lookups), which was some 2 KB of the first page's code.
 */
export function languageDetector(storageKey: string): LanguageDetectorModule {
  const storage = (): Storage | undefined => {
    try {
      return typeof localStorage === 'undefined' ? undefined : localStorage;
    } catch {
      return undefined; // Storage blocked: the browser's language, not kept.
    }
  };
  return {
    type: 'languageDetector',
    detect: () => {
      const reported: (string | null | undefined)[] = [];
      try {
        reported.push(storage()?.getItem(storageKey));
      } catch {
        // Unreadable storage: as if nothing was kept.
      }
      if (typeof navigator !== 'undefined')
        reported.push(...(navigator.languages ?? []), navigator.language);
      const ours = new Set(reported.map(matchLanguage));
      return [...ours].filter((code): code is LanguageCode => code !== undefined);
    },
    cacheUserLanguage: (lng) => {
      try {
        storage()?.setItem(storageKey, lng);
      } catch {
        // Not kept where storage is blocked or full; this visit goes on in the language.
      }
    },
  };
}
