#!/usr/bin/env node
// Runs the Playwright journeys in a real Chromium. Finds the browser first and fails loudly,
// with the way to get one, when there is none: a missing browser must never pass silently.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { findChromium, HOW_TO_INSTALL } from '../../scripts/find-chromium.mjs';

const { found, candidates } = findChromium();

if (!found) {
  console.error(`
No Chromium found for the end-to-end tests (looked at: ${candidates.join(', ')}).

${HOW_TO_INSTALL}

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
