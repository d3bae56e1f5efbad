/// <reference types="vitest/config" />
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { prerender } from './scripts/prerender-plugin.ts';
import { startTextsOf } from './src/i18n/start-texts.ts';

/*
 * A strict Content-Security-Policy in the built page: scripts, styles and data only from this
 * site, no inline script, no eval, no plugins, and nothing sent anywhere else. Only in the
 * build: the dev server injects inline scripts for hot reload.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // Right after the charset, so the policy covers everything that follows.
      handler: (html) =>
        html.replace(
          /(<meta charset="UTF-8" \/>)/i,
          `$1\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
        ),
    },
  };
}

/*
 * The web app manifest in every language: the installed app's name and description come from
 * `app.*` in locales/<lang>/common.json. The build writes `manifest.<lang>.webmanifest` for each
 * language (precached by the service worker like any file), and the app points
 * `<link rel="manifest">` at the active language's (src/i18n/i18n.ts). `manifest.webmanifest`,
 * the one vite-plugin-pwa links in the page, is the English one, for a browser without script.
 */
const LOCALES_DIR = fileURLToPath(new URL('./locales', import.meta.url));
const MANIFEST_LANGUAGES = readdirSync(LOCALES_DIR);

function manifestFor(lang: string) {
  const { app } = JSON.parse(readFileSync(`${LOCALES_DIR}/${lang}/common.json`, 'utf8')) as {
    app: { name: string; shortName: string; description: string };
  };
  return {
    // One id for every language's manifest: the same installed app, whatever its language.
    id: '/',
    name: app.name,
    short_name: app.shortName,
    description: app.description,
    lang,
    start_url: '/',
    scope: '/',
    display: 'standalone' as const,
    background_color: '#f5f6f3',
    theme_color: '#1f5f5b',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}

function localizedManifests(): Plugin {
  return {
    name: 'localized-manifests',
    apply: 'build',
    generateBundle() {
      for (const lang of MANIFEST_LANGUAGES)
        this.emitFile({
          type: 'asset',
          fileName: `manifest.${lang}.webmanifest`,
          source: JSON.stringify(manifestFor(lang), null, 2),
        });
    },
  };
}

/*
 * The texts the first page needs, cut out of a language's common texts: importing
 * `locales/<lang>/common.json?start` gives only the groups in src/i18n/start-texts.ts, as a JSON
 * module of its own (and a chunk of its own), while the plain `.json` stays the whole file.
 */
function startTexts(): Plugin {
  return {
    name: 'start-texts',
    enforce: 'pre',
    load(id) {
      const [file, query] = id.split('?');
      if (query !== 'start' || !file?.endsWith('/common.json')) return null;
      this.addWatchFile(file);
      const texts = startTextsOf(JSON.parse(readFileSync(file, 'utf8')));
      return { code: `export default ${JSON.stringify(texts)};\n`, moduleType: 'js' };
    },
  };
}

/*
 * Test files that replace a module with `vi.mock`, or load fresh copies of modules with
 * `vi.resetModules`, run isolated, each in a fresh worker: in a worker shared with other files
 * the mock would reach the files after it, and so would the fresh copies, with the state the
 * file left in them (texts.dom.test.ts starts the app's text loading; a component test after it
 * then waited for texts of that test's). They are found by looking, so that nobody has to keep a
 * list.
 */
function filesThatMock(dir: string, name: RegExp): string[] {
  return readdirSync(new URL(`./${dir}`, import.meta.url), { recursive: true })
    .map((file) => `${dir}/${String(file)}`)
    .filter((file) => name.test(file))
    .filter((file) =>
      /\bvi\.((doM|m)ock|resetModules)\(/.test(
        readFileSync(new URL(file, import.meta.url), 'utf8'),
      ),
    )
    .sort();
}

/*
 * Tests that need a DOM run in one project (`dom`), component tests and the unit files that need a
 * DOM (`tests/unit/*.dom.test.ts`) alike: they share one page and one copy of the app per worker,
 * so each worker sets up jsdom and imports the app once (a second project cost every worker a
 * second start, about 4 s of CPU each). The unit files make stores of their own on the page's
 * storage: tests/sequencer.ts runs them before the component tests, and tests/setup-dom-unit.ts
 * lets the stores' pending writes land after each of them. The files that mock run isolated
 * (`dom-isolated`; under node, `unit-isolated`).
 */
const COMPONENT_TESTS = 'tests/components/**/*.test.{ts,tsx}';
const DOM_UNIT_TESTS = 'tests/unit/**/*.dom.test.{ts,tsx}';
const ISOLATED_DOM_TESTS = [
  ...filesThatMock('tests/unit', /\.dom\.test\.tsx?$/),
  ...filesThatMock('tests/components', /\.test\.tsx?$/),
];
const ISOLATED_NODE_TESTS = filesThatMock('tests/unit', /(?<!\.dom)\.test\.ts$/);
// The order of the test files (tests/sequencer.ts), loaded only when Vitest reads this config.
const sequencer = process.env.VITEST
  ? (await import('./tests/sequencer.ts')).LongestFirstSequencer
  : undefined;
/*
 * Tests import packages as the build does, without the `development` export condition (which
 * Vite and Vitest add outside a production build). Of the packages used, only the Markdown parser
 * (micromark, mdast-util-from-markdown) has a development build: its internal assertions and
 * debug calls make the guide importer about a quarter slower, and the guide property tests parse
 * thousands of guides. React is not concerned (it picks its build by NODE_ENV, `test` here).
 */
function withoutDevelopmentCondition(): Plugin {
  const drop = (conditions: string[] | undefined) =>
    conditions?.filter((c) => c !== 'development' && c !== 'development|production');
  return {
    name: 'test-without-development-condition',
    config: {
      order: 'post',
      handler(config) {
        if (config.resolve?.conditions) config.resolve.conditions = drop(config.resolve.conditions);
        for (const environment of Object.values(config.environments ?? {}))
          if (environment.resolve?.conditions)
            environment.resolve.conditions = drop(environment.resolve.conditions);
      },
    },
  };
}
/*
 * react-router 7 names only its development build in its package's exports, so every bundler
 * takes it (remix-run/react-router#14102): its development warnings stay in the app, checked at
 * run time. Builds take the production build it ships beside it, identical but for that switch
 * (`ENABLE_DEV_WARNINGS`); the development server and the tests keep the warnings.
 * scripts/bench/size.mjs builds the floor the same way.
 */
const REACT_ROUTER_PRODUCTION = fileURLToPath(
  new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
);
function reactRouterProductionBuild(): Plugin {
  return {
    name: 'react-router-production-build',
    apply: 'build',
    config: () => ({
      resolve: { alias: [{ find: /^react-router$/, replacement: REACT_ROUTER_PRODUCTION }] },
    }),
  };
}
// The service worker registration is the browser's business; components get a stub.
const PWA_STUB = {
  'virtual:pwa-register/react': fileURLToPath(
    new URL('./tests/stubs/pwa-register.ts', import.meta.url),
  ),
};

/** Resolves packages that have a DOM-free "worker" build to it, for the worker bundles. */
function workerBuilds(): Plugin {
  const WORKER_BUILDS: Record<string, string> = {
    'decode-named-character-reference': 'node_modules/decode-named-character-reference/index.js',
  };
  return {
    name: 'worker-builds',
    enforce: 'pre',
    resolveId(id) {
      const file = WORKER_BUILDS[id];
      return file ? fileURLToPath(new URL(`./${file}`, import.meta.url)) : null;
    },
  };
}

export default defineConfig({
  plugins: [
    ...(process.env.VITEST ? [withoutDevelopmentCondition()] : []),
    reactRouterProductionBuild(),
    react(),
    startTexts(),
    contentSecurityPolicy(),
    localizedManifests(),
    // The first page in every language, rendered into HTML (before the precache list is made).
    prerender(),
    /*
     * Offline and installable: a Workbox service worker (src/sw.ts) precaches the app shell,
     * every route's chunk, every language (so a language never picked before still works
     * offline) and every prerendered page, and serves each address the prerendered page in the
     * user's language. It waits for the user ('prompt') before taking over, so an update never
     * interrupts an edit.
     */
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: manifestFor('en'),
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      },
      devOptions: { enabled: false },
    }),
  ],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  worker: {
    /*
     * The guide importer's worker (features/plans/guide-worker.ts) has no DOM: packages with a
     * "worker" build are given that one, not their "browser" build (decode-named-character-
     * reference's decodes entities through a DOM element, and would throw there).
     */
    plugins: () => [workerBuilds()],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Read by scripts/check-budgets.mjs to find what the first page loads.
    manifest: true,
    // Every browser the app supports preloads modules itself (Chromium 66+, Firefox 115+,
    // Safari 17+); an older one simply fetches them when asked. No polyfill in the first page.
    modulePreload: {
      polyfill: false,
      /*
       * A lazy chunk's stylesheets are still loaded before it runs (no unstyled flash, no
       * shift), but its JavaScript dependencies are left to the browser, which fetches them as
       * it reads the chunk. Vite's preload added a <link rel="modulepreload"> per dependency for
       * every lazy import (33 for a plan page), work on the main thread while the page starts:
       * Lighthouse (mobile, 6 runs each, taken in turn) scored the run of show 82-93 with them
       * and 91-99 without, the checklist 84-95 and 95-99, the plans page 88-99 and 97-99.
       */
      resolveDependencies: (_file, deps) => deps.filter((dep) => dep.endsWith('.css')),
    },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            /*
             * The small modules the first page shares with later chunks (the button, clsx, the
             * languages, the plan count, paths, whenIdle, the page preloader, the lazy loader) in
             * one chunk rather than one each: fewer requests before the page answers, and one gzip
             * stream compresses them better (whenIdle alone was a 0.2 KB chunk of its own; the
             * lazy loader, once the plan list used it too, 0.7 KB and the first page over budget).
             */
            {
              name: 'first-page-shared',
              test: /\/src\/ui\/button\.tsx|\/node_modules\/clsx\/|\/src\/i18n\/languages\.ts|\/src\/store\/plan-count\.ts|\/src\/data\/storage-key\.ts|\/src\/plan\/paths\.ts|\/src\/ui\/when-idle\.ts|\/src\/ui\/preload-page\.ts|\/src\/ui\/lazy-dialog\.tsx/,
            },
          ],
        },
      },
    },
  },
  test: {
    /*
     * Unit and component tests run in a zone with daylight-saving time, so the tests of due dates
     * across a clock change test something (on a UTC machine they would pass whatever the code
     * did). Set for the test workers only; tests/unit/checklist.test.ts checks it took effect.
     */
    env: { TZ: 'Europe/Oslo' },
    restoreMocks: true,
    // Property tests run 1,000 cases; on a shared 2-core machine one can take over the default 5 s.
    testTimeout: 30_000,
    /*
     * Speed (on a 2-core machine shared with other work, 64-77 s for the suite under CI, against
     * 87-100 s for the previous settings in the same runs; once 60 s on a quieter machine; it was
     * 88-106 s, and 150 s under CI, before these settings; 42-45 s on a quiet machine since
     * tests/quicker-dom.ts):
     * - every core runs tests (Vitest keeps one for itself by default; here it would mostly wait);
     * - pure modules run under node (setting up jsdom costs about a second a file);
     * - no isolation between files: each worker sets up its environment and imports the app once,
     *   rather than a new process per file. Files must therefore leave no state behind: tests set
     *   the stores they read in `beforeEach`, the setup files clean up the DOM and localStorage,
     *   and mocks are restored after each test (`restoreMocks`). A test that needs another
     *   version of a module's export spies on it (`vi.spyOn(module, 'name')`) rather than
     *   replacing the module; a file that does use `vi.mock` runs isolated (`unit-isolated`,
     *   `dom-isolated`), at a cost of 2-3 s;
     * - one jsdom project (`dom`) for the component tests and the unit files that need a DOM: a
     *   worker that goes on to another project's files is a new process, with jsdom and the app
     *   set up again (about 4 s of CPU each time);
     * - transformed modules are kept on disk between runs (`experimental.fsModuleCache`, in
     *   node_modules/.experimental-vitest-cache; the key covers the file, the config and the
     *   lockfile): a run after the first transforms about 2 s instead of 6 s;
     * - the projects with the longest files start first (tests/sequencer.ts).
     * Workers are child processes (`forks`), not threads: the tests' time zone (`TZ`) and the
     * deep-nesting tests' stack size only hold in a process of their own.
     */
    maxWorkers: availableParallelism(),
    experimental: { fsModuleCache: true },
    ...(sequencer ? { sequence: { sequencer } } : {}),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          isolate: false,
          include: ['tests/unit/**/*.test.ts'],
          exclude: [DOM_UNIT_TESTS, ...ISOLATED_NODE_TESTS],
          setupFiles: ['tests/setup-node.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-isolated',
          environment: 'node',
          include: ISOLATED_NODE_TESTS,
          setupFiles: ['tests/setup-node.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          isolate: false,
          include: [DOM_UNIT_TESTS, COMPONENT_TESTS],
          exclude: ISOLATED_DOM_TESTS,
          setupFiles: ['tests/setup.ts', 'tests/setup-dom-unit.ts'],
          alias: PWA_STUB,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom-isolated',
          environment: 'jsdom',
          include: ISOLATED_DOM_TESTS,
          setupFiles: ['tests/setup.ts'],
          alias: PWA_STUB,
        },
      },
    ],
  },
});
