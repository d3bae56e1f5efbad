import { defineConfig } from '@playwright/test';

/*
 * End-to-end journeys in a real Chromium against the production build (`vite preview`).
 * The browser is Debian's (or CHROMIUM_PATH); `tests/e2e/run.mjs` finds it and refuses to run
 * without one, so a missing browser can never look like a pass.
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1, // two cores, shared: one browser at a time keeps timings honest
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    /*
     * A trace records every action's page snapshots as the journey runs, failed or not: a fifth of
     * the suite's time (share and plans journeys: 49 s without, 60 s with), and it slows every
     * step, which can hide a race. So none is recorded, locally as in CI (where no file of a run
     * is kept), and both run the journeys alike. To debug a failing journey, record them:
     * `E2E_TRACE=1 npm run test:e2e -- <file>`, then `npx playwright show-trace
     * test-results/…/trace.zip`.
     */
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
