import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * `npm run dev` serves the app at every deep link, so a reload on a plan's page works while
 * developing as it does in the build (the end-to-end journeys check the build with `preview`).
 */
let server: ViteDevServer;
let base: string;

beforeAll(async () => {
  server = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false },
    // Only the pages are asked for: no need to bundle the dependencies for a browser first.
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await server.listen();
  const address = server.httpServer!.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  base = `http://127.0.0.1:${address.port}`;
}, 30_000);

afterAll(async () => {
  await server?.close();
});

describe('dev server', () => {
  it.each(['/', '/plans/abc', '/plans/abc/run-of-show', '/plans/abc/print', '/no/such/page'])(
    'serves the app at %s',
    async (path) => {
      const response = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('<div id="root">');
      expect(html).toContain('/src/main.tsx');
    },
  );
});
