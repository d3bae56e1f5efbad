import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { OutputAsset, OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';
import {
  PRERENDERED_KINDS,
  PRERENDERED_LANGUAGES,
  prerenderedPath,
  type PrerenderedKind,
} from '../src/app/first-page';

/*
 * The first page paints from HTML, before any script: after the bundle is made, the app is
 * rendered once per language and kind (scripts/prerender.mjs, under jsdom) and written into a
 * copy of index.html, with the language's title, description and manifest, and links that load
 * the plans page's styles at once and its code and texts side by side with the entry (rather than
 * one after the other). `index.html` becomes the English plans page, for a host that serves one
 * page for everything. Written before the service worker's precache list is made, so every page
 * is precached.
 */

interface Rendered {
  lang: string;
  kind: PrerenderedKind;
  html: string;
  title: string;
  description: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PLANS_ROUTE = '/src/app/pages/plans-route.tsx';

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

/** The language's texts, loaded before the first render: chunks made from locales/<lang>/. */
function textChunks(bundle: OutputBundle, lang: string, preloaded: readonly string[]) {
  return Object.values(bundle)
    .filter(isChunk)
    .filter((chunk) =>
      preloaded.some((name) => chunk.facadeModuleId?.endsWith(`/locales/${lang}/${name}`)),
    )
    .map((chunk) => chunk.fileName);
}

export function fillTemplate(
  template: string,
  page: Rendered,
  head: { css: string[]; modules: string[] },
): string {
  const links = [
    ...head.css.map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`),
    ...head.modules.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
  ]
    .filter((link) => !template.includes(link.replace(/^.*href="(\/[^"]+)".*$/, '$1')))
    .join('\n    ');
  let html = template
    .replace(/<html lang="[^"]*"/, `<html lang="${page.lang}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeText(page.title)}</title>`)
    .replace(
      /(<meta\s+name="description"\s+content=")[^"]*(")/,
      `$1${escapeAttribute(page.description)}$2`,
    )
    .replace(
      '<div id="root"></div>',
      `<div id="root" data-prerendered="${page.kind}" inert>${page.html}</div>`,
    );
  const manifest = `<link rel="manifest" href="/manifest.${page.lang}.webmanifest">`;
  html = /<link rel="manifest" href="[^"]*">/.test(html)
    ? html.replace(/<link rel="manifest" href="[^"]*">/, manifest)
    : html.replace('</head>', `${manifest}\n  </head>`);
  return links ? html.replace(/\s*<\/head>/, `\n    ${links}\n  </head>`) : html;
}

export function prerender(options: { preloadedTexts: readonly string[] }): Plugin {
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

        const pages = PRERENDERED_LANGUAGES.flatMap((lang) =>
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
          const texts = textChunks(bundle, page.lang, options.preloadedTexts);
          const head =
            page.kind === 'plans'
              ? { css: plans.css, modules: [...plans.js, ...texts] }
              : { css: [], modules: texts };
          const fileName = prerenderedPath(pages[i]!.lang, page.kind).slice(1);
          this.emitFile({ type: 'asset', fileName, source: fillTemplate(template, page, head) });
          // index.html is what a plain static host serves everyone, whatever their language:
          // it does not preload the English texts, which a Kyrgyz visitor would download for
          // nothing (the app loads the right ones as it starts).
          if (page.lang === 'en' && page.kind === 'plans')
            index.source = fillTemplate(template, page, {
              ...head,
              modules: head.modules.filter((file) => !texts.includes(file)),
            });
        }
      },
    },
  };
}
