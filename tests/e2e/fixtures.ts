import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

/** WCAG 2.0–2.2, levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Scans the page as it is now with axe and fails on any violation, listing them. */
export async function expectAccessible(
  page: Page,
  label = page.url(),
  options: { pausedClock?: boolean } = {},
) {
  const analysis = new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (options.pausedClock) {
    // axe waits on timers; under a paused Playwright clock they fire only as the test moves time.
    let done = false;
    analysis.then(
      () => (done = true),
      () => (done = true),
    );
    while (!done) await page.clock.runFor(20).catch(() => (done = true));
  }
  const results = await analysis;
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/**
 * Every journey starts from a fresh browser profile in English, and fails on any error the
 * page logs or throws (a crash must never pass as a journey).
 */
export const test = base.extend<{ pageErrors: string[]; cspViolations: void }>({
  locale: 'en-US',
  /** Every page of every journey reports Content-Security-Policy violations; there must be none. */
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding('__reportCspViolation', (_source, text: string) =>
        violations.push(text),
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
      await use();
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await use(errors);
    expect(errors, 'errors in the page').toEqual([]);
  },
});

export { expect };
