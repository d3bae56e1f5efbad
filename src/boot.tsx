import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { canHydrate } from '@/app/first-page';
import { Root } from '@/app/root';
import { getPlanCount, preloadPage, preloadPlanList } from '@/app/routes';
import { dateNames } from '@/i18n/date-names';
import { initI18n } from '@/i18n/i18n';
import { NotLoaded } from '@/ui/lazy-dialog';
import { whenIdle } from '@/ui/when-idle';
import { showStartFailure } from './start-failure';

const rootElement = findRoot();
// The prerendered page's language, read before the app sets its own.
const paintedLanguage = document.documentElement.lang;

/*
 * The page arrives already painted (the build renders the first page into the HTML, per
 * language: scripts/prerender-plugin.ts). The page's code and the active language's texts load
 * side by side, and the app takes over when both are in:
 * - it hydrates the prerendered plans page when it is in the page's language: nothing is
 *   redrawn, focus stays put. The plans page's list (with the store and the plan's logic) is not
 *   waited for: "No plans yet" stays as painted until its code is in (and is redrawn as the list,
 *   should there be plans after all);
 * - otherwise (another language, the shell of another page) it renders afresh, replacing the
 *   frame in one step.
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
  const { pathname } = window.location;
  const page = preloadPage(pathname);
  // The plans page's list, with the store and the plan's logic, is fetched beside the page
  // (features/plans/lazy-plan-list.ts). On a first visit (no plans saved in this browser) the
  // page answers without it: its "No plans yet" and "Create your first plan" are the frame's.
  const firstVisit = getPlanCount() === 0;
  const listFetched = pathname === '/' ? preloadPlanList() : null;
  // A failure is reported where the list shows, not here.
  listFetched?.catch(() => {});
  const list = firstVisit ? null : listFetched;
  const [i18n] = await Promise.all([texts, page]);
  await nextTask();
  // Without its texts the app would replace the painted page with bare keys: keep the page
  // and say that the app could not start.
  if (!i18n.hasResourceBundle(i18n.resolvedLanguage ?? i18n.language, 'common'))
    throw new Error(`The texts of ${i18n.resolvedLanguage ?? i18n.language} did not load.`);
  // What the service worker paints the next visit with: looked after once the start's work is
  // done (the next visit is not this one's concern).
  whenIdle(() => {
    import('@/app/remember-visit').then(
      (visit) => visit.rememberForNextVisit(i18n),
      () => {},
    );
  });
  // The painted page is inert until the app has taken it over: a click or a key before then
  // would do nothing, so the page takes none (the build marks it, scripts/prerender-plugin.ts).
  const onShown = () => {
    rootElement.removeAttribute('inert');
    delete rootElement.dataset.plansSaved;
  };
  const tree = <Root i18n={i18n} onShown={onShown} />;
  // The painted plans page is a first visit's ("No plans yet"): it is hydrated only when this
  // browser has no plans saved. With plans saved, the app draws the page afresh, list and all.
  const hydrate =
    canHydrate({
      prerendered: rootElement.dataset.prerendered,
      pathname,
      paintedLanguage,
      language: i18n.resolvedLanguage,
    }) && firstVisit;
  if (hydrate) {
    // As a transition, hydration too yields to the browser every few milliseconds. The list's
    // part of the page (Undo's place) is hydrated when its code is in; "No plans yet" is the
    // frame's, and answers at once.
    startTransition(() => {
      hydrateRoot(rootElement, tree, {
        // A difference found while hydrating (a storage warning the build could not know of)
        // is not an error: React renders that part afresh, as it should.
        onRecoverableError: () => {},
        onCaughtError,
      });
    });
  } else {
    // The page replaces the painted frame in one step, list and all: waiting for the list here
    // (it was fetched beside the page, and is in by now as a rule) keeps the page from drawing
    // a "Loading" line that the list then pushes down. Not for long: on a network that does not
    // answer, the page comes after a few seconds with a loading line where the list goes. A list
    // that failed to download is reported where it goes, with "Try again".
    if (list) await listReady(list, i18n.resolvedLanguage ?? i18n.language, LIST_WAIT_MS);
    // React empties the container in the same commit that draws the app: no blank frame. As a
    // transition, the render yields to the browser every few milliseconds (a slow phone stays
    // responsive, and the painted frame stays up until the app is ready to replace it).
    const root = createRoot(rootElement, { onCaughtError });
    startTransition(() => root.render(tree));
  }
}

/**
 * An error an error boundary caught and shows: logged for whoever looks at the console, as React
 * does by default, except when a quiet boundary caught it (code for something the user did not
 * ask for, such as the update notice, that did not download: offline, it is expected, and the
 * next visit tries again).
 */
function onCaughtError(error: unknown, info: { errorBoundary?: unknown }) {
  if (info.errorBoundary instanceof NotLoaded && info.errorBoundary.props.quiet) return;
  console.error(error);
}

/** How long the start waits for the plans page's list before drawing the page without it. */
const LIST_WAIT_MS = 3000;

/**
 * The plans page's list is in, with the date names its cards show, or `wait` ms have passed.
 * Never rejects.
 */
function listReady(list: Promise<unknown>, language: string, wait: number) {
  return Promise.race([
    listWithNames(list, language),
    new Promise<void>((resolve) => setTimeout(resolve, wait)),
  ]);
}

async function listWithNames(list: Promise<unknown>, language: string) {
  try {
    await list;
    const { plansStore } = await import('@/store/plans-store');
    if (plansStore.getState().plans.length > 0) await dateNames(language);
  } catch {
    // Tried again, and reported, when the page renders the list.
  }
}
