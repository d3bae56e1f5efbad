import { readFileSync } from 'node:fs';
import { constants, createInflateRaw } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { FORMULA_START, runOfShowCsv, type CsvTexts } from '@/plan/csv';
import { parseDay } from '@/plan/dates';
import { DRAFT_IDS, draftPath, mailtoHref } from '@/plan/drafts';
import { validateDate, validateTitle } from '@/plan/event-fields';
import {
  isSafeId,
  prepareImport,
  readImportText,
  readPlanFile,
  serializePlan,
} from '@/plan/file-format';
import {
  activeRun,
  addRun,
  finishShow,
  nextItem,
  showProblem,
  showReport,
  startShow,
  usableRuns,
} from '@/plan/live-show';
import { planPath } from '@/plan/paths';
import { boundsIssue, MAX_PLAN_DEPTH, restorePlan } from '@/plan/restore';
import type { Plan } from '@/plan/schema';
import {
  decodeShareFragment,
  encodeShareFragment,
  inflateLimited,
  LINK_EXPANSION,
} from '@/plan/share-link';
import { GUIDE_TEXT_KEYS } from '@/plan/templates';
import { assemblyDetails, testDeps } from '../fixtures';

/*
 * Hostile files and links (issue 17): each case as a reviewer attacking the app found it.
 */

const options = {
  translate: (_key: string, fallback: string) => fallback,
  now: new Date('2026-11-22T10:00:00Z'),
  appVersion: 'test',
};
const plan = (): Plan => createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());
/** A plan file's text whose plan holds `extra`, written as raw JSON text (no stringify). */
const fileWithExtra = (extraJson: string) => {
  const text = serializePlan(plan(), options);
  return text.replace('"plan": {', `"plan": { "extra": ${extraJson},`);
};
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('1. deep nesting', () => {
  it('a plan file with an unknown field 6,000 levels deep is refused, naming the field', () => {
    const text = fileWithExtra(deepArray(6000));
    // What made saving fail for good: such a value can't be written back.
    expect(() => JSON.stringify(JSON.parse(text))).toThrow(RangeError);
    const read = readPlanFile(text);
    expect(read.ok).toBe(false);
    if (read.ok || read.error.code !== 'invalid') throw new Error('expected invalid');
    expect(read.error.issues[0]).toMatchObject({ code: 'too_deep' });
    expect(read.error.issues[0]!.path.slice(0, 3)).toEqual(['extra', 0, 0]);
    expect(readImportText(text).ok).toBe(false);
  });

  it('a million levels are refused without overflowing the stack', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 1_000_000; i += 1) deep = [deep];
    expect(restorePlan({ ...plan(), extra: deep })).toMatchObject({
      ok: false,
      issues: [{ code: 'too_deep' }],
    });
  });

  it('unknown fields of a reasonable depth are kept, and the plan is written back', () => {
    const text = fileWithExtra(deepArray(MAX_PLAN_DEPTH - 2));
    const read = readPlanFile(text);
    expect(read.ok).toBe(true);
    if (read.ok) expect(() => serializePlan(read.plan, options)).not.toThrow();
  });

  it('unknown fields are bounded in size: far more values than any plan needs are refused', () => {
    const text = fileWithExtra(`[${'0,'.repeat(300_000)}0]`);
    const read = readPlanFile(text);
    expect(read.ok).toBe(false);
    if (!read.ok && read.error.code === 'invalid')
      expect(read.error.issues[0]!.code).toBe('too_many_values');
    expect(boundsIssue({ a: [1, 2, 3] }, 5, 3)?.code).toBe('too_many_values');
    expect(boundsIssue({ a: [1, 2, 3] }, 5, 5)).toBeNull();
  });

  it('a 700-character share link with such a plan is refused', async () => {
    // Made from the text, as an attacker would: JSON.stringify can't write such a plan.
    const text = fileWithExtra(deepArray(6000));
    const bytes = new TextEncoder().encode(text);
    const deflated = new Uint8Array(
      await new Response(
        new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw')),
      ).arrayBuffer(),
    );
    const link = `plan=${Buffer.from(deflated).toString('base64url')}`;
    expect(link.length).toBeLessThan(3000);
    const read = await decodeShareFragment(link);
    expect(read).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});

describe('2. decompression bomb in a share link', () => {
  const RealDecompression = globalThis.DecompressionStream;
  afterEach(() => vi.unstubAllGlobals());

  async function deflated(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  /** Letters and digits at random: deflate makes them hardly any smaller. */
  function randomText(size: number): Uint8Array<ArrayBuffer> {
    const bytes = crypto.getRandomValues(new Uint8Array(size));
    return bytes.map((byte) => 48 + (byte % 75));
  }

  /** `size` bytes of spaces, deflated: about a thousandth of the size. */
  async function bomb(
    size: number,
    prefix?: Uint8Array<ArrayBuffer>,
  ): Promise<Uint8Array<ArrayBuffer>> {
    const chunk = new Uint8Array(1024 * 1024).fill(32);
    const stream = new CompressionStream('deflate-raw');
    const writer = stream.writable.getWriter();
    const out = new Response(stream.readable).arrayBuffer();
    if (prefix) await writer.write(prefix);
    for (let written = 0; written < size; written += chunk.length) await writer.write(chunk);
    await writer.close();
    return new Uint8Array(await out);
  }

  /**
   * Counts the bytes handed to the inflater. `paced`: the inflater works as the browser's does,
   * through a piece as it takes it: a write is done once all its output is out (Node's own takes
   * 16 KB of pieces ahead of its output, as its thread pool gets to them). Lockstep, not timed:
   * a piece given a few milliseconds alone was not always through on a busy machine, and a valid
   * plan's link was then refused here as expanding too much.
   */
  function countFedBytes({ paced = false } = {}): { fed: number } {
    const counter = { fed: 0 };
    vi.stubGlobal(
      'DecompressionStream',
      paced
        ? class {
            readable: ReadableStream<Uint8Array>;
            writable: WritableStream<BufferSource>;
            constructor(format: CompressionFormat) {
              if (format !== 'deflate-raw') throw new TypeError(`not stubbed: ${format}`);
              const inflater = createInflateRaw();
              this.readable = new ReadableStream<Uint8Array>({
                start(controller) {
                  inflater.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
                  inflater.on('end', () => controller.close());
                  inflater.on('error', (error) => controller.error(error));
                },
                cancel: () => void inflater.destroy(),
              });
              this.writable = new WritableStream<BufferSource>({
                write: (chunk) =>
                  new Promise<void>((resolve) => {
                    counter.fed += chunk.byteLength;
                    // Through, or the inflater is gone (cancelled, or the data was bad).
                    const done = () => {
                      inflater.off('close', done);
                      resolve();
                    };
                    inflater.once('close', done);
                    inflater.write(chunk as Uint8Array);
                    inflater.flush(constants.Z_SYNC_FLUSH, done);
                  }),
                close: () => void inflater.end(),
                abort: () => void inflater.destroy(),
              });
            }
          }
        : class {
            readable: ReadableStream<Uint8Array>;
            writable: WritableStream<BufferSource>;
            constructor(format: CompressionFormat) {
              const real = new RealDecompression(format);
              const writer = real.writable.getWriter();
              this.readable = real.readable;
              this.writable = new WritableStream<BufferSource>({
                async write(chunk) {
                  counter.fed += chunk.byteLength;
                  await writer.ready;
                  await writer.write(chunk);
                },
                close: () => writer.close(),
                abort: (reason) => writer.abort(reason),
              });
            }
          },
    );
    return counter;
  }

  it('stops inflating as soon as the limit is passed: most of the bomb is never fed', async () => {
    const bytes = await bomb(256 * 1024 * 1024);
    const counter = countFedBytes();
    await expect(inflateLimited(bytes, 5 * 1024 * 1024)).rejects.toThrow(RangeError);
    // 5 MB of output takes about 5 KB of this input; the whole bomb is about 250 KB.
    expect(counter.fed).toBeLessThan(bytes.length / 10);
  });

  it('a bomb link is refused as damaged, a good link still opens', async () => {
    const bytes = await bomb(64 * 1024 * 1024);
    const link = `plan=${Buffer.from(bytes).toString('base64url')}`;
    expect(await decodeShareFragment(link)).toEqual({
      ok: false,
      error: { code: 'damagedLink' },
    });
    const good = await encodeShareFragment(JSON.parse(serializePlan(plan(), options)));
    const read = await decodeShareFragment(good);
    expect(read.ok && read.plan.title).toBe('Assembly');
  });

  it('a bomb below the size limit is refused by how much it expands, after about two megabytes', async () => {
    // 4 MB of spaces: under the 5 MB limit, but each byte of the link makes 1,000.
    const small = await bomb(4 * 1024 * 1024);
    const link = `plan=${Buffer.from(small).toString('base64url')}`;
    expect(await decodeShareFragment(link)).toEqual({ ok: false, error: { code: 'damagedLink' } });
    // Fed the same bomb, the inflater is stopped by the ratio well before the 5 MB limit, even
    // after a part that hardly compresses (which earns no credit for what follows).
    const big = await bomb(8 * 1024 * 1024);
    const noisy = await bomb(8 * 1024 * 1024, randomText(16 * 1024));
    const noise = await deflated(randomText(16 * 1024));
    const bySize = countFedBytes({ paced: true });
    await expect(inflateLimited(big, 5 * 1024 * 1024)).rejects.toThrow('too large');
    const byRatio = countFedBytes({ paced: true });
    await expect(inflateLimited(big, 5 * 1024 * 1024, LINK_EXPANSION)).rejects.toThrow(
      'expands too much',
    );
    expect(byRatio.fed).toBeLessThanOrEqual(bySize.fed * 0.7);
    const afterNoise = countFedBytes({ paced: true });
    await expect(inflateLimited(noisy, 5 * 1024 * 1024, LINK_EXPANSION)).rejects.toThrow(
      'expands too much',
    );
    expect(afterNoise.fed - noise.length).toBeLessThanOrEqual(bySize.fed * 0.7);
  });

  it('the plan that expands most (every field one repeated character) still opens from a link', async () => {
    // Short ids and every text at its longest, one character repeated: about 490 times
    // smaller deflated, the most a valid plan reaches, and 4 MB, under the size limit. Paced
    // as in the browser (Node's inflater takes 16 KB of pieces ahead of its output).
    countFedBytes({ paced: true });
    const base = plan();
    const steps = Array.from({ length: 560 }, (_, i) => ({
      ...base.checklist.sections[0]!.steps[0]!,
      id: `s${i}`,
      text: 'b'.repeat(2000),
      owner: 'c'.repeat(100),
      note: 'a'.repeat(5000),
    }));
    const big: Plan = {
      ...base,
      notes: 'x'.repeat(50_000),
      checklist: { sections: [{ ...base.checklist.sections[0]!, id: 'one', steps }] },
    };
    const text = serializePlan(big, options);
    const link = await encodeShareFragment(JSON.parse(text));
    expect(text.length).toBeGreaterThan(4_000_000);
    expect(text.length / ((link.length * 3) / 4)).toBeGreaterThan(400);
    const read = await decodeShareFragment(link);
    expect(read.ok && read.plan.checklist.sections[0]!.steps).toHaveLength(560);
  });

  it('a plan of long runs of one character in three-byte letters still opens from a link', async () => {
    // Nine drafts and the notes, each 50,000 times one Chinese character (150 KB of UTF-8 each,
    // 1.5 MB in a row, expanding about 1,000 times: a bomb's own ratio, for a stretch of a valid
    // plan the app can make).
    countFedBytes({ paced: true });
    const drafts = Object.fromEntries(
      DRAFT_IDS.slice(0, 9).map((id) => [
        id,
        {
          subject: '中'.repeat(400),
          body: '中'.repeat(50_000),
          editedAt: '2026-11-22T10:00:00.000Z',
        },
      ]),
    );
    const runs: Plan = { ...plan(), notes: '中'.repeat(50_000), drafts };
    const link = await encodeShareFragment(JSON.parse(serializePlan(runs, options)));
    const read = await decodeShareFragment(link);
    expect(read.ok && Object.keys(read.plan.drafts)).toHaveLength(9);
  });

  it('inflates a stream larger than one chunk whole, and refuses a damaged one', async () => {
    const text = 'x'.repeat(3_000_000);
    const deflated = new Uint8Array(
      await new Response(
        new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw')),
      ).arrayBuffer(),
    );
    const out = await inflateLimited(deflated, 5 * 1024 * 1024);
    expect(out.length).toBe(3_000_000);
    await expect(inflateLimited(new Uint8Array([1, 2, 3, 4, 5]), 1000)).rejects.toBeDefined();
  });
});

describe('4. plan ids in addresses', () => {
  const unsafe = ['../x/y?z#w', 'existing-1/print', 'a\r\nb', 'a b', '', 'x'.repeat(101)];

  it('an imported id outside the safe set is replaced, a safe one kept', () => {
    for (const id of unsafe) {
      expect(isSafeId(id)).toBe(false);
      expect(prepareImport({ ...plan(), id }, new Set(), () => 'fresh').id).toBe('fresh');
    }
    const uuid = crypto.randomUUID();
    expect(prepareImport({ ...plan(), id: uuid }, new Set(), () => 'fresh').id).toBe(uuid);
  });

  it('every address encodes the id', () => {
    expect(planPath('../x/y?z#w', '/print')).toBe('/plans/..%2Fx%2Fy%3Fz%23w/print');
    expect(draftPath('a/b', 'parents', 's?1')).toBe('/plans/a%2Fb/drafts/parents?step=s%3F1');
  });
});

describe('5. a show record that does not match its plan', () => {
  const started = () => {
    const p = plan();
    return { p, show: startShow(p, Date.parse('2026-12-07T09:00:00Z')) };
  };
  const at = (minutes: number) => Date.parse('2026-12-07T09:00:00Z') + minutes * 60_000;

  it('a record made by the app passes, running and finished', () => {
    const { show } = started();
    expect(showProblem(show)).toBeNull();
    const later = nextItem(show, at(5));
    expect(showProblem(later)).toBeNull();
    expect(showProblem(finishShow(later, at(20)))).toBeNull();
  });

  it('current past the end, no entries, huge pauses and times out of order are caught', () => {
    const { show } = started();
    expect(showProblem({ ...show, current: 99 })).toBe('current');
    expect(showProblem({ ...show, entries: [] })).toBe('noEntries');
    const entries = show.entries.slice();
    entries[0] = { ...entries[0]!, pausedMs: Number.MAX_SAFE_INTEGER };
    expect(showProblem({ ...show, entries })).toBe('pause');
    const finished = finishShow(show, at(10));
    const before = { ...finished, finishedAt: '2000-01-01T00:00:00.000Z' };
    expect(showProblem(before)).toBe('times');
    // What the report said of it: "took -13675680 min".
    expect(showReport(before).actualMinutes).toBeLessThan(0);
    const noStart = show.entries.map((e) => ({ ...e, actualStart: null }));
    expect(showProblem({ ...show, entries: noStart })).toBe('times');
  });

  it('entries naming items the plan no longer has are kept: each carries its own title', () => {
    const { show } = started();
    const entries = show.entries.map((e) => ({ ...e, itemId: `gone-${e.itemId}` }));
    expect(showProblem({ ...show, entries })).toBeNull();
  });
});

describe('6. line breaks in a mail subject', () => {
  it('the subject is one line; the body keeps its line breaks', () => {
    const href = mailtoHref('Assembly\r\nBcc: all@example.com\nX', 'Line 1\nLine 2')!;
    const subject = new URLSearchParams(href.slice('mailto:?'.length)).get('subject');
    expect(subject).toBe('Assembly Bcc: all@example.com X');
    expect(href).not.toMatch(/subject=[^&]*%0[AD]/i);
    expect(href).toContain('body=Line%201%0D%0ALine%202');
  });
});

describe('7. extreme dates', () => {
  it('event dates outside 1970–2200 are refused everywhere they are read', () => {
    for (const date of ['0000-01-01', '9999-12-31', '1969-12-31', '2201-01-01']) {
      expect(restorePlan({ ...plan(), event: { ...plan().event, date } }).ok).toBe(false);
      expect(parseDay(date)).toBeNull();
      expect(validateDate(date).ok).toBe(false);
    }
    for (const date of ['1970-01-01', '2200-12-31']) {
      expect(restorePlan({ ...plan(), event: { ...plan().event, date } }).ok).toBe(true);
      expect(parseDay(date)).not.toBeNull();
      expect(validateDate(date).ok).toBe(true);
    }
  });
});

describe('8. translation keys from outside', () => {
  it('a key that names no guide text is dropped and the plain text kept', () => {
    const p = plan();
    const step = p.checklist.sections[0]!.steps[0]!;
    const item = p.runOfShow.items[0]!;
    const hostile: Plan = {
      ...p,
      checklist: {
        sections: [
          {
            ...p.checklist.sections[0]!,
            titleKey: 'common:plans.title',
            steps: [
              {
                ...step,
                textKey: 'step',
                text: 'Book the hall',
                originKey: 'constructor',
                links: [
                  { url: 'https://hourofcode.com/', labelKey: 'common:plans.title', label: 'Home' },
                  { url: 'https://code.org/promote', labelKey: 'link.pressKit', label: '' },
                ],
              },
            ],
          },
        ],
      },
      runOfShow: { items: [{ ...item, titleKey: 'item.video.extra', title: 'Film' }] },
    };
    const restored = restorePlan(hostile);
    if (!restored.ok) throw new Error('expected the plan to be read');
    const section = restored.plan.checklist.sections[0]!;
    expect(section.titleKey).toBeNull();
    expect(section.steps[0]).toMatchObject({
      textKey: null,
      originKey: null,
      text: 'Book the hall',
    });
    // A link's label key is checked too: an unknown one falls back to the label as written.
    expect(section.steps[0]!.links).toEqual([
      { url: 'https://hourofcode.com/', labelKey: null, label: 'Home' },
      { url: 'https://code.org/promote', labelKey: 'link.pressKit', label: '' },
    ]);
    expect(restored.plan.runOfShow.items[0]).toMatchObject({ titleKey: null, title: 'Film' });
    // The guide's own keys stay, and the plan is the same object when nothing changed.
    const fine = restorePlan(p);
    expect(fine.ok && fine.plan.checklist.sections[1]!.steps[0]!.textKey).toBe(
      p.checklist.sections[1]!.steps[0]!.textKey,
    );
  });

  it('every key a template writes names an English guide text', () => {
    const guide = JSON.parse(readFileSync('locales/en/guide.json', 'utf8')) as Record<
      string,
      Record<string, unknown>
    >;
    expect(GUIDE_TEXT_KEYS.size).toBeGreaterThan(20);
    for (const key of GUIDE_TEXT_KEYS) {
      const [group, name] = key.split('.') as [string, string];
      expect(guide[group]?.[name], key).toEqual(expect.any(String));
    }
  });
});

describe('9. smaller cases', () => {
  it('a title of only zero-width characters counts as blank', () => {
    // Hangul fillers, the braille blank and direction controls show nothing either.
    for (const title of [
      '\u200B\u200B',
      '\u200C \u200D',
      '\uFEFF',
      '\u2060\u00AD',
      '\u3164\u3164',
      '\u115F\u1160',
      '\u2800',
      '\uFFA0',
      '\u202E\u2066',
    ]) {
      expect(restorePlan({ ...plan(), title }).ok).toBe(false);
      expect(validateTitle(title).ok).toBe(false);
    }
    expect(validateTitle('\u200BAssembly').ok).toBe(true);
  });

  it('pasted text starting with a byte-order mark is read like the file', () => {
    const text = `\uFEFF${serializePlan(plan(), options)}`;
    expect(readPlanFile(text).ok).toBe(true);
    expect(readImportText(text).ok).toBe(true);
  });

  it('CSV cells LibreOffice would run after spaces, and full-width signs, are neutralised', async () => {
    const p = plan();
    const titles = [
      ' =1+1',
      '  =HYPERLINK("x")',
      '＝1+1',
      '\u3000=1+1',
      '\u00A0+1',
      ' @SUM(1)',
      '=1',
    ];
    const hostile: Plan = {
      ...p,
      runOfShow: {
        items: titles.map((title, i) => ({
          ...p.runOfShow.items[0]!,
          id: `i${i}`,
          titleKey: null,
          title,
        })),
      },
    };
    const texts: CsvTexts = {
      headers: ['Start', 'End', 'Minutes', 'What', 'Who', 'Note'],
      formatTime: (m) => String(m),
      translate: (_k, f) => f,
      delimiter: ',',
    };
    const csv = await runOfShowCsv(hostile, texts);
    const cells = csv
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(',')[3]);
    for (const [i, title] of titles.entries())
      expect(cells[i]).toBe(`"'${title.replace(/"/g, '""')}"`);
    expect(FORMULA_START.test('Welcome = hello')).toBe(false);
    expect(FORMULA_START.test('10 - 20 min')).toBe(false);
  });

  it('the refusal of a too-long list reads as English', () => {
    const en = JSON.parse(readFileSync('locales/en/common.json', 'utf8')) as {
      fileError: { field: Record<string, string>; problem: Record<string, string> };
    };
    for (const list of ['items', 'steps', 'sections']) {
      const sentence = en.fileError.problem.tooBig!.replace('{{field}}', en.fileError.field[list]!);
      expect(sentence).toMatch(/^the list of .* is too long/);
    }
  });
});

describe('5. runs that do not hold together are left out, whatever else the plan holds', () => {
  it('a damaged run is never the one going on, and a new run can start beside it', () => {
    const plan = createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());
    const good = startShow(plan, Date.parse('2026-12-07T09:00:00Z'));
    const damaged = { ...good, id: 'damaged', current: 99 };
    expect(activeRun([damaged])).toBeUndefined();
    expect(usableRuns([damaged, good])).toEqual([good]);
    const next = { ...good, id: 'next' };
    expect(addRun([damaged], next)).toEqual([damaged, next]);
    expect(activeRun(addRun([damaged], next))).toBe(next);
  });
});

describe('a copy sent mid-show', () => {
  it('imports with the run going on ended where it stood, never running for the reader', () => {
    const p = plan();
    const start = Date.parse('2026-12-07T09:00:00Z');
    const running = nextItem(startShow(p, start), start + 5 * 60_000);
    const copy = prepareImport({ ...p, shows: [running] }, new Set(), () => 'fresh');
    const [run] = copy.shows;
    expect(activeRun(copy.shows)).toBeUndefined();
    expect(run!.finishedAt).toBe('2026-12-07T09:05:00.000Z');
    expect(showProblem(run!)).toBeNull();
    expect(showReport(run!).actualMinutes).toBe(5);
    // A finished run and a plan with no run going on are taken as they are.
    const done = finishShow(running, start + 9 * 60_000);
    const plain = { ...p, shows: [done] };
    expect(prepareImport(plain, new Set(), () => 'fresh')).toBe(plain);
  });
});
