import { readFileSync } from 'node:fs';
import { expect, expectAccessible, takeExpectedErrors, test } from './fixtures';
import { findNginx, startNginx, type RunningNginx } from './nginx-server';

/*
 * The production server: the build served by nginx with the repository's config
 * (deploy/nginx.conf.template), as the README says to host it. Headers, caching, the deep-link
 * fallback, the app itself, and no Content-Security-Policy violation (the fixtures watch for it).
 * Where nginx is not installed this is skipped with a message saying so, except in CI
 * (CI=true), where .ci/run installs it and a missing nginx fails.
 */

const nginx = findNginx();
const MISSING =
  'nginx not found (looked at NGINX_PATH, the PATH, /usr/sbin/nginx): the journeys against the ' +
  'production server config did not run. Install it (Debian/Ubuntu: sudo apt-get install -y ' +
  '--no-install-recommends nginx) or set NGINX_PATH.';
if (!nginx && !process.env.CI) console.warn(`\n*** SKIPPED: ${MISSING}\n`);

/** The policy the build puts in its <meta> tag (from vite.config.ts), as the header must carry it. */
const builtPolicy = () =>
  /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(
    readFileSync('dist/index.html', 'utf8'),
  )?.[1];

test.describe('served by nginx (deploy/nginx.conf.template)', () => {
  test.skip(!nginx && !process.env.CI, MISSING);
  let server: RunningNginx;

  test.beforeAll(async () => {
    if (!nginx) throw new Error(MISSING);
    server = await startNginx(nginx, 'dist');
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test('security headers, caching and the deep-link fallback', async ({ request }) => {
    const page = await request.get(`${server.url}/`);
    expect(page.status()).toBe(200);
    const headers = page.headers();
    expect(builtPolicy()).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toBe(`${builtPolicy()}; frame-ancestors 'none'`);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['cache-control']).toBe('no-cache');
    expect(headers['content-type']).toMatch(/^text\/html/);
    const html = await page.text();

    // A deep link is the app's page, not a 404, and is never cached either.
    const deep = await request.get(`${server.url}/plans/abc/run-of-show?filter=late`);
    expect(deep.status()).toBe(200);
    expect(await deep.text()).toBe(html);
    expect(deep.headers()['cache-control']).toBe('no-cache');
    expect(deep.headers()['content-security-policy']).toBe(headers['content-security-policy']);

    // The service worker is revalidated on every check, so an update is never stale.
    const sw = await request.get(`${server.url}/sw.js`);
    expect(sw.status()).toBe(200);
    expect(sw.headers()['cache-control']).toBe('no-cache');
    expect(sw.headers()['content-type']).toMatch(/javascript/);

    // Hashed assets are cached for a year; a missing one is a 404, not the page.
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    expect(script).toMatch(/^\/assets\//);
    const asset = await request.get(`${server.url}${script}`);
    expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers()['content-type']).toMatch(/javascript/);
    expect(asset.headers()['x-content-type-options']).toBe('nosniff');
    const missing = await request.get(`${server.url}/assets/no-such-file-1234.js`);
    expect(missing.status()).toBe(404);
    expect(missing.headers()['content-security-policy']).toBeTruthy();

    for (const name of ['manifest', 'manifest.ky']) {
      const manifest = await request.get(`${server.url}/${name}.webmanifest`);
      expect(manifest.status()).toBe(200);
      expect(manifest.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    }
  });

  test('the app works: create a plan, open a deep link, reload there', async ({ page }) => {
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Create your first plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'New plan' });
    await dialog.getByRole('button', { name: 'Create plan' }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'Hour of Code school assembly' });
    await expect(heading).toBeVisible();
    const planUrl = page.url();
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('hoc-planner.plans') ?? ''))
      .toContain(new URL(planUrl).pathname.split('/').pop()!);

    // A deep link opened fresh (a reload, or pasted into a new tab) comes from nginx's fallback.
    await page.goto(`${planUrl}/run-of-show`);
    await expect(heading).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Item 1: what happens' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Item 1: what happens' })).toBeVisible();
    await expectAccessible(page, 'run of show served by nginx');
  });

  test('no other site can frame the app (frame-ancestors)', async ({ page, pageErrors }) => {
    // Any page (here a blank one) that puts the app in a frame: 'none' refuses every ancestor.
    await page.setContent(`<iframe title="embedded" src="${server.url}/"></iframe>`);
    await expect
      .poll(
        () => takeExpectedErrors(pageErrors, /frame-ancestors|Refused to (display|frame)/).length,
      )
      .toBeGreaterThan(0);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    expect(frame.url()).not.toBe(`${server.url}/`);
    await expect(frame.getByRole('heading', { name: 'My plans' })).toHaveCount(0);
  });
});
