/// <reference lib="webworker" />
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { kindForPath, prerenderedPath, startLanguage } from '@/app/first-page';
import { FALLBACK_LANGUAGE } from '@/i18n/languages';
import { HAS_PLANS_HINT_URL, LANGUAGE_HINT_URL, readHint } from '@/app/first-page-hints';

/*
 * The service worker: offline and installable. It precaches the app (every page's code, every
 * language), and answers every page address from that cache with the prerendered page in the
 * visitor's language (src/app/first-page.ts): the one picked in the app before (which the app
 * keeps where this worker can read it, src/app/first-page-hints.ts), or else the browser's; and
 * for someone with plans, the frame rather than a first visit's "No plans yet". A
 * returning user sees their own language from the first paint, with no server involved.
 * It waits for the user before taking over ('prompt'): the app asks it to, on "Reload".
 */

declare let self: ServiceWorkerGlobalScope;

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Before the precache's own route, which would answer `/` with index.html (English) itself.
registerRoute(
  new NavigationRoute(
    async ({ url, request }) => {
      const [language, hasPlans] = await Promise.all([
        readHint(LANGUAGE_HINT_URL),
        readHint(HAS_PLANS_HINT_URL),
      ]);
      const lang = startLanguage(language, self.navigator.languages ?? []);
      const kind = kindForPath(url.pathname, hasPlans === 'yes');
      const page =
        (await matchPrecache(prerenderedPath(lang, kind))) ??
        (await matchPrecache(prerenderedPath(FALLBACK_LANGUAGE, kind))) ??
        (await matchPrecache('/index.html'));
      return page ?? fetch(request);
    },
    // A file opened as a page (/robots.txt, /sw.js, /index.html) is the file, not the frame.
    { denylist: [/\/[^/]*\.[a-z0-9]+$/i] },
  ),
);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
