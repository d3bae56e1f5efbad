import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '../../src/i18n/languages';

/*
 * The build renders the first page into HTML in every language (scripts/prerender.mjs, used by
 * scripts/prerender-plugin.ts). Here it runs as the build runs it, for all of them at once.
 */
interface Page {
  lang: string;
  kind: 'plans' | 'shell';
  html: string;
  title: string;
  description: string;
}

const asked = LANGUAGE_CODES.flatMap((lang) =>
  (['plans', 'shell'] as const).map((kind) => ({ lang, kind })),
);
const pages = JSON.parse(
  execFileSync(process.execPath, ['scripts/prerender.mjs', JSON.stringify(asked)], {
    encoding: 'utf8',
  }),
) as Page[];

const texts = (lang: string) =>
  JSON.parse(readFileSync(`locales/${lang}/common.json`, 'utf8')) as {
    app: { name: string; description: string };
    plans: { title: string; emptyTitle: string; new: string; createFirst: string };
    layout: {
      loading: string;
      footer: string;
      needsScript: string;
      startFailed: string;
      reload: string;
    };
  };
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

describe('the prerendered first pages', () => {
  it('renders every page asked for, in its own language', () => {
    expect(pages.map((page) => `${page.lang} ${page.kind}`)).toEqual(
      asked.map((page) => `${page.lang} ${page.kind}`),
    );
  });

  it.each(LANGUAGE_CODES)('%s: the plans page of a first visit, with its title', (lang) => {
    const page = pages.find((p) => p.lang === lang && p.kind === 'plans')!;
    const t = texts(lang);
    expect(page.title).toBe(`${t.plans.title} · ${t.app.name}`);
    expect(page.description).toBe(t.app.description);
    for (const text of [t.plans.title, t.plans.emptyTitle, t.plans.new, t.plans.createFirst])
      expect(page.html).toContain(`>${html(text)}<`);
    expect(page.html).toContain(`<option value="${lang}" lang="${lang}" selected="">`);
    // What the page says outside the app: without JavaScript, or when its code fails to load.
    expect(page).toMatchObject({
      needsScript: t.layout.needsScript,
      startFailed: t.layout.startFailed,
      reload: t.layout.reload,
    });
  });

  it.each(LANGUAGE_CODES)('%s: the frame with its page loading, for other addresses', (lang) => {
    const page = pages.find((p) => p.lang === lang && p.kind === 'shell')!;
    const t = texts(lang);
    expect(page.title).toBe(t.app.name);
    expect(page.html).toContain(`>${html(t.layout.loading)}<`);
    expect(page.html).toContain(`>${html(t.layout.footer)}<`);
    expect(page.html).not.toContain('<h1');
  });

  it('leaves no raw key, interpolation or error message in any page', () => {
    for (const page of pages) {
      expect(page.html).not.toMatch(/\{\{|\b(plans|layout|app|import)\.[a-z][A-Za-z]+\b/);
      expect(page.html).not.toMatch(/node_modules|file:\/\/|data-msg|data-stck/);
    }
  });
});
