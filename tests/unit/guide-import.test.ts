import { describe, expect, it, vi } from 'vitest';
import {
  GUIDE_MAX_BYTES,
  importGuides,
  isLikelyPlanFile,
  type GuideImportResult,
} from '@/guide/import-guide';
import * as parseModule from '@/guide/parse';
import { renderTemplateTags } from '@/guide/template-tags';
import { parseTimeRange } from '@/guide/times';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { serializePlan } from '@/plan/file-format';
import { assemblyDetails, testDeps } from '../fixtures';
import {
  fixtureBytes,
  fixtureText,
  GUIDE_FIXTURES,
  guideOptions,
  residueIn,
} from '../guide-helpers';

const refusalOf = (result: GuideImportResult) => (result.ok ? null : result.refusals);
const one = (name: string, init: { bytes?: Uint8Array; text?: string; mediaType?: string }) =>
  importGuides([{ name, ...init }], guideOptions());

describe('files that are no guide are refused, each with its reason', () => {
  it('a README (Markdown with headings, lists and code, but no guide)', () => {
    expect(refusalOf(one('README.md', { bytes: fixtureBytes('not-a-guide.md') }))).toEqual([
      { file: 'README.md', code: 'noSteps' },
    ]);
  });

  it('an image', () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48,
    ]);
    expect(refusalOf(one('photo.png', { bytes: png }))).toEqual([
      { file: 'photo.png', code: 'binary' },
    ]);
  });

  it('binary data without a known signature', () => {
    const bytes = Uint8Array.from({ length: 2000 }, (_, i) => (i * 37) % 256);
    expect(refusalOf(one('data.bin', { bytes }))).toEqual([{ file: 'data.bin', code: 'binary' }]);
  });

  it('an empty file, and one of only blank lines', () => {
    expect(refusalOf(one('empty.md', { bytes: new Uint8Array() }))).toEqual([
      { file: 'empty.md', code: 'empty' },
    ]);
    expect(refusalOf(one('blank.md', { text: ' \n\n\t\n' }))).toEqual([
      { file: 'blank.md', code: 'empty' },
    ]);
  });

  it('a 50 MB file, refused by its size alone', () => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const started = performance.now();
    expect(refusalOf(one('huge.md', { bytes }))).toEqual([{ file: 'huge.md', code: 'tooLarge' }]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(refusalOf(one('long.md', { text: 'x'.repeat(GUIDE_MAX_BYTES + 1) }))).toEqual([
      { file: 'long.md', code: 'tooLarge' },
    ]);
  });

  it('text in an encoding that is not UTF-8 (here Latin-1)', () => {
    // "## 1. Førebuingar" with ø as the single Latin-1 byte 0xF8.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('## 1. F'),
      0xf8,
      ...new TextEncoder().encode('rebuingar\n- Bestem stad.\n'),
    ]);
    expect(refusalOf(one('latin1.md', { bytes }))).toEqual([
      { file: 'latin1.md', code: 'encoding' },
    ]);
  });

  it('a plan file, told apart from a guide', () => {
    const plan = createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());
    const text = serializePlan(plan, {
      translate: (_k, f) => f,
      now: new Date(),
      appVersion: 'test',
    });
    expect(isLikelyPlanFile('export.json', text.slice(0, 200))).toBe(true);
    expect(isLikelyPlanFile('plan.hocplan.json', '')).toBe(true);
    expect(isLikelyPlanFile('guide.md', fixtureText(GUIDE_FIXTURES.kyEvents).slice(0, 200))).toBe(
      false,
    );
    expect(refusalOf(one('export.json', { text }))).toEqual([
      { file: 'export.json', code: 'planFile' },
    ]);
  });

  it('one refused file refuses the whole import, naming only the files at fault', () => {
    const result = importGuides(
      [
        { name: 'guide.md', bytes: fixtureBytes(GUIDE_FIXTURES.nnEvents) },
        { name: 'empty.md', bytes: new Uint8Array() },
        { name: 'README.md', bytes: fixtureBytes('not-a-guide.md') },
      ],
      guideOptions(),
    );
    expect(refusalOf(result)).toEqual([
      { file: 'empty.md', code: 'empty' },
      { file: 'README.md', code: 'noSteps' },
    ]);
  });
});

describe('encodings a guide may come in', () => {
  const guide = fixtureText(GUIDE_FIXTURES.nnEvents);

  it('UTF-8 with a byte order mark, and UTF-16 with one, read like plain UTF-8', () => {
    const plain = one('a.md', { text: guide });
    const withBom = one('b.md', {
      bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(guide)]),
    });
    const utf16 = new Uint8Array(2 + guide.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < guide.length; i += 1) {
      const code = guide.charCodeAt(i);
      utf16[2 + i * 2] = code & 0xff;
      utf16[3 + i * 2] = code >> 8;
    }
    const fromUtf16 = one('c.md', { bytes: utf16 });
    for (const result of [withBom, fromUtf16]) {
      expect(result.ok && result.plan.checklist.sections.map((s) => s.title)).toEqual(
        plain.ok && plain.plan.checklist.sections.map((s) => s.title),
      );
    }
  });
});

describe('HTML guides (a saved page, or HTML from the clipboard)', () => {
  const page = fixtureText('ar-events.html');

  it('reads an Arabic page right to left, with its steps, ideas, links and agenda', () => {
    const result = one('guide-ar.html', { text: page, mediaType: 'text/html' });
    if (!result.ok) throw new Error(JSON.stringify(result.refusals));
    const { plan, guides } = result;
    expect(guides[0]).toMatchObject({ lang: 'ar', dir: 'rtl', steps: 3, ideas: 2, agendaItems: 3 });
    expect(plan.checklist.sections.map((s) => s.title)).toEqual([
      'الاستعداد',
      'أثناء الفعالية',
      'أفكار أخرى',
    ]);
    expect(plan.checklist.sections[0]!.steps[1]).toMatchObject({
      text: 'أرسل رسالة إلى رئيس البلدية للحديث.',
      link: 'https://hourofcode.com/promote/resources#sample-emails',
    });
    // 9:30 am start; 15 and 30 minutes; the last row starts later than the one before ends.
    expect(plan.event.startTime).toBe('09:30');
    expect(plan.runOfShow.items.map((i) => [i.durationMinutes, i.fixedStart])).toEqual([
      [15, null],
      [30, null],
      [30, '10:30'],
    ]);
    expect(plan.runOfShow.items[2]!.link).toBeNull();
    expect(guides[0]!.notices.map((n) => n.code).sort()).toEqual([
      'rowWithoutTimes',
      'unsafeLinkDropped',
    ]);
    expect(residueIn(plan)).toEqual([]);
    expect(plan.runOfShow.items.some((i) => i.title.includes('alert'))).toBe(false);
  });

  it('sniffs a page by its start when no media type is given', () => {
    const result = one('pasted text', { text: page });
    expect(result.ok && result.guides[0]!.steps).toBe(3);
  });
});

describe('template tags', () => {
  it('turns known helpers into links and drops buttons and views', () => {
    const { text, notices } = renderTemplateTags(
      "{{ signup_button }}<%= view :signup_button %>[a](<%= resolve_url('/promote') %>) [b]({{ promote/stats_url }}) [c](<%= codeorg_url('/learn') %>) [d](<%= hoc_uri('/how-to') %>) [e]({{ localized_files/elected_official }})",
    );
    expect(text).toBe(
      '[a](https://hourofcode.com/promote) [b](https://hourofcode.com/promote/stats) [c](https://code.org/learn) [d](https://hourofcode.com/how-to) [e](https://hourofcode.com/files/elected-official.pdf)',
    );
    expect(notices).toEqual([]);
  });

  it('repairs the broken forms translations have, and reports each', () => {
    const { text, notices } = renderTemplateTags(
      "x (%= resolve_url('/events') %) y < % = resolve_url('/a') %> z <%= resolve_url('/b')\n{{ promote/videos } w",
    );
    expect(text).toBe(
      'x (https://hourofcode.com/events) y https://hourofcode.com/a z https://hourofcode.com/b\nhttps://hourofcode.com/promote/resources#videos w',
    );
    expect(notices.map((n) => [n.code, n.line])).toEqual([
      ['tagRepaired', 1],
      ['tagRepaired', 1],
      ['tagRepaired', 1],
      ['tagRepaired', 2],
    ]);
  });

  it('removes what it cannot read, and unknown helpers, reporting each', () => {
    const { text, notices } = renderTemplateTags(
      'a <%= @#! %> b {{ mystery_thing }} c <%= d\ne <%=',
    );
    expect(text).toBe('a  b  c \ne ');
    expect(notices.map((n) => [n.code, n.detail])).toEqual([
      ['tagRemoved', '<%= @#! %>'],
      ['unknownHelper', '{{ mystery_thing }}'],
      ['unknownHelper', '<%= d'],
      ['tagRemoved', '<%='],
    ]);
  });
});

describe('agenda times', () => {
  it.each([
    ['10:00 - 10:05', 600, 605],
    ['10.05 - 10.15', 605, 615],
    ['10h05–10h15', 605, 615],
    ['10:00 - 10:05 am', 600, 605],
    ['11:30 - 12:15 pm', 690, 735],
    ['1:00 pm - 1:30 pm', 780, 810],
    ['2 pm', 840, null],
    ['9:30', 570, null],
  ])('%s', (text, start, end) => {
    expect(parseTimeRange(text)).toEqual({ start, end });
  });

  it('finds no time in plain numbers', () => {
    expect(parseTimeRange('3 students, 2015')).toBeNull();
    expect(parseTimeRange('25:00')).toBeNull();
  });
});

describe('structure as guides write it', () => {
  const steps = (text: string) => {
    const result = one('guide.md', { text });
    if (!result.ok) throw new Error(JSON.stringify(result.refusals));
    return result;
  };

  it('numbered sub-headings with text under them are steps; one that lost its number between two counts', () => {
    const { plan } = steps(
      '# Hour of Code\n\n## Before the day\n\n### 1) Choose a room\n\nThe hall or the library.\n\n### Invite a guest\n\nA parent who codes.\n\n### 3) Tell the press\n\nSee the [press kit](/promote/press-kit).\n\n### Thanks\n\nNot a step: after the last number.\n',
    );
    expect(plan.checklist.sections).toHaveLength(1);
    expect(plan.checklist.sections[0]!.title).toBe('Before the day');
    expect(plan.checklist.sections[0]!.steps.map((s) => [s.text, s.note, s.link])).toEqual([
      ['Choose a room', 'The hall or the library.', null],
      ['Invite a guest', 'A parent who codes.', null],
      ['Tell the press', 'See the press kit.', 'https://hourofcode.com/promote/press-kit'],
    ]);
  });

  it('numbered lines CommonMark does not read as a list ("1- …") are steps, and a plain "Location:" line fills the place', () => {
    const { plan } = steps(
      'Hour of Code at our school\n\n1- Book the hall\n\n2- Invite the parents\n\n3- Print the certificates\n\nLocation: Main hall\n\nTime: 9:30\n',
    );
    expect(plan.checklist.sections.flatMap((s) => s.steps.map((step) => step.text))).toEqual([
      'Book the hall',
      'Invite the parents',
      'Print the certificates',
    ]);
    expect(plan.event.place).toBe('Main hall');
    expect(plan.event.startTime).toBe('09:30');
  });

  it('keeps a step with three links as three links, the first as its main one', () => {
    const { plan, guides } = steps(
      '## 1. Get ready\n\n- Read the [guide](https://hourofcode.com/how-to), the [stats](/promote/stats) and the [one-pager](/files/hoc-one-pager.pdf).\n- Write to [press@code.org](mailto:press@code.org).\n',
    );
    const [first, second] = plan.checklist.sections[0]!.steps;
    expect(first!.link).toBe('https://hourofcode.com/how-to');
    expect(first!.links).toEqual([
      { url: 'https://hourofcode.com/promote/stats', labelKey: null, label: 'stats' },
      { url: 'https://hourofcode.com/files/hoc-one-pager.pdf', labelKey: null, label: 'one-pager' },
    ]);
    expect(second!.link).toBe('mailto:press@code.org');
    expect(guides[0]!.links).toBe(4);
  });
});

describe('hostile guides found by attacking the app', () => {
  it('a Windows file whose front matter never closes is read in linear time', () => {
    // 40 lines took 2^40 steps with a front-matter pattern that matched each line two ways.
    const text = `---\r\n${'1. Step number one of the guide\r\n'.repeat(40)}\r\nNo closing fence here.\r\n`;
    const started = performance.now();
    const result = one('windows-guide.md', { text });
    // Generous: the point is seconds or hours against milliseconds, not a timing target.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.ok).toBe(true);
  });

  it('tag and entity names that only an object prototype knows resolve to nothing', () => {
    const text = [
      '# Guide {{ constructor }}',
      '',
      '1. Book the hall {{ constructor.constructor("window.x=1")() }} &constructor; &__proto__;',
      '2. Invite the press <%= __proto__ %>',
    ].join('\n');
    const result = one('tags.md', { text });
    expect(result.ok).toBe(true);
    const all = JSON.stringify(result.ok && result.plan);
    expect(all).not.toMatch(/native code|function Object|\[object Object\]/);
    expect(all).toContain('Book the hall');
  });
});

describe('template residue joined by a removal', () => {
  it('"<](%": the link mark goes, and the "< %" it leaves goes too', () => {
    // The Kyrgyz press kit's letter link, cut short after its tag's opener, with "](" typed in.
    const text = fixtureText('ky-press-kit.md').replace(/\[кат\]\(<%=.*/, '[кат](<](%');
    expect(text).toContain('[кат](<](%\n');
    const result = one('ky-press-kit.md', { text });
    if (!result.ok) throw new Error('expected a plan');
    expect(residueIn(result.plan)).toEqual([]);
    expect(JSON.stringify(result.plan)).toContain('чакырган');
  });
});

describe('a tag written out in a page title', () => {
  it('goes even with a "<" inside it', () => {
    const html = fixtureText('ar-events.html').replace(
      '<title>',
      '<title><img src=x onerror=alert<(1)>',
    );
    expect(html).toContain('<title><img src=x');
    const result = one('page.html', { text: html });
    if (!result.ok) throw new Error('expected a plan');
    expect(residueIn(result.plan)).toEqual([]);
    expect(result.plan.title).toContain('ساعة البرمجة');
  });
});

describe('heading marks left inside a note', () => {
  it('never reach the plan, whatever block they came in', () => {
    const text = [
      '# Guide',
      '',
      '1. Book the hall',
      '',
      '        # Førebuingar før Kodetimen',
      '        ## 1. Step inside a code block',
      '',
      '2. Invite the press',
    ].join('\n');
    const result = one('code.md', { text });
    if (!result.ok) throw new Error('expected a plan');
    expect(residueIn(result.plan)).toEqual([]);
    expect(result.plan.checklist.sections.flatMap((s) => s.steps.map((step) => step.text))).toEqual(
      ['Book the hall', 'Invite the press'],
    );
  });
});

describe('an agenda longer than a plan holds', () => {
  it('is cut to the limit, counted as kept, and the cut is reported', () => {
    const time = (m: number) =>
      `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const rows = Array.from(
      { length: 2100 },
      (_, i) => `| ${time(i)} - ${time(i + 1)} | Item ${i + 1} |`,
    );
    const text = [
      '# How to organize an Hour of Code event',
      '',
      '## 1. Prepare',
      '',
      '- Book the hall.',
      '- Invite the press.',
      '',
      '## Example agenda',
      '',
      '| Time | Activity |',
      '| --- | --- |',
      ...rows,
    ].join('\n');
    const result = one('long.md', { text });
    if (!result.ok) throw new Error('expected a plan');
    expect(result.plan.runOfShow.items).toHaveLength(2000);
    expect(result.guides[0]!.agendaItems).toBe(2000);
    expect(result.guides[0]!.notices).toContainEqual({ code: 'truncated', detail: 'Item 2001' });
  });
});

/*
 * Found by the attacker review of 3 December: each input below left markup in a plan, garbled
 * its words, or was refused for the wrong reason.
 */
describe('texts a hostile or damaged guide could leave behind', () => {
  const steps = (text: string, name = 'guide.md') => {
    const result = one(name, { text });
    if (!result.ok) throw new Error(`expected a plan, got ${JSON.stringify(result.refusals)}`);
    expect(residueIn(result.plan)).toEqual([]);
    return result.plan.checklist.sections.flatMap((section) => section.steps);
  };
  const boldGuide = (first: string) => `# Hour of Code\n\n${first}\n\n**2. B**\n\n**3. C**\n`;

  it.each([
    ['**1. Plan <**% x', 'Plan x'],
    ['**1. Plan {**{ x', 'Plan x'],
    ['**1. Plan &**#60; x', 'Plan x'],
    ['**1. Plan !**[x', 'Plan [x'],
    ['**1. Plan %**= x', 'Plan x'],
  ])('a bold lead and the words after it joined into residue: %s', (first, text) => {
    expect(steps(boldGuide(first))[0]!.text).toBe(text);
  });

  it('nests deeper than one pass per layer', () => {
    const [first] = steps(
      '# Hour of Code\n\n1. Invite &amp;amp;amp;amp;amp;amp; families\n2. Book the hall\n3. Print\n',
    );
    expect(first!.text).toBe('Invite & families');
    const html = [
      '<html><head><title>Hour of Code</title></head><body><h1>Hour of Code</h1><ol>',
      '<li>Invite &lt;&lt;&lt;&lt;&lt;%%%%% families</li><li>Book the room</li><li>Print</li>',
      '</ol></body></html>',
    ].join('');
    expect(steps(html, 'page.html')[0]!.text).toBe('Invite families');
  });

  it('heading marks after a step number', () => {
    const text =
      '# Hour of Code\n\n## 1. # # Invite families\n\nx\n\n## 2. b\n\ny\n\n## 3. c\n\nz\n';
    expect(steps(text)[0]!.text).toBe('Invite families');
  });

  it('an image mark that opens nothing', () => {
    expect(steps('# Hour of Code\n\n1. Look at ![this\n2. b\n3. c\n')[0]!.text).toBe(
      'Look at [this',
    );
  });

  it('words with an ampersand stay as written; only real entities go', () => {
    const [first] = steps(
      '# Hour of Code\n\n1. Ask Barnes&Noble and R&D about Q&As\n2. b &amp;amp;lt; c\n3. c\n',
    );
    expect(first!.text).toBe('Ask Barnes&Noble and R&D about Q&As');
  });

  it('a relative <base> in the page body does not refuse the page, and links stay absolute', () => {
    const html = [
      '<html><head><title>Hour of Code</title></head><body><h1>Hour of Code</h1><base href="/">',
      '<ol><li>Invite families to the <a href="https://hourofcode.com/us">Hour of Code</a></li>',
      '<li>Read <a href="/how-to">the how-to</a></li><li>Print certificates</li></ol>',
      '</body></html>',
    ].join('');
    const found = steps(html, 'base.html');
    expect(found.map((step) => step.text)).toEqual([
      'Invite families to the Hour of Code',
      'Read the how-to',
      'Print certificates',
    ]);
    expect(found[1]!.link ?? found[1]!.links[0]?.url).toBe('https://hourofcode.com/how-to');
  });

  it('a file nested too deep for the parsers is refused as too complex, not as "no guide"', () => {
    // "> " 5,000 times over overflowed the stack (2.5 s to get there); the overflow is made here.
    vi.spyOn(parseModule, 'parseMarkdown').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    const text = '# Hour of Code\n\n1. a\n2. b\n3. c\n';
    expect(refusalOf(one('deep.md', { text }))).toEqual([{ file: 'deep.md', code: 'tooComplex' }]);
  });

  it('a mail link keeps only its address, subject and text', () => {
    const [first] = steps(
      '# Hour of Code\n\n1. Write to [the mayor](mailto:mayor@example.org?bcc=evil@example.com&subject=Hi)\n2. b\n3. c\n',
    );
    const urls = [first!.link, ...first!.links.map((link) => link.url)].filter(Boolean);
    expect(urls).toEqual(expect.arrayContaining(['mailto:mayor@example.org?subject=Hi']));
    expect(JSON.stringify(urls)).not.toContain('bcc');
  });
});
