import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { OutputAsset, OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';
import { PRERENDERED_KINDS, prerenderedPath, type PrerenderedKind } from '../src/app/first-page.ts';
import { LANGUAGE_CODES } from '../src/i18n/languages.ts';

/*
 * The first page paints from HTML, before any script: after the bundle is made, the app is
 * rendered once per language and kind (scripts/prerender.mjs, under jsdom) and written into a
 * copy of index.html, with the language's title, description and manifest, and links to every
 * stylesheet the page needs (the route's too, which the app would otherwise load with its code).
 * `index.html` becomes the English plans page, for a host that serves one page for everything. Written before the service worker's precache list is made, so every page
 * is precached.
 */

interface Rendered {
  lang: string;
  kind: PrerenderedKind;
  html: string;
  title: string;
  description: string;
  needsScript: string;
  startFailed: string;
  reload: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PLANS_ROUTE = '/src/app/pages/plans-route.tsx';
const BOOT = '/src/boot.tsx';
const PLAN_ROUTE = '/src/app/pages/plan-route.tsx';

const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

function isChunk(file: OutputAsset | OutputChunk): file is OutputChunk {
  return file.type === 'chunk';
}

/** A chunk and every chunk it imports statically, with their stylesheets. */
function closure(bundle: OutputBundle, start: OutputChunk) {
  const chunks = new Map<string, OutputChunk>();
  const walk = (chunk: OutputChunk) => {
    if (chunks.has(chunk.fileName)) return;
    chunks.set(chunk.fileName, chunk);
    for (const name of chunk.imports) {
      const next = bundle[name];
      if (next && isChunk(next)) walk(next);
    }
  };
  walk(start);
  const css = [...chunks.values()].flatMap((chunk) => [
    ...((chunk as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? []),
  ]);
  return { js: [...chunks.keys()], css };
}

export function fillTemplate(template: string, page: Rendered, head: { css: string[] }): string {
  const links = head.css
    .map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`)
    .filter((link) => !template.includes(link.replace(/^.*href="(\/[^"]+)".*$/, '$1')))
    .join('\n    ');
  let html = template
    .replace(/<html lang="[^"]*"/, () => `<html lang="${page.lang}"`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeText(page.title)}</title>`)
    .replace(
      /(<meta\s+name="description"\s+content=")[^"]*(")/,
      (_match, start: string, end: string) => `${start}${escapeAttribute(page.description)}${end}`,
    )
    .replace('<div id="root"></div>', () =>
      [
        // Without JavaScript the painted page can do nothing: say so.
        `<noscript><p class="start-notice">${escapeText(page.needsScript)}</p></noscript>`,
        // Filled from the template when the app's code fails to load (src/start-failure.ts).
        `<div id="start-failed"></div>`,
        `<template id="start-failed-message"><p class="start-notice">${escapeText(page.startFailed)} <a href="">${escapeText(page.reload)}</a></p></template>`,
        `<div id="root" data-prerendered="${page.kind}" inert>${page.html}</div>`,
      ].join('\n    '),
    );
  const manifest = `<link rel="manifest" href="/manifest.${page.lang}.webmanifest">`;
  html = /<link rel="manifest" href="[^"]*">/.test(html)
    ? html.replace(/<link rel="manifest" href="[^"]*">/, () => manifest)
    : html.replace('</head>', () => `${manifest}\n  </head>`);
  // Replacer functions throughout: a `$&` or `$'` in a text is text, not a replacement pattern.
  return links ? html.replace(/\s*<\/head>/, () => `\n    ${links}\n  </head>`) : html;
}

export function prerender(): Plugin {
  return {
    name: 'prerender-first-page',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_output, bundle) {
        const index = bundle['index.html'];
        if (!index || index.type !== 'asset') this.error('prerender: no index.html in the bundle');
        const template = String(index.source);
        if (!template.includes('<div id="root"></div>'))
          this.error('prerender: index.html has no empty <div id="root"></div>');
        const plansRoute = Object.values(bundle)
          .filter(isChunk)
          .find((chunk) => chunk.facadeModuleId?.endsWith(PLANS_ROUTE));
        if (!plansRoute) this.error(`prerender: no chunk for ${PLANS_ROUTE}`);
        const plans = closure(bundle, plansRoute);
        // The frame's own styles (the layout's, the header's…) come with the app's start chunk.
        const boot = Object.values(bundle)
          .filter(isChunk)
          .find((chunk) => chunk.facadeModuleId?.endsWith(BOOT));
        if (!boot) this.error(`prerender: no chunk for ${BOOT}`);
        const frame = closure(bundle, boot);
        /*
         * The frame stands for every other address, most often a plan's page (a returning user's
         * bookmark, the service worker's answer): it links that page's styles too, read with the
         * page's HTML, so the app adds none as it takes over (no work at that moment, no shift).
         */
        const planRoute = Object.values(bundle)
          .filter(isChunk)
          .find((chunk) => chunk.facadeModuleId?.endsWith(PLAN_ROUTE));
        if (!planRoute) this.error(`prerender: no chunk for ${PLAN_ROUTE}`);
        const frameCss = [...new Set([...frame.css, ...closure(bundle, planRoute).css])];

        const pages = LANGUAGE_CODES.flatMap((lang) =>
          PRERENDERED_KINDS.map((kind) => ({ lang, kind })),
        );
        const output = execFileSync(
          process.execPath,
          [`${ROOT}scripts/prerender.mjs`, JSON.stringify(pages)],
          {
            cwd: ROOT,
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024,
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        );
        const rendered = JSON.parse(output) as Rendered[];
        if (rendered.length !== pages.length)
          this.error(`prerender: ${rendered.length} pages rendered, ${pages.length} asked for`);
        for (const [i, page] of rendered.entries()) {
          // The app decides the language itself: a page in another language is a broken build.
          if (page.lang !== pages[i]!.lang)
            this.error(`prerender: the ${pages[i]!.lang} page rendered in ${page.lang}`);
          // A render that failed leaves React's message (with file paths) or a raw key behind.
          if (
            /node_modules|file:\/\/|data-msg=/.test(page.html) ||
            page.title.includes('plans.title')
          )
            this.error(`prerender: the ${page.lang} ${page.kind} page did not render cleanly`);
          // Every style the page needs is linked, so nothing moves when the app's code loads
          // them. No script is preloaded: nothing competes with the styles for the first paint,
          // and the app's code is fetched once the page is on screen (src/main.tsx).
          const html = fillTemplate(template, page, {
            css: page.kind === 'plans' ? plans.css : frameCss,
          });
          this.emitFile({
            type: 'asset',
            fileName: prerenderedPath(pages[i]!.lang, page.kind).slice(1),
            source: html,
          });
          // What a plain static host serves everyone: the English plans page.
          if (page.lang === 'en' && page.kind === 'plans') index.source = html;
        }
      },
    },
  };
}
