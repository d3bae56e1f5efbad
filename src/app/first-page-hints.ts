/*
 * What the service worker needs to know to paint a returning user's first page (src/sw.ts): the
 * language they picked, and whether they have plans. It cannot read localStorage, so the app
 * keeps both in a small cache of their own (Cache Storage), as plain text. Nothing of the plans
 * themselves is kept there. Best effort: without Cache Storage (an insecure origin, a browser
 * that blocks it) the worker paints in the browser's language, and the app corrects it as it
 * starts. No React: the service worker imports the names.
 */
export const HINTS_CACHE = 'hoc-planner-settings';
export const LANGUAGE_HINT_URL = '/settings/language';
export const HAS_PLANS_HINT_URL = '/settings/has-plans';

async function keep(url: string, value: string): Promise<void> {
  try {
    if (typeof caches === 'undefined') return;
    const cache = await caches.open(HINTS_CACHE);
    // Written only when it changed: most starts find it as it was.
    const kept = await cache.match(url);
    if (kept && (await kept.text()) === value) return;
    await cache.put(url, new Response(value, { headers: { 'Content-Type': 'text/plain' } }));
  } catch {
    // Not kept: the next first paint follows the browser's language, or the plans page's.
  }
}

export function rememberLanguage(lang: string): Promise<void> {
  return keep(LANGUAGE_HINT_URL, lang);
}

export function rememberHasPlans(hasPlans: boolean): Promise<void> {
  return keep(HAS_PLANS_HINT_URL, hasPlans ? 'yes' : 'no');
}

/** A hint as kept, or null (never kept, or unreadable). For the service worker. */
export async function readHint(url: string): Promise<string | null> {
  try {
    const response = await (await caches.open(HINTS_CACHE)).match(url);
    return response ? (await response.text()).slice(0, 16) : null;
  } catch {
    return null;
  }
}
