import type { i18n as I18n } from 'i18next';
import { rememberHasPlans, rememberLanguage } from './first-page-hints';

/**
 * Keeps what the service worker paints the next visit with (src/sw.ts, first-page-hints.ts): the
 * language, and whether there are plans to list, now and whenever they change. Loaded by the
 * start once the browser is idle (boot.tsx).
 */
export function rememberForNextVisit(i18n: I18n) {
  let lang = i18n.resolvedLanguage;
  if (lang) void rememberLanguage(lang);
  i18n.on('languageChanged', (next: string) => {
    if (next === lang) return;
    lang = next;
    void rememberLanguage(next);
  });
  // Every page loads the store, the plans page's list too: by now it is in, as a rule.
  import('@/store/plans-store').then(
    ({ plansStore }) => {
      let hasPlans = plansStore.getState().plans.length > 0;
      void rememberHasPlans(hasPlans);
      plansStore.subscribe((state) => {
        if (state.plans.length > 0 === hasPlans) return;
        hasPlans = state.plans.length > 0;
        void rememberHasPlans(hasPlans);
      });
    },
    () => {},
  );
}
