import type { i18n as I18n } from 'i18next';
import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { canHydrate } from '@/app/first-page';
import { rememberHasPlans, rememberLanguage } from '@/app/first-page-hints';
import { Root } from '@/app/root';
import { preloadPage } from '@/app/routes';
import { initI18n } from '@/i18n/i18n';
import { plansStore } from '@/store/plans-store';
import { whenIdle } from '@/ui/when-idle';
import { showStartFailure } from './start-failure';

const rootElement = findRoot();
// The prerendered page's language, read before the app sets its own.
const paintedLanguage = document.documentElement.lang;

/*
 * The page arrives already painted (the build renders the first page into the HTML, per
 * language: scripts/prerender-plugin.ts). The page's code and the active language's texts load
 * side by side, and the app takes over when both are in:
 * - it hydrates the prerendered plans page when it will render the very same thing (the plans
 *   page, in the page's language, with no plans yet): nothing is redrawn, focus stays put;
 * - otherwise (plans to list, another language, the shell of another page) it renders afresh,
 *   replacing the frame in one step.
 */
void start().catch(showStartFailure);

function findRoot(): HTMLElement {
  const element = document.getElementById('root');
  if (!element) throw new Error('The page has no #root element.');
  return element;
}

/** Waits for the next task: what comes after runs apart, and the browser may answer meanwhile. */
function nextTask() {
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

async function start() {
  /*
   * Each step is a task of its own (a slow phone answers a tap between them, and none of them
   * keeps the page busy for long): running this module's code, starting the texts, asking for
   * the page's code, and the first render, which as a transition yields every few milliseconds
   * itself. The texts start first: the page asks for all of them (routes.tsx), which needs to
   * know the language.
   */
  await nextTask();
  const texts = initI18n();
  await nextTask();
  const page = preloadPage(window.location.pathname);
  const [i18n] = await Promise.all([texts, page]);
  await nextTask();
  // Without its texts the app would replace the painted page with bare keys: keep the page
  // and say that the app could not start.
  if (!i18n.hasResourceBundle(i18n.resolvedLanguage ?? i18n.language, 'common'))
    throw new Error(`The texts of ${i18n.resolvedLanguage ?? i18n.language} did not load.`);
  rememberForNextVisit(i18n);
  // The painted page is inert until the app has taken it over: a click or a key before then
  // would do nothing, so the page takes none (the build marks it, scripts/prerender-plugin.ts).
  const tree = <Root i18n={i18n} onShown={() => rootElement.removeAttribute('inert')} />;
  const hydrate = canHydrate({
    prerendered: rootElement.dataset.prerendered,
    pathname: window.location.pathname,
    paintedLanguage,
    language: i18n.resolvedLanguage,
    planCount: plansStore.getState().plans.length,
  });
  if (hydrate) {
    // As a transition, hydration too yields to the browser every few milliseconds.
    startTransition(() => {
      hydrateRoot(rootElement, tree, {
        // A difference found while hydrating (a storage warning the build could not know of)
        // is not an error: React renders that part afresh, as it should.
        onRecoverableError: () => {},
      });
    });
  } else {
    // React empties the container in the same commit that draws the app: no blank frame. As a
    // transition, the render yields to the browser every few milliseconds (a slow phone stays
    // responsive, and the painted frame stays up until the app is ready to replace it).
    const root = createRoot(rootElement);
    startTransition(() => root.render(tree));
  }
}

/** What the service worker paints the next visit with (src/sw.ts): the language, and whether
 * there are plans to list. Kept when they change. */
function rememberForNextVisit(i18n: I18n) {
  let lang = i18n.resolvedLanguage;
  let hasPlans = plansStore.getState().plans.length > 0;
  // Checked once the start's work is done: the next visit is not this one's concern.
  whenIdle(() => {
    if (lang) void rememberLanguage(lang);
    void rememberHasPlans(hasPlans);
  });
  i18n.on('languageChanged', (next: string) => {
    if (next === lang) return;
    lang = next;
    void rememberLanguage(next);
  });
  plansStore.subscribe((state) => {
    if (state.plans.length > 0 === hasPlans) return;
    hasPlans = state.plans.length > 0;
    void rememberHasPlans(hasPlans);
  });
}
