import { appendFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appStarted, expect, expectAccessible, test, waitForServiceWorker } from './fixtures';
import { createAssemblyPlan } from './helpers';
import { pdfText } from './pdf';
import { serveDirectory } from './static-server';

test('after one visit the app works with no network: another language, edit, print, export', async ({
  page,
  context,
  pageErrors: _,
}, testInfo) => {
  const planPath = await createAssemblyPlan(page);
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Hour of Code school assembly' }),
  ).toBeVisible();
  await expect(page.getByText('Offline: everything still works')).toBeVisible();
  await expectAccessible(page, 'plan page offline');

  // A language never used online comes from the cache too.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('nn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await page.goto(`${planPath}/run-of-show`);
  await expect(page.locator('.ros-time').first()).toHaveText('10:00–10:05');
  await expectAccessible(page, 'run of show offline (nn)');

  const duration = page.getByRole('textbox', { name: 'Punkt 2: lengd i minutt' });
  await duration.fill('15');
  await duration.press('Enter');
  await expect(page.locator('.ros-time').nth(2)).toHaveText('10:20–10:35');
  await expectAccessible(page, 'run of show offline after an edit (nn)');

  await page.goto(`${planPath}/print`);
  // The print view is its own chunk, served from the cache: wait until it is in.
  await expect(page.getByText('10:20–10:35')).toBeVisible();
  await expectAccessible(page, 'print page offline (nn)');
  await page.emulateMedia({ media: 'print' });
  const pdf = testInfo.outputPath('offline.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  expect(pdfText(pdf)).toContain('10:20–10:35');
  await page.emulateMedia({ media: 'screen' });

  await page.goto(`${planPath}/share`);
  await expect(page.locator('.share-card').first().getByRole('button')).toBeVisible();
  await expectAccessible(page, 'share tab offline (nn)');
  const downloadPromise = page.waitForEvent('download');
  await page.locator('.share-card').first().getByRole('button').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.hocplan\.json$/);
  await context.setOffline(false);
});

test('a new version: the notice appears, the reload keeps the edit made just before', async ({
  newContext,
  pageErrors: _,
}) => {
  const root = mkdtempSync(join(tmpdir(), 'hoc-update-'));
  cpSync('dist', root, { recursive: true });
  const { url, server } = await serveDirectory(root);
  // A profile of its own, for the app served from its own folder; its pages are watched too.
  const context = await newContext({ locale: 'en-US' });
  const page = await context.newPage();
  try {
    await page.goto(`${url}/`);
    await expect(page.getByRole('heading', { level: 1, name: 'My plans' })).toBeVisible();
    await expectAccessible(page, 'plans page');
    await page.getByRole('button', { name: 'Create your first plan' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Create plan' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await waitForServiceWorker(page);
    await expect(page.getByLabel('Notes')).toBeVisible();
    await expectAccessible(page, 'plan details');

    // A new build is published: its service worker differs.
    appendFileSync(join(root, 'sw.js'), '\n// next release\n');
    await page.getByLabel('Notes').fill('Typed just before the update');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'A new version of the planner is ready.' });
    await expect(notice).toBeVisible();
    await expectAccessible(page, 'update notice');
    await page.getByLabel('Notes').fill('Typed just before the update, and more');
    await Promise.all([
      page.waitForEvent('load'),
      notice.getByRole('button', { name: 'Reload now' }).click(),
    ]);
    await expect(page.getByLabel('Notes')).toHaveValue('Typed just before the update, and more');
    await expect(notice).toHaveCount(0);
    await expectAccessible(page, 'plan details after the update');
  } finally {
    await context.close();
    server.close();
  }
});

test("installable: a valid manifest (names, icons with a maskable one, colours) in the user's language, and service worker", async ({
  page,
  pageErrors: _,
}) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'plans page');
  const client = await page.context().newCDPSession(page);
  // The check Chromium (and Lighthouse's installability audit) runs before offering to install.
  const { installabilityErrors } = (await client.send('Page.getInstallabilityErrors')) as {
    installabilityErrors: { errorId: string }[];
  };
  // Playwright's fresh profiles count as incognito, which alone blocks installing; every
  // check about the app itself must pass.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual(
    [],
  );
  const manifest = await (await page.request.get('/manifest.webmanifest')).json();
  expect(manifest).toMatchObject({
    name: 'Hour of Code planner',
    short_name: 'HoC planner',
    display: 'standalone',
    theme_color: '#1f5f5b',
  });
  expect(manifest.icons.map((i: { purpose: string }) => i.purpose)).toContain('maskable');
  for (const icon of manifest.icons as { src: string }[]) {
    expect((await page.request.get(icon.src)).status()).toBe(200);
  }

  // The installed app speaks the user's language: the page links that language's manifest.
  const appManifest = async () =>
    (await client.send('Page.getAppManifest')) as { url: string; data: string };
  await expect.poll(async () => (await appManifest()).url).toMatch(/\/manifest\.en\.webmanifest$/);
  await appStarted(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ky');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
    'href',
    '/manifest.ky.webmanifest',
  );
  await expect.poll(async () => (await appManifest()).url).toMatch(/\/manifest\.ky\.webmanifest$/);
  const kyrgyz = JSON.parse((await appManifest()).data) as Record<string, string>;
  expect(kyrgyz).toMatchObject({
    id: '/',
    name: 'Код саатын пландоочу',
    short_name: 'Код сааты',
    lang: 'ky',
  });
  expect(kyrgyz.description).toMatch(/^Код саатынын иш-чарасын пландап/);
  // Each language's manifest is precached, so it is there offline too.
  const cached = await page.evaluate(async () => {
    const keys = await Promise.all(
      (await caches.keys()).map(async (name) => (await caches.open(name)).keys()),
    );
    return keys.flat().map((request) => new URL(request.url).pathname);
  });
  for (const lang of ['en', 'ky', 'nb', 'nn'])
    expect(cached).toContain(`/manifest.${lang}.webmanifest`);
  // Still installable in Kyrgyz, under the same policy.
  const after = (await client.send('Page.getInstallabilityErrors')) as {
    installabilityErrors: { errorId: string }[];
  };
  expect(
    after.installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'),
  ).toEqual([]);
});
