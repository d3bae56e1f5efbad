#!/usr/bin/env node
/*
 * Renders the first page into HTML at build time, once per language (run by the `prerender`
 * plugin in vite.config.ts, in a process of its own so that the DOM globals set here never reach
 * the build). The app's own modules render under jsdom, loaded through Vite as in development:
 * storage starts empty and the language is stored as the app stores it, so each page is what a
 * first visit in that language renders. Prints JSON: one entry per page asked for.
 *
 *   node scripts/prerender.mjs '[{"lang":"nb","kind":"plans"},{"lang":"nb","kind":"shell"}]'
 */
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { createServer } from 'vite';

// React's production build: no development checks or messages in the pages.
process.env.NODE_ENV = 'production';
const root = fileURLToPath(new URL('..', import.meta.url));
const pages = JSON.parse(process.argv[2] ?? '[]');

const dom = new JSDOM(
  '<!doctype html><html><head></head><body><div id="root"></div></body></html>',
  {
    url: 'http://localhost/',
    pretendToBeVisual: true,
  },
);
const { window } = dom;
// The globals the app's modules look for, as a browser has them.
for (const name of [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'history',
]) {
  Object.defineProperty(globalThis, name, {
    value: window[name],
    configurable: true,
    writable: true,
  });
}
for (const name of Object.getOwnPropertyNames(window)) {
  if (
    /^(HTML|SVG)\w*Element$|^(Element|Node|Event|CustomEvent|StorageEvent|DOMParser|MutationObserver)$/.test(
      name,
    ) &&
    !(name in globalThis)
  ) {
    Object.defineProperty(globalThis, name, {
      value: window[name],
      configurable: true,
      writable: true,
    });
  }
}
window.matchMedia ??= () => ({ matches: false, addEventListener() {}, removeEventListener() {} });

const PWA_REGISTER = 'virtual:pwa-register/react';
const server = await createServer({
  // The app's own config (aliases, defines, the start-texts plugin…); the build-only plugins,
  // this one's included, stay out of a dev server.
  configFile: `${root}vite.config.ts`,
  root,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
  plugins: [
    {
      // No service worker at build time: nothing to update.
      name: 'prerender-pwa-stub',
      enforce: 'pre',
      resolveId: (id) => (id === PWA_REGISTER ? `\0${PWA_REGISTER}` : null),
      load: (id) =>
        id === `\0${PWA_REGISTER}`
          ? `import { useState } from 'react';
             export function useRegisterSW() {
               return { needRefresh: useState(false), offlineReady: useState(false), updateServiceWorker: async () => {} };
             }`
          : null,
    },
  ],
});

try {
  const { render } = await server.ssrLoadModule('/src/prerender/render.tsx');
  const results = [];
  for (const page of pages) {
    window.localStorage.clear();
    window.localStorage.setItem('hoc-planner.language', page.lang);
    dom.reconfigure({ url: `http://localhost${page.kind === 'plans' ? '/' : '/plans/'}` });
    results.push({ ...page, ...(await render({ kind: page.kind })) });
  }
  process.stdout.write(JSON.stringify(results));
} finally {
  await server.close();
}
