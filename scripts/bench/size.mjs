import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/*
 * The floor of the first page's JavaScript: a tiny app built with the libraries no first page of
 * ours can do without (React and ReactDOM, react-router's declarative routes, i18next and
 * react-i18next), using each the way the app does, so that nothing is tree-shaken away, and built
 * with the app's target. What the first page carries above it is the app's own doing.
 */
const FLOOR_APP = `import { createElement as h, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link, useRoutes } from 'react-router';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next';

function Page() {
  const { t } = useTranslation();
  return h('main', null, h('h1', null, t('title')), h(Link, { to: '/' }, t('home')));
}

function Routes() {
  return useRoutes([{ path: '/', element: h(Page) }, { path: '*', element: h(Page) }]);
}

const i18n = i18next.createInstance();
i18n
  .use(initReactI18next)
  .init({ lng: 'en', resources: { en: { translation: { title: 'My plans', home: 'Home' } } } })
  .then(() => {
    createRoot(document.getElementById('root')).render(
      h(StrictMode, null, h(I18nextProvider, { i18n }, h(BrowserRouter, null, h(Routes)))),
    );
  });
`;

const FLOOR_PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>Floor</title></head>
  <body><div id="root"></div><script type="module" src="/main.js"></script></body>
</html>
`;

/** Gzipped size (level 9, as scripts/budgets.mjs counts) of every .js file under `dir`, in KB. */
export function gzippedJsKb(dir) {
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.js'))
      bytes += gzipSync(readFileSync(join(entry.parentPath, entry.name)), { level: 9 }).length;
  }
  return bytes / 1024;
}

/**
 * Builds the floor app into `outDir`. `page` is its HTML page (a `<div id="root">` and a module
 * script `/main.js`); `base` the address it is served under.
 */
export async function buildFloor(outDir, { target = 'es2022', page = FLOOR_PAGE, base = '/' } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'hoc-floor-'));
  try {
    writeFileSync(join(root, 'index.html'), page);
    writeFileSync(join(root, 'main.js'), FLOOR_APP);
    // The project's own copies of the libraries, at the versions the app is built with.
    symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
    await build({
      root,
      base,
      configFile: false,
      // react-router's "use client" directive draws a warning that says nothing about size.
      logLevel: 'error',
      mode: 'production',
      // react-router's production build, as the app's build takes it (vite.config.ts).
      resolve: {
        alias: [
          {
            find: /^react-router$/,
            replacement: resolve('node_modules/react-router/dist/production/index.mjs'),
          },
        ],
      },
      build: { outDir, target, emptyOutDir: true },
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Builds the floor app in a temporary folder and returns its JavaScript, gzipped, in KB. */
export async function floorKb({ target = 'es2022' } = {}) {
  const out = mkdtempSync(join(tmpdir(), 'hoc-floor-dist-'));
  try {
    await buildFloor(out, { target });
    return gzippedJsKb(out);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
