import { readFileSync } from 'node:fs';
import { appStarted, expect, expectAccessible, takeExpectedErrors, test } from './fixtures';

const nn = JSON.parse(readFileSync('locales/nn/common.json', 'utf8')) as {
  plans: { title: string };
  merge: { failed: string };
};
const nnGuide = JSON.parse(readFileSync('locales/nn/guide.json', 'utf8')) as {
  template: { schoolAssembly: { name: string } };
};

test('switch to Kyrgyz, reload, still Kyrgyz', async ({ page, pageErrors: _ }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'My plans' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page, 'plans page (en)');

  await appStarted(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ky');
  await expect(page.getByRole('heading', { level: 1, name: 'Менин пландарым' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ky');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Менин пландарым' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
  await expectAccessible(page, 'plans page (ky)');
});

test.describe('without a service worker to keep the texts', () => {
  test.use({ serviceWorkers: 'block' });

  test('offline, a language whose texts cannot download: the page stays as it was and says so', async ({
    page,
    context,
    pageErrors,
  }) => {
    // The update notice's code, fetched once the page is idle, does not arrive either (as when
    // the network goes before it is in): the page stays quiet about what nobody asked for.
    const updateNotice = /\/assets\/update-notice-[^/]*\.js$/;
    await page.route(updateNotice, (route) => route.abort('internetdisconnected'));
    await page.goto('/');
    await appStarted(page);
    await expect(page.getByRole('heading', { level: 1, name: 'My plans' })).toBeVisible();
    // The page's own code is all in (the list's comes after the page shows): only the language's
    // texts are left to download when the network goes.
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    const menu = page.getByRole('combobox', { name: 'Language' });
    await menu.selectOption('ky');
    await expect(page.getByRole('alert')).toContainText(
      'The Кыргызча texts could not be downloaded',
    );
    await expect(page.getByRole('heading', { level: 1, name: 'My plans' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(menu).toHaveValue('en');
    // Nothing is kept for offline use yet, and the offline notice does not claim otherwise.
    await expect(
      page.getByText('Offline: your changes are still saved on this device.'),
    ).toBeVisible();
    await expectAccessible(page, 'plans page, a language that did not download');

    // Back online, the same choice works.
    await page.unroute(updateNotice);
    await context.setOffline(false);
    await menu.selectOption('ky');
    await expect(page.getByRole('heading', { level: 1, name: 'Менин пландарым' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    // The browser logs each failed download (the first try and the two more).
    expect(takeExpectedErrors(pageErrors, /ERR_INTERNET_DISCONNECTED/).length).toBeGreaterThan(0);
  });
});

test('only the active language is downloaded, and before the first page only what it shows', async ({
  page,
  pageErrors: _,
}) => {
  const localeRequests: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/(common|guide)-/.test(request.url())) localeRequests.push(request.url());
  });
  await page.addInitScript(() => localStorage.setItem('hoc-planner.language', 'nn'));
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(page.getByRole('heading', { level: 1, name: nn.plans.title })).toBeVisible();
  // Three files, all Nynorsk: first the start texts of common (what the plans page and its frame
  // show), then, once the page shows, the rest of common and the guide texts.
  await expect.poll(() => localeRequests.length).toBe(3);
  const [start, ...rest] = await Promise.all(
    localeRequests.map((url) => page.request.get(url).then((response) => response.text())),
  );
  expect(start).toContain(nn.plans.title);
  expect(start).not.toContain(nn.merge.failed);
  expect(rest.some((file) => file.includes(nn.merge.failed))).toBe(true);
  expect(rest.some((file) => file.includes(nnGuide.template.schoolAssembly.name))).toBe(true);
  for (const file of [start, ...rest]) expect(file).not.toContain('My plans');
  await expectAccessible(page, 'plans page (nn)');
});

test.describe('a Norwegian browser', () => {
  test.use({ locale: 'nb-NO' });
  test('gets Bokmål on the first visit', async ({ page, pageErrors: _ }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await expect(page.getByRole('heading', { level: 1, name: 'Mine planer' })).toBeVisible();
    await expectAccessible(page, 'plans page, first visit (nb)');
  });
});

test('unknown addresses get a not-found page, and deep links survive a reload', async ({
  page,
  pageErrors: _,
}) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expectAccessible(page, 'not-found page');
  await page.goto('/plans/does-not-exist/checklist');
  await expect(page.getByRole('heading', { level: 1, name: 'Plan not found' })).toBeVisible();
  await expectAccessible(page, 'plan-not-found page');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan not found' })).toBeVisible();
  await expectAccessible(page, 'plan-not-found page after a reload');
});

test('the skip link moves focus to the main content', async ({ page, pageErrors: _ }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await appStarted(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  await expectAccessible(page, 'plans page, focus on the main content');
});
