import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type axe from 'axe-core';
import {
  expect,
  test as base,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from '@playwright/test';

/** WCAG 2.0–2.2, levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * axe-core's own code (minified), put into a page once (the first scan of each document) and run there.
 * @axe-core/playwright's AxeBuilder evaluated all 550 KB of it twice on every scan: 0.4-0.5 s a
 * scan on an idle machine where axe's rules themselves take 45 ms, and 1-2 s while the suite runs.
 * The app has no frames, so running axe in the page alone leaves nothing unscanned (a scan fails
 * should one appear).
 */
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** To know a page's `window.axe` for ours: an element with id="axe" is `window.axe` too. */
const AXE_VERSION = (
  JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')) as { version: string }
).version;

/** What a scan reports of each violation: the rule, how bad, and the elements it found. */
interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Scans the page as it is now with axe and fails on any violation, listing them. */
export async function expectAccessible(
  page: Page,
  label = page.url(),
  options: { pausedClock?: boolean } = {},
) {
  // axe scans the top document only (it is not put into frames): a frame would go unscanned.
  expect(
    page.frames().map((frame) => frame.url()),
    `frames on ${label}: expectAccessible does not scan them`,
  ).toHaveLength(1);
  const loaded = await page.evaluate(
    (version) => (window as unknown as { axe?: { version?: unknown } }).axe?.version === version,
    AXE_VERSION,
  );
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const analysis = page.evaluate(async (tags) => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((v): Violation => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, WCAG_TAGS);
  if (options.pausedClock) {
    // axe waits on timers; under a paused Playwright clock they fire only as the test moves time.
    let done = false;
    analysis.then(
      () => (done = true),
      () => (done = true),
    );
    while (!done) await page.clock.runFor(20).catch(() => (done = true));
  }
  const violations = await analysis;
  const summary = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.join('\n    ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** What the watchers saw in every page of a journey; both lists must stay empty. */
interface Findings {
  cspViolations: string[];
  pageErrors: string[];
}

/**
 * Watches every page of `context`, present and future (new tabs, popups): Content-Security-Policy
 * violations, uncaught errors and errors logged to the console all land in `findings`.
 */
export async function watchContext(context: BrowserContext, findings: Findings): Promise<void> {
  await context.exposeBinding('__reportCspViolation', ({ page }, text: string) =>
    findings.cspViolations.push(`${text} (page ${page.url()})`),
  );
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (
        window as unknown as { __reportCspViolation: (t: string) => void }
      ).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  const watchPage = (page: Page) => {
    page.on('pageerror', (error) =>
      findings.pageErrors.push(`${error.message} (page ${page.url()})`),
    );
    page.on('console', (message) => {
      if (message.type() === 'error')
        findings.pageErrors.push(`${message.text()} (page ${page.url()})`);
    });
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
}

/**
 * Takes out of `pageErrors` the errors a journey expects the app to log (they would fail it
 * otherwise) and returns them, so the journey can check they were there.
 */
export function takeExpectedErrors(pageErrors: string[], pattern: RegExp): string[] {
  const expected = pageErrors.filter((e) => pattern.test(e));
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !pattern.test(e)));
  return expected;
}

/** Opens a fresh browser profile (a new context) whose pages are all watched like the main one. */
type NewWatchedContext = (options?: BrowserContextOptions) => Promise<BrowserContext>;

/**
 * Every journey starts from a fresh browser profile in English, and fails on any
 * Content-Security-Policy violation or error in any of its pages: the main page, other tabs,
 * and pages of further profiles opened with `newContext` (a crash must never pass as a journey).
 */
export const test = base.extend<{
  findings: Findings;
  watch: void;
  pageErrors: string[];
  cspViolations: string[];
  newContext: NewWatchedContext;
}>({
  locale: 'en-US',
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern
  findings: async ({}, use) => {
    const findings: Findings = { cspViolations: [], pageErrors: [] };
    await use(findings);
    expect(findings.cspViolations, 'Content-Security-Policy violations').toEqual([]);
    expect(findings.pageErrors, 'errors in the page').toEqual([]);
  },
  /** The journey's own profile: every page in it is watched, from before the first one opens. */
  watch: [
    async ({ context, findings }, use) => {
      await watchContext(context, findings);
      await use();
    },
    { auto: true },
  ],
  pageErrors: async ({ findings, watch: _ }, use) => use(findings.pageErrors),
  cspViolations: async ({ findings, watch: _ }, use) => use(findings.cspViolations),
  newContext: async ({ browser, findings }, use) => {
    const opened: BrowserContext[] = [];
    await use(async (options) => {
      const context = await browser.newContext(options);
      opened.push(context);
      await watchContext(context, findings);
      return context;
    });
    for (const context of opened) await context.close().catch(() => undefined);
  },
});

export { expect };

/**
 * Waits until the app has taken over the page the HTML painted (the build prerenders the first
 * page; until the app starts it is inert, src/main.tsx). Clicks wait for it by themselves (an
 * inert button takes none); a key pressed before it would go nowhere.
 */
export async function appStarted(page: Page) {
  await expect(page.locator('#root')).not.toHaveAttribute('inert');
}

/** Waits for the service worker to be installed, then reloads until it controls the page: the
 * first visit installs it, and from the next load on it serves the page. */
export async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      intervals: [50],
    })
    .toBe(true);
}
