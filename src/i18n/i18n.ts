import i18next, { type i18n as I18n, type ResourceKey } from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import {
  FALLBACK_LANGUAGE,
  LANGUAGE_CODES,
  PRELOADED_NAMESPACES,
  isLanguageCode,
  startLanguage,
  type LanguageCode,
} from './languages';
import { dateNames, forgetFailedDateNames } from './date-names';
import { appTexts } from './texts';

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

const START_TEXTS: Record<LanguageCode, () => Promise<{ default: ResourceKey }>> = {
  en: () => import('../../locales/en/common.json?start'),
  ky: () => import('../../locales/ky/common.json?start'),
  nb: () => import('../../locales/nb/common.json?start'),
  nn: () => import('../../locales/nn/common.json?start'),
};

/*
 * A language's date names, and the numbers' formatter (`{{n, decimal}}`), come with all its texts,
 * so no page that shows dates or such numbers renders before they are in. The start texts come
 * without them: the plans page's frame shows neither, and its list waits for the date names
 * itself (features/plans/plan-list.tsx).
 */
const withFormats = async (
  instance: () => I18n,
  language: string,
  texts: Promise<{ default: ResourceKey }>,
) => {
  // Asked for afresh should they have failed before: texts are only ever asked for by a page, a
  // dialog or a language switch, never by React retrying a render.
  forgetFailedDateNames();
  const [loaded, number] = await Promise.all([texts, import('./number'), dateNames(language)]);
  number.addNumberFormatter(instance());
  return loaded.default;
};

/**
 * The app's i18next instance. Each language's namespaces are separate JSON chunks, loaded on
 * demand: only the active language is downloaded at start, another when the user picks it; and
 * of the active language, only what the first page needs before it shows (texts.ts).
 */
export async function initI18n(): Promise<I18n> {
  // First, before anything waits: a page preloaded beside this (main.tsx) may ask for all texts.
  const texts = appTexts({
    whole: (language, namespace) => {
      const file = import(`../../locales/${language}/${namespace}.json`);
      return namespace === 'common'
        ? withFormats(() => instance, language, file)
        : file.then((m) => m.default);
    },
    start: (language) =>
      isLanguageCode(language) ? START_TEXTS[language]().then((m) => m.default) : undefined,
  });
  const instance = i18next.createInstance();
  instance.on('languageChanged', setDocumentLanguage);
  /*
   * The language: the one picked before (kept in localStorage), else the browser's first that we
   * offer (startLanguage, which the service worker also paints the page by). Storage that some
   * browsers refuse to read or write (they throw when the profile's storage is damaged) is as if
   * nothing was picked: the next visit starts in the browser's language.
   */
  let picked: string | null = null;
  try {
    picked = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Nothing picked, as far as this visit can tell.
  }
  const language = startLanguage(
    picked,
    typeof navigator === 'undefined' ? [] : (navigator.languages ?? []),
  );
  instance.on('languageChanged', (lng: string) => {
    if (!isLanguageCode(lng)) return;
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
    } catch {
      // Not remembered.
    }
  });
  await instance
    .use(resourcesToBackend(texts.read))
    .use(initReactI18next)
    .init({
      lng: language,
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
      react: { useSuspense: true },
      // A text file that fails to download is asked for twice more (after 0.35 s, then 0.7 s),
      // not five times over 11 s: someone offline picking a language hears at once that it failed.
      maxRetries: 2,
    });
  setDocumentLanguage(instance.resolvedLanguage ?? FALLBACK_LANGUAGE);
  texts.started(instance);
  return instance;
}
