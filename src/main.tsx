// Styles first: the tokens and the shared sheets come before any component's own.
import '@/styles/tokens.css';
import '@/styles/base.css';
import '@/ui/button.css';
import '@/ui/field.css';
import '@/ui/dialog.css';
import '@/ui/notice.css';
import { showStartFailure } from './start-failure';

// data/storage-key.ts, written out: imported, it would make this entry wait for a chunk the app
// shares (tests/unit/first-page.test.ts checks they are the same).
const STORAGE_KEY = 'hoc-planner.plans';

/*
 * A browser with plans saved that was served a first visit's page (a plain static host, or the
 * service worker not yet in charge) would show "No plans yet" until the app lists the plans: that
 * part of the painted page is hidden at once (plans-page.css), and the app draws the list.
 */
function hidePaintedEmptyState() {
  const root = document.getElementById('root');
  if (root?.dataset.prerendered !== 'plans') return;
  try {
    if (window.localStorage.getItem(STORAGE_KEY) !== null) root.dataset.plansSaved = '';
  } catch {
    // Storage that can't be read: the app finds out, and says so.
  }
}
hidePaintedEmptyState();

/*
 * The page arrives painted (the build renders the first page into the HTML) and this tiny entry
 * lets the browser show it before the app's code is fetched and run: the app (boot.tsx: React,
 * the texts, the page) is imported once the browser reports its first contentful paint. Without
 * this, a page whose code is at hand (the service worker's cache, a fast network) runs all of it
 * first and paints only afterwards. A page with nothing painted yet (development, which serves an
 * empty page) or that paints nothing (a hidden tab) starts at once.
 */
function afterFirstPaint(start: () => void) {
  const painted = document.getElementById('root')?.hasChildNodes() ?? false;
  const observes = PerformanceObserver.supportedEntryTypes?.includes('paint') ?? false;
  if (!painted || !observes || document.visibilityState === 'hidden') {
    start();
    return;
  }
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    observer.disconnect();
    start();
  };
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length > 0) once();
  });
  observer.observe({ type: 'paint', buffered: true });
  // Should the browser never say (it hid the tab meanwhile, or does not report paints), the app
  // starts anyway.
  document.addEventListener('visibilitychange', once, { once: true });
  setTimeout(once, 3000);
}

afterFirstPaint(() => {
  /*
   * All of the app's code is fetched side by side, but run in parts: React's own modules are
   * asked for on their own, so they run in a task of their own as soon as they arrive, and the
   * rest (boot.tsx and what it imports) in another. One task running everything would keep a
   * slow phone from answering a tap for a long moment (and Lighthouse counts it as blocking).
   */
  void import('react-dom/client').catch(() => {});
  import('./boot').catch(showStartFailure);
});
