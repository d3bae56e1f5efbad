/*
 * The language the user picked, kept where the service worker can read it (it cannot read
 * localStorage): one entry in a cache of its own. The worker then serves the first page already
 * in that language (src/sw.ts). Best effort: without Cache Storage (an insecure origin, a
 * private window that blocks it) the first paint is in the browser's language, and the app
 * switches as it starts.
 */
export const STORED_LANGUAGE_CACHE = 'hoc-planner-settings';
export const STORED_LANGUAGE_URL = '/settings/language';

export async function storeLanguageForServiceWorker(lang: string): Promise<void> {
  try {
    if (typeof caches === 'undefined') return;
    const cache = await caches.open(STORED_LANGUAGE_CACHE);
    await cache.put(
      STORED_LANGUAGE_URL,
      new Response(lang, { headers: { 'Content-Type': 'text/plain' } }),
    );
  } catch {
    // Not kept: the first paint of a later visit follows the browser's language instead.
  }
}
