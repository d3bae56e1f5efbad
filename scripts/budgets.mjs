import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/*
 * What the first page (the plans page) needs, from Vite's build manifest: the entry, everything
 * it imports statically, the plans route's chunk with its static imports, and the texts it shows
 * in the language it starts in: the start groups of the common texts, which the build cuts out as
 * `common.json?start` (src/i18n/start-texts.ts). The rest of the texts load after the first render.
 * Everything else (other routes, other languages) must be a separate chunk.
 */
const START_TEXTS = ['locales/en/common.json?start'];

export function firstPageFiles(manifest) {
  const keys = new Set();
  const walk = (key) => {
    if (keys.has(key) || !manifest[key]) return;
    keys.add(key);
    for (const next of manifest[key].imports ?? []) walk(next);
  };
  walk('index.html');
  // The app proper, which the entry imports once the painted page is on screen (main.tsx).
  walk('src/boot.tsx');
  const plansRoute = Object.keys(manifest).find((key) => key.endsWith('pages/plans-route.tsx'));
  if (plansRoute) walk(plansRoute);
  // The start texts of the language the first page starts in (English for a visitor whose
  // browser speaks none of ours) are a JavaScript chunk too, and the page needs it before it shows.
  const texts = START_TEXTS.filter((key) => manifest[key]).map((key) => manifest[key].file);
  const js = [...[...keys].map((key) => manifest[key].file), ...texts];
  const css = [...new Set([...keys].flatMap((key) => manifest[key].css ?? []))];
  return { keys: [...keys], js, css };
}

/**
 * Checks sizes (KB, gzipped) against the budgets; `sizeOf(file)` gives a file's gzipped bytes.
 * Returns the problems, each naming the files concerned.
 */
export function checkBudgets(manifest, sizeOf, budgets) {
  const { keys, js, css } = firstPageFiles(manifest);
  const problems = [];
  const total = (files) => files.reduce((sum, file) => sum + sizeOf(file), 0) / 1024;
  const jsKb = total(js);
  const cssKb = total(css);
  const list = (files) => files.map((f) => `${f} (${(sizeOf(f) / 1024).toFixed(1)} KB)`).join(', ');
  if (jsKb > budgets.firstPageJsKb) {
    problems.push(
      `First-page JavaScript is ${jsKb.toFixed(1)} KB gzipped, over the ${budgets.firstPageJsKb} KB budget: ${list(js)}`,
    );
  }
  if (cssKb > budgets.firstPageCssKb) {
    problems.push(
      `First-page CSS is ${cssKb.toFixed(1)} KB gzipped, over the ${budgets.firstPageCssKb} KB budget: ${list(css)}`,
    );
  }
  const eager = keys.filter(
    (key) => /(^|\/)locales\//.test(key) || /pages\/(?!plans-route)[\w-]+-route\.tsx$/.test(key),
  );
  if (eager.length > 0) {
    problems.push(
      `Other languages and routes must be separate chunks, but the first page loads: ${eager.join(', ')}`,
    );
  }
  problems.push(...lazyOnlyProblems(manifest, keys, budgets.lazyOnly));
  return { jsKb, cssKb, js, css, problems };
}

/*
 * Code that loads only when its feature is used (the guide importer and its Markdown, HTML and
 * YAML parsers): no first-page chunk may come from its source folders…
 */
function lazyOnlyProblems(manifest, keys, lazyOnly) {
  if (!lazyOnly) return [];
  const problems = [];
  for (const prefix of lazyOnly.modules ?? []) {
    const eager = keys.filter(
      (key) => key.startsWith(prefix) || manifest[key].src?.startsWith(prefix),
    );
    if (eager.length > 0) {
      problems.push(
        `${prefix} must load only when used, but the first page loads: ${eager.join(', ')}`,
      );
    }
  }
  return problems;
}

/**
 * …and no first-page file may hold the parsers' code, found by strings that survive
 * minification. Each marker must be found in some chunk, or the check would pass for nothing.
 * `contentOf(file)` gives a built file's text.
 */
export function checkLazyMarkers(manifest, contentOf, lazyOnly) {
  const markers = lazyOnly?.markers ?? [];
  if (markers.length === 0) return [];
  const { js } = firstPageFiles(manifest);
  const first = new Set(js);
  const all = [...new Set(Object.values(manifest).map((entry) => entry.file))].filter((file) =>
    file.endsWith('.js'),
  );
  const problems = [];
  for (const marker of markers) {
    const holders = all.filter((file) => contentOf(file).includes(marker));
    if (holders.length === 0) {
      problems.push(`No built chunk holds "${marker}": update lazyOnly.markers in budgets.json`);
    }
    const eager = holders.filter((file) => first.has(file));
    if (eager.length > 0) {
      problems.push(
        `"${marker}" must load only when used, but the first page loads it in: ${eager.join(', ')}`,
      );
    }
  }
  return problems;
}

export function checkDist(dist = 'dist', budgetsFile = 'budgets.json') {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
  const budgets = JSON.parse(readFileSync(budgetsFile, 'utf8'));
  const sizeOf = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  const contentOf = (file) => readFileSync(join(dist, file), 'utf8');
  const result = checkBudgets(manifest, sizeOf, budgets);
  const lazy = checkLazyMarkers(manifest, contentOf, budgets.lazyOnly);
  return {
    budgets,
    ...result,
    lazyChecked: budgets.lazyOnly,
    problems: [...result.problems, ...lazy],
  };
}
