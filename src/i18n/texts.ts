import type { i18n as I18n, ResourceKey } from 'i18next';
import type { Namespace } from './languages';

/*
 * The app's texts load in parts, so that the first page does not wait for every text of the app:
 * - before the first render, of the active language only the start groups of `common`
 *   (start-texts.ts: what the plans page and the frame show), with the language's date names;
 * - right after the first render, in the background, the rest of `common` and the `guide` texts
 *   (`allTexts()`, which the frame calls);
 * - every other page, and each dialog of the plans page, waits for them before it renders
 *   (`withAllTexts`: app/routes.tsx, features/plans). A first page other than the plans page asks
 *   before the texts are read at all, and they then load whole at once.
 * A language picked later loads whole. Tests make instances of their own with every text; for
 * them (no `initI18n`) all of this resolves at once.
 *
 * The downloads themselves are i18n.ts's (`TextReaders`). This module imports no other at run
 * time: the routes import it early, and an import of languages.ts from here was enough to make
 * the bundler split the store's modules (zod, date-fns, src/plan) out of the entry into chunks of
 * their own, some 2 KB more for the first page.
 */

/** Loaded with the rest of `common`, not before the first render. */
const WITH_ALL_TEXTS: readonly Namespace[] = ['guide'];

export interface TextReaders {
  /** A namespace of a language, whole (`common` with the language's date names). */
  whole: (language: string, namespace: string) => Promise<ResourceKey>;
  /** The start groups of a language's `common` texts, with its date names; undefined: none. */
  start: (language: string) => Promise<ResourceKey> | undefined;
}

interface AppTexts {
  /** True until i18next is ready: `common` is then read as its start groups… */
  starting: boolean;
  /** …unless a page asked for all texts first (a first page other than the plans page). */
  allAsked: boolean;
  /** The languages whose `common` texts are all in, or coming. */
  whole: Map<string, Promise<void>>;
  instance: Promise<I18n>;
  /** The instance, once i18next is ready. */
  current: I18n | null;
  read: TextReaders;
}

let app: AppTexts | undefined;

/**
 * The app's texts, for `initI18n`: `read` is its backend (i18next-resources-to-backend), and
 * `started` is called once i18next is ready.
 */
export function appTexts(read: TextReaders) {
  let ready!: (instance: I18n) => void;
  const state: AppTexts = {
    starting: true,
    allAsked: false,
    whole: new Map(),
    instance: new Promise<I18n>((resolve) => (ready = resolve)),
    current: null,
    read,
  };
  app = state;
  return {
    read: async (language: string, namespace: string): Promise<ResourceKey> => {
      const start =
        namespace === 'common' && state.starting && !state.allAsked
          ? read.start(language)
          : undefined;
      if (start) return start;
      const texts = await read.whole(language, namespace);
      if (namespace === 'common') state.whole.set(language, Promise.resolve());
      return texts;
    },
    started: (instance: I18n) => {
      state.starting = false;
      state.current = instance;
      ready(instance);
    },
  };
}

/** Makes sure `language`'s `common` texts are all in (not only the start groups). */
function wholeCommon(state: AppTexts, instance: I18n, language: string): Promise<void> {
  let loading = state.whole.get(language);
  if (!loading) {
    loading = state.read.whole(language, 'common').then((texts) => {
      instance.addResourceBundle(language, 'common', texts, true, true);
    });
    state.whole.set(language, loading);
    // A failed download is tried again by the next page or dialog that asks.
    loading.catch(() => state.whole.delete(language));
  }
  return loading;
}

/**
 * Every text of the active language (all of `common`, and the guide texts) is in. Rejects when
 * they could not be downloaded: a page or dialog waiting for them then reports it.
 */
export function allTexts(): Promise<void> {
  const state = app;
  if (!state) return Promise.resolve();
  if (state.starting) state.allAsked = true;
  return state.instance.then(async (instance) => {
    const language = instance.resolvedLanguage ?? instance.language;
    await Promise.all([
      wholeCommon(state, instance, language),
      instance.loadNamespaces([...WITH_ALL_TEXTS]),
    ]);
  });
}

/** A lazily loaded module that shows texts beyond the start groups: ready when they are. */
export function withAllTexts<T>(module: Promise<T>): Promise<T> {
  return Promise.all([module, allTexts()]).then(([loaded]) => loaded);
}

/**
 * Switches language with all its texts. A language not loaded yet loads whole anyway; the one the
 * app started in may have only its start texts, should their rest have failed to download: they
 * are tried again first (and, failing again, the switch happens all the same, as it would have).
 * Resolves false, without switching, when the language's texts could not be downloaded at all.
 */
export async function changeLanguage(instance: I18n, language: string): Promise<boolean> {
  const state = app;
  if (state?.current === instance && instance.hasResourceBundle(language, 'common'))
    await wholeCommon(state, instance, language).catch(() => {});
  // A language whose texts cannot be downloaded (offline, before the service worker keeps them)
  // is not switched to: the page would show bare keys. False says so.
  if (!instance.hasResourceBundle(language, 'common')) {
    // Asked for again each time (i18next would otherwise keep the failure and not try again).
    await instance.reloadResources([language]).catch(() => {});
    if (!instance.hasResourceBundle(language, 'common')) return false;
  }
  await instance.changeLanguage(language);
  return true;
}
