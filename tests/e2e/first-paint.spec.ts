import type { Page } from '@playwright/test';
import {
  appStarted,
  expect,
  expectAccessible,
  takeExpectedErrors,
  test,
  waitForServiceWorker,
} from './fixtures';

/*
 * The first page paints from HTML, before any script (the build renders it per language,
 * scripts/prerender-plugin.ts), and the app takes it over without a shift. A plain static host
 * (here `vite preview`) serves the English page; the service worker serves a returning user's own
 * language (src/sw.ts); nginx picks by Accept-Language (nginx.spec.ts).
 */

/** Records, before any of the page's scripts run, what the HTML painted and every layout shift. */
async function watchFirstPaint(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as {
      __painted?: { lang: string; h1: string | null; prerendered: string | null; inert: boolean };
      __paintedH1?: Element | null;
      __shifts: number[];
    };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[])
        w.__shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      const root = document.getElementById('root');
      w.__paintedH1 = document.querySelector('h1');
      w.__painted = {
        lang: document.documentElement.lang,
        h1: w.__paintedH1?.textContent ?? null,
        prerendered: root?.getAttribute('data-prerendered') ?? null,
        inert: root?.hasAttribute('inert') ?? false,
      };
    });
  });
}

const painted = (page: Page) =>
  page.evaluate(() => (window as unknown as { __painted: unknown }).__painted);
const shifts = (page: Page) =>
  page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
const sameH1 = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelector('h1') ===
      (window as unknown as { __paintedH1: Element | null }).__paintedH1,
  );
const takenOver = appStarted;

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the plans page is there from the HTML alone', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'My plans' })).toBeAttached();
    await expect(page.getByText('No plans yet')).toBeVisible();
    await expect(page.getByText('Create your first plan')).toBeVisible();
    await expect(page).toHaveTitle('My plans · Hour of Code planner');
    // What a browser with scripting off shows (Playwright turns scripts off, not the parser's
    // scripting flag, so the notice is in the page but not drawn here).
    expect(await page.locator('noscript').textContent()).toContain(
      'This planner needs JavaScript to work.',
    );
    await page.screenshot({ path: test.info().outputPath('painted.png') });
  });
});

test('a first visit: the painted page is taken over as it is, nothing redrawn or shifted', async ({
  page,
}) => {
  await watchFirstPaint(page);
  await page.goto('/');
  expect(await painted(page)).toEqual({
    lang: 'en',
    h1: 'My plans',
    prerendered: 'plans',
    inert: true,
  });
  await takenOver(page);
  // Hydrated: the very heading the HTML painted is the app's.
  expect(await sameH1(page)).toBe(true);
  await page.getByRole('button', { name: 'Create your first plan' }).click();
  await expect(page.getByRole('dialog', { name: 'New plan' })).toBeVisible();
  expect(await shifts(page)).toEqual([]);
  await expectAccessible(page, 'plans page after the takeover');
});

test.describe('the list’s code arriving late', () => {
  // Every request goes to the network (a service worker's cache is not held back by the route).
  test.use({ serviceWorkers: 'block' });

  test('a first visit answers before the list’s code is in; with plans saved, the page waits for it a few seconds at most', async ({
    page,
  }) => {
    // The list's code (with the store and the plan's logic) held back until released.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/plan-list-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await watchFirstPaint(page);
    await page.goto('/');
    await takenOver(page);
    await page.getByRole('button', { name: 'Create your first plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'New plan' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    release();
    // The list's part arrives without moving anything.
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((entry) => /plan-list-/.test(entry.name)),
    );
    await page.waitForTimeout(300);
    expect(await shifts(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create your first plan' }).click();
    await dialog.getByRole('button', { name: 'Create plan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /school assembly/i })).toBeVisible();

    // Now with a plan saved: until the list's code is in, the painted "No plans yet" may be wrong,
    // so the page takes no tap; then the plan is listed.
    let releaseAgain = () => {};
    const heldAgain = new Promise<void>((resolve) => (releaseAgain = resolve));
    await page.unroute(/\/assets\/plan-list-[\w-]+\.js$/);
    await page.route(/\/assets\/plan-list-[\w-]+\.js$/, async (route) => {
      await heldAgain;
      await route.continue();
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'My plans' })).toBeVisible();
    await page.waitForTimeout(300);
    await expect(page.locator('#root')).toHaveAttribute('inert', '');
    // The painted page is a first visit's: its "No plans yet" is hidden before the app runs.
    await expect(page.getByText('No plans yet')).toBeHidden();
    // A network that does not answer: after a few seconds the page comes anyway, with a loading
    // line where the list goes (never "No plans yet"), and answers.
    await takenOver(page);
    await expect(page.getByText('Loading…')).toBeVisible();
    await expect(page.getByText('No plans yet')).toHaveCount(0);
    await page.getByRole('button', { name: 'New plan' }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    releaseAgain();
    await expect(page.getByRole('list', { name: 'Plans' }).getByRole('listitem')).toHaveCount(1);
    await expect(page.getByText('No plans yet')).toHaveCount(0);
    await expect(page.getByText('Loading…')).toHaveCount(0);
  });

  test('the list’s code does not download: the rest of the page stays and says so', async ({
    page,
    pageErrors,
  }) => {
    let fail = true;
    await page.route(/\/assets\/plan-list-[\w-]+\.js$/, (route) =>
      fail ? route.abort() : route.continue(),
    );
    await page.goto('/');
    await takenOver(page);
    const notice = page.getByRole('alert').filter({ hasText: 'could not be downloaded' });
    await expect(notice).toBeVisible();
    // The frame and "No plans yet" are still there, and work.
    await page.getByRole('button', { name: 'Create your first plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'New plan' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expectAccessible(page, 'plans page whose list did not download');
    // Expected: the failed download.
    takeExpectedErrors(pageErrors, /Failed to (fetch|load)|ERR_FAILED|dynamically imported/);
    fail = false;
    await notice.getByRole('button', { name: 'Try again' }).click();
    await expect(notice).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 2, name: 'No plans yet' })).toBeVisible();
  });
});

test.describe('a Bokmål browser on a plain static host', () => {
  test.use({ locale: 'nb-NO' });

  test('paints English, then the app switches in one step, with no shift', async ({ page }) => {
    await watchFirstPaint(page);
    await page.goto('/');
    expect(await painted(page)).toMatchObject({ lang: 'en', h1: 'My plans' });
    await expect(page.getByRole('heading', { level: 1, name: 'Mine planer' })).toBeVisible();
    await takenOver(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    expect(await shifts(page)).toEqual([]);
  });
});

test('a returning user: the service worker paints their language, on every page', async ({
  page,
}) => {
  await page.goto('/');
  await takenOver(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('nn');
  await expect(page.getByRole('heading', { level: 1, name: 'Planane mine' })).toBeVisible();
  await waitForServiceWorker(page);

  await watchFirstPaint(page);
  await page.reload();
  expect(await painted(page)).toEqual({
    lang: 'nn',
    h1: 'Planane mine',
    prerendered: 'plans',
    inert: true,
  });
  await takenOver(page);
  expect(await sameH1(page)).toBe(true);
  expect(await shifts(page)).toEqual([]);

  // A plan's address paints the frame in Nynorsk, and the plan comes in.
  await page.getByRole('button', { name: 'Lag den første planen din' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Lag plan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Planane mine');
  const planUrl = page.url();
  // With a plan to list, `/` paints the frame, not a first visit's "No plans yet".
  await page.goto('/');
  expect(await painted(page)).toMatchObject({ lang: 'nn', prerendered: 'shell', h1: null });
  await takenOver(page);
  await expect(page.getByRole('list', { name: /plan/i })).toBeVisible();
  expect(await shifts(page)).toEqual([]);

  await page.goto(`${planUrl}/run-of-show`);
  expect(await painted(page)).toMatchObject({ lang: 'nn', prerendered: 'shell', h1: null });
  await takenOver(page);
  await expect(page.getByRole('textbox', { name: 'Punkt 1: kva skjer' })).toBeVisible();
  expect(await shifts(page)).toEqual([]);
  await expectAccessible(page, 'run of show from the shell (nn)');
});

test('the app’s code does not arrive: the page says so and offers a reload', async ({
  page,
  pageErrors,
}) => {
  await page.route(/\/assets\/boot-[\w-]+\.js$/, (route) => route.abort());
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The planner could not start');
  await expect(alert.getByRole('link', { name: 'Reload the page' })).toBeVisible();
  await expectAccessible(page, 'plans page whose code did not load');
  // Expected: the failed download and the app's own report of it.
  expect(
    takeExpectedErrors(pageErrors, /could not start|Failed to (fetch|load)|ERR_FAILED/),
  ).not.toEqual([]);

  await page.unroute(/\/assets\/boot-[\w-]+\.js$/);
  await alert.getByRole('link', { name: 'Reload the page' }).click();
  await appStarted(page);
  await expect(page.locator('#start-failed')).toBeEmpty();
  await expect(page.locator('#start-failed')).not.toHaveAttribute('role');
  await expect(page.getByRole('button', { name: 'Create your first plan' })).toBeEnabled();
});
