import { appStarted, expect, expectAccessible, test } from './fixtures';

test('switch to Kyrgyz, reload, still Kyrgyz', async ({ page, pageErrors: _ }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'My plans' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page, 'plans page (en)');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('ky');
  await expect(page.getByRole('heading', { level: 1, name: 'Менин пландарым' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ky');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Менин пландарым' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
  await expectAccessible(page, 'plans page (ky)');
});

test('only the active language is downloaded at start', async ({ page, pageErrors: _ }) => {
  const localeRequests: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/(common|guide)-/.test(request.url())) localeRequests.push(request.url());
  });
  await page.addInitScript(() => localStorage.setItem('hoc-planner.language', 'nn'));
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // One file per namespace: Nynorsk's common and guide, nothing of the other languages.
  expect(localeRequests).toHaveLength(2);
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
