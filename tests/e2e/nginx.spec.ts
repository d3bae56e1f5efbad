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

    // A deep link is the app's frame (the page lives in the browser), not a 404, and is never
    // cached either.
    const deep = await request.get(`${server.url}/plans/abc/run-of-show?filter=late`);
    expect(deep.status()).toBe(200);
    const shell = await deep.text();
    expect(shell).toContain('data-prerendered="shell"');
    expect(shell).toContain(/<script type="module" crossorigin src="([^"]+)"/.exec(html)![0]);
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
    // A missing file is not cached for a year (a deploy in progress would be kept broken).
    expect(missing.headers()['cache-control']).toBe('no-cache');
    expect(missing.headers()['content-security-policy']).toBeTruthy();

    for (const name of ['manifest', 'manifest.ky']) {
      const manifest = await request.get(`${server.url}/${name}.webmanifest`);
      expect(manifest.status()).toBe(200);
      expect(manifest.headers()['content-type']).toMatch(/^application\/manifest\+json/);
    }
  });

  test('the first page paints in the browser’s language (Accept-Language)', async ({ request }) => {
    const lang = async (path: string, acceptLanguage?: string) => {
      const response = await request.get(`${server.url}${path}`, {
        headers: acceptLanguage ? { 'Accept-Language': acceptLanguage } : {},
      });
      expect(response.status()).toBe(200);
      // Caches must keep the languages apart.
      expect(response.headers()['vary']).toContain('Accept-Language');
      const html = await response.text();
      return `${/<html lang="(\w+)"/.exec(html)?.[1]} ${/data-prerendered="(\w+)"/.exec(html)?.[1]}`;
    };
    expect(await lang('/')).toBe('en plans');
    expect(await lang('/', 'nb-NO,nb;q=0.9,en;q=0.8')).toBe('nb plans');
    expect(await lang('/', 'no')).toBe('nb plans');
    // The first of the browser's languages that the app offers, in the browser's order.
    expect(await lang('/', 'da-DK,nn;q=0.8,en;q=0.5')).toBe('nn plans');
    expect(await lang('/', 'en-GB,en;q=0.9,ky;q=0.5')).toBe('en plans');
    expect(await lang('/', 'fr-FR,fr;q=0.9')).toBe('en plans');
    expect(await lang('/plans/abc/checklist', 'ky-KG,ru;q=0.8')).toBe('ky shell');
    const script = await request.get(`${server.url}/sw.js`);
    expect(script.headers()['vary']).toContain('Accept-Language');
  });

  test.describe('a Bokmål browser', () => {
    test.use({ locale: 'nb-NO' });

    test('sees its language from the first paint, and the app takes the page over as it is', async ({
      page,
    }) => {
      await page.addInitScript(() => {
        const w = window as unknown as {
          __painted?: string;
          __h1?: Element | null;
          __shift: number;
        };
        w.__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[])
            w.__shift += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
        document.addEventListener('readystatechange', () => {
          if (document.readyState !== 'interactive') return;
          w.__h1 = document.querySelector('h1');
          w.__painted = `${document.documentElement.lang}: ${w.__h1?.textContent}`;
        });
      });
      await page.goto(`${server.url}/`);
      expect(
        await page.evaluate(() => (window as unknown as { __painted: string }).__painted),
      ).toBe('nb: Mine planer');
      await expect(page.locator('#root')).not.toHaveAttribute('inert');
      // The take-over: the same heading element (hydrated, not redrawn), and nothing moved. Read
      // before the click: what the dialog then loads (the new plan's page, fetched ahead, and
      // its stylesheets) is not the take-over.
      const taken = await page.evaluate(() => {
        const w = window as unknown as { __h1: Element | null; __shift: number };
        return { same: document.querySelector('h1') === w.__h1, shift: w.__shift };
      });
      expect(taken).toEqual({ same: true, shift: 0 });
      await page.getByRole('button', { name: 'Ny plan' }).click();
      await expect(page.getByRole('dialog', { name: 'Ny plan' })).toBeVisible();
      await expectAccessible(page, 'plans page served by nginx (nb)');
    });
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
