/// <reference lib="webworker" />
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { kindForPath, prerenderedPath, startLanguage } from '@/app/first-page';
import { STORED_LANGUAGE_CACHE, STORED_LANGUAGE_URL } from '@/i18n/stored-language';

/*
 * The service worker: offline and installable. It precaches the app (every page's code, every
 * language), and answers every page address from that cache with the prerendered page in the
 * visitor's language (src/app/first-page.ts): the one picked in the app before (which the app
 * keeps where this worker can read it, src/i18n/stored-language.ts), or else the browser's. A
 * returning user sees their own language from the first paint, with no server involved.
 * It waits for the user before taking over ('prompt'): the app asks it to, on "Reload".
 */

declare let self: ServiceWorkerGlobalScope;

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

async function storedLanguage(): Promise<string | null> {
  try {
    const cache = await caches.open(STORED_LANGUAGE_CACHE);
    const response = await cache.match(STORED_LANGUAGE_URL);
    return response ? (await response.text()).slice(0, 16) : null;
  } catch {
    return null;
  }
}

// Before the precache's own route, which would answer `/` with index.html (English) itself.
registerRoute(
  new NavigationRoute(async ({ url, request }) => {
    const lang = startLanguage(await storedLanguage(), self.navigator.languages ?? []);
    const page =
      (await matchPrecache(prerenderedPath(lang, kindForPath(url.pathname)))) ??
      (await matchPrecache('/index.html'));
    return page ?? fetch(request);
  }),
);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
