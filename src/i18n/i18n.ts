import i18next, { type i18n as I18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import {
  FALLBACK_LANGUAGE,
  LANGUAGE_CODES,
  PRELOADED_NAMESPACES,
  isLanguageCode,
  matchLanguage,
} from './languages';
import { loadDateLocale } from './format';
import { addNumberFormatter } from './number';

export const LANGUAGE_STORAGE_KEY = 'hoc-planner.language';

function setDocumentLanguage(lng: string) {
  if (typeof document !== 'undefined' && isLanguageCode(lng)) {
    document.documentElement.lang = lng;
    // The installed app's name and description in the same language: the build writes one
    // manifest per language (vite.config.ts). No link in development, where there is none.
    const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    if (manifest) manifest.href = `/manifest.${lng}.webmanifest`;
  }
}

/**
 * The app's i18next instance. Each language's namespaces are separate JSON chunks, loaded on
 * demand: only the active language is downloaded at start, another when the user picks it.
 */
export async function initI18n(): Promise<I18n> {
  const instance = i18next.createInstance();
  instance.on('languageChanged', setDocumentLanguage);
  await instance
    .use(
      resourcesToBackend(
        // A language's date names come with its main texts, so nothing shows before both are in.
        async (language: string, namespace: string) => {
          const [texts] = await Promise.all([
            import(`../../locales/${language}/${namespace}.json`),
            namespace === 'common' && isLanguageCode(language) ? loadDateLocale(language) : null,
          ]);
          return texts;
        },
      ),
    )
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      supportedLngs: [...LANGUAGE_CODES],
      // A function, not a plain 'en': with a plain fallback i18next downloads English next to
      // every language. Our languages have every key (a test checks), so only a language we
      // don't offer falls back to English.
      fallbackLng: (code: string | undefined) => (isLanguageCode(code) ? [] : [FALLBACK_LANGUAGE]),
      load: 'languageOnly',
      ns: [...PRELOADED_NAMESPACES],
      defaultNS: 'common',
      interpolation: { escapeValue: false }, // React escapes.
      returnNull: false,
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: ['localStorage'],
        convertDetectedLanguage: (lng: string) => matchLanguage(lng) ?? lng,
      },
      react: { useSuspense: true },
    });
  addNumberFormatter(instance);
  setDocumentLanguage(instance.resolvedLanguage ?? FALLBACK_LANGUAGE);
  return instance;
}
