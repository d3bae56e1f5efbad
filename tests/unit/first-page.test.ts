import { describe, expect, it } from 'vitest';
import { canHydrate, kindForPath, prerenderedPath, startLanguage } from '../../src/app/first-page';
import { readFileSync } from 'node:fs';
import { STORAGE_KEY } from '@/data/storage-key';
import { fillTemplate } from '../../scripts/prerender-plugin';

describe('the prerendered first pages', () => {
  it('has a plans page and a shell per language, outside the app’s own addresses', () => {
    expect(prerenderedPath('nb', 'plans')).toBe('/pages/nb/plans.html');
    expect(prerenderedPath('ky', 'shell')).toBe('/pages/ky/shell.html');
  });

  it('starts `/` from the plans page and every other address from the shell', () => {
    expect(kindForPath('/')).toBe('plans');
    // Not an address of the app (it would show "Page not found"): the frame, not the plans.
    expect(kindForPath('/index.html')).toBe('shell');
    expect(kindForPath('/plans/abc/run-of-show')).toBe('shell');
    expect(kindForPath('/shared')).toBe('shell');
  });

  it('starts `/` from the frame for someone with plans, not from "No plans yet"', () => {
    expect(kindForPath('/', true)).toBe('shell');
    expect(kindForPath('/', false)).toBe('plans');
    expect(kindForPath('/plans/abc', true)).toBe('shell');
  });

  it('picks the stored language first, then the browser’s first language we offer', () => {
    expect(startLanguage('nn', ['en-US'])).toBe('nn');
    expect(startLanguage(null, ['da-DK', 'nb-NO', 'en'])).toBe('nb');
    expect(startLanguage(undefined, ['no'])).toBe('nb');
    expect(startLanguage('fr', ['ky-KG'])).toBe('ky');
    expect(startLanguage(null, ['fr', 'de'])).toBe('en');
    expect(startLanguage(null, [])).toBe('en');
  });

  it('hydrates only the painted plans page, in the painted language', () => {
    const firstVisit = {
      prerendered: 'plans',
      pathname: '/',
      paintedLanguage: 'nb',
      language: 'nb',
    };
    expect(canHydrate(firstVisit)).toBe(true);
    expect(canHydrate({ ...firstVisit, language: 'nn' })).toBe(false);
    expect(canHydrate({ ...firstVisit, pathname: '/plans/x' })).toBe(false);
    expect(canHydrate({ ...firstVisit, prerendered: 'shell' })).toBe(false);
    // Development serves an empty #root.
    expect(canHydrate({ ...firstVisit, prerendered: undefined })).toBe(false);
  });
});

describe('the entry (src/main.tsx)', () => {
  it('hides a painted "No plans yet" by the very key the plans are saved under', () => {
    const entry = readFileSync(new URL('../../src/main.tsx', import.meta.url), 'utf8');
    expect(entry).toContain(`const STORAGE_KEY = '${STORAGE_KEY}';`);
  });
});

describe('fillTemplate (the build writes each prerendered page into index.html)', () => {
  const template = `<!doctype html>
<html lang="en">
  <head>
    <meta
      name="description"
      content="English description"
    />
    <title>Hour of Code planner</title>
    <script type="module" crossorigin src="/assets/index-1.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-1.css">
  <link rel="manifest" href="/manifest.webmanifest"></head>
  <body>
    <div id="root"></div>
  </body>
</html>`;
  const page = {
    lang: 'nb',
    kind: 'plans' as const,
    html: '<h1>Mine planer</h1>',
    title: 'Mine planer · "Kode" & <time>',
    description: 'Planlegg "Kodetimen" & mer',
    needsScript: 'Slå på <JavaScript>',
    startFailed: 'Kunne ikke starte & laste',
    reload: 'Last inn',
  };

  it('sets the language, title, description, manifest and the rendered markup', () => {
    const html = fillTemplate(template, page, { css: [] });
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('<title>Mine planer · "Kode" &amp; &lt;time&gt;</title>');
    expect(html).toContain('content="Planlegg &quot;Kodetimen&quot; &amp; mer"');
    expect(html).toContain('<link rel="manifest" href="/manifest.nb.webmanifest">');
    expect(html).not.toContain('/manifest.webmanifest');
    expect(html).toContain(
      '<div id="root" data-prerendered="plans" inert><h1>Mine planer</h1></div>',
    );
  });

  it('takes texts as they are, `$` included (never as replacement patterns)', () => {
    const html = fillTemplate(
      template,
      { ...page, title: "A $' B", description: 'C $& $1 $$ D', html: "<p>$'</p>" },
      { css: [] },
    );
    expect(html).toContain("<title>A $' B</title>");
    expect(html).toContain('content="C $&amp; $1 $$ D"');
    expect(html).toContain("inert><p>$'</p></div>");
  });

  it('says what is wrong without JavaScript, and holds the notice for a failed start', () => {
    const html = fillTemplate(template, page, { css: [] });
    expect(html).toContain(
      '<noscript><p class="start-notice">Slå på &lt;JavaScript&gt;</p></noscript>',
    );
    expect(html).toContain('<div id="start-failed"></div>');
    expect(html).toContain(
      '<template id="start-failed-message"><p class="start-notice">Kunne ikke starte &amp; laste <a href="">Last inn</a></p></template>',
    );
  });

  it('links every stylesheet of the page in the head, once each, and preloads no script', () => {
    const html = fillTemplate(template, page, {
      css: ['assets/plans-1.css', 'assets/index-1.css'],
    });
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('<link rel="stylesheet" crossorigin href="/assets/plans-1.css">');
    // Already in the page: not linked twice.
    expect(head.match(/assets\/index-1\.css/g)).toHaveLength(1);
    expect(head).not.toContain('modulepreload');
  });
});
