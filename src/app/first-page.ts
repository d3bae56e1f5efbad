import type { LanguageCode } from '../i18n/languages.ts';

// The language a visit starts in: the app's (i18n/i18n.ts) and the service worker's choice alike.
export { startLanguage } from '../i18n/languages.ts';

/*
 * The pages the build renders into HTML (scripts/prerender-plugin.ts): for each language, the
 * plans page (`/`) and a shell (the frame with the page still loading) for every other address,
 * whose content lives in the visitor's browser. The server (deploy/nginx.conf.template) and the
 * service worker (src/sw.ts) pick one by language; a plain static host serves `index.html`, the
 * English plans page. No React here: the service worker imports it.
 */

export type PrerenderedKind = 'plans' | 'shell';

export const PRERENDERED_KINDS: readonly PrerenderedKind[] = ['plans', 'shell'];

/** Where the build writes a prerendered page (a path from the site's root). */
export function prerenderedPath(lang: LanguageCode, kind: PrerenderedKind): string {
  return `/pages/${lang}/${kind}.html`;
}

/**
 * Which prerendered page an address of the app starts from. The plans page as the build renders
 * it is a first visit's ("No plans yet"): for someone with plans, the frame, until the app lists
 * them.
 */
export function kindForPath(pathname: string, hasPlans = false): PrerenderedKind {
  return pathname === '/' && !hasPlans ? 'plans' : 'shell';
}

/**
 * Whether the app can hydrate the page it was served, rather than render afresh: only the
 * prerendered plans page, at `/`, painted in the language the app starts in. Its list ("No plans
 * yet", as the build rendered a first visit) hydrates when the list's code is in, and is drawn
 * afresh should there be plans after all. Otherwise the app replaces the frame in one step.
 */
export function canHydrate(page: {
  prerendered: string | undefined;
  pathname: string;
  paintedLanguage: string;
  language: string | undefined;
}): boolean {
  return (
    page.prerendered === 'plans' &&
    kindForPath(page.pathname) === 'plans' &&
    page.paintedLanguage === page.language
  );
}
