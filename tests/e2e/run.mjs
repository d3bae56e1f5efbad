#!/usr/bin/env node
// Runs the Playwright journeys in a real Chromium. Finds the browser first and fails loudly,
// with the way to get one, when there is none: a missing browser must never pass silently.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
].filter(Boolean);

const found = candidates.find((path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
});

if (!found) {
  console.error(`
No Chromium found for the end-to-end tests (looked at: ${candidates.join(', ')}).

Install one, then run the tests again:
  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
  Elsewhere:      install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium

(\`npx playwright install\` downloads its own browser; it works where downloads are allowed,
then set CHROMIUM_PATH to the browser it installed.)
`);
  process.exit(1);
}

const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

/** A port nothing else is using, so a server left running elsewhere can't get in the way. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

// The journeys run against the production build, as users get it.
if (!process.env.E2E_SKIP_BUILD) run('npx', ['vite', 'build', '--logLevel', 'warn']);
const port = process.env.E2E_PORT ?? String(await freePort());
run('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  CHROMIUM_PATH: found,
  E2E_PORT: port,
});
