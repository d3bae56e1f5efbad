import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlanFile } from '@/plan/file-format';

/* The terminal door (npm run guide), run as a person runs it: a child process on real files. */

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (file: string) => join(root, 'tests/fixtures/guides', file);
const work = mkdtempSync(join(tmpdir(), 'guide-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/*
 * `npm run guide` is `tsx scripts/guide.ts`: the same loader here (`node --import tsx`), without
 * the second process tsx's command starts. The runs start together, before the tests: each takes
 * a second or two, most of it loading modules, and the machine has a core free while one loads.
 */
function runGuide(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/guide.ts', ...args],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

const officials = join(work, 'officials.hocplan.json');
const never = join(work, 'never.hocplan.json');
const png = join(work, 'photo.png');
const empty = join(work, 'empty.md');
let written: Promise<Run>;
let refused: Promise<Run>;

beforeAll(() => {
  writeFileSync(png, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
  writeFileSync(empty, '');
  written = runGuide([
    '--lang',
    'nb',
    '--date',
    '2026-12-08',
    '--out',
    officials,
    fixture('nb-officials.md'),
    fixture('nn-events.md'),
  ]);
  refused = runGuide([
    '--out',
    never,
    fixture('ky-events.md'),
    png,
    empty,
    fixture('not-a-guide.md'),
  ]);
});

describe('npm run guide', () => {
  it('writes a plan file the app imports, and prints a summary and the warnings per file', async () => {
    const out = officials;
    const run = await written;
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      `Wrote ${out}: "Hvordan innføre Kodetimen i ditt lokalsamfunn." from 2 guides: 15 steps, 5 ideas, 18 links, 6 agenda items.`,
    );
    expect(lines).toContain(
      'nb-officials.md: officials, language nb, 9 steps, 0 ideas, 13 links, 0 agenda items, 13 warnings',
    );
    expect(lines).toContain(
      "  warning: line 26: broken template tag repaired: < % = campaign_date('short') %>",
    );
    const read = readPlanFile(readFileSync(out, 'utf8'));
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.plan.templateId).toBe('guide');
    expect(read.plan.event.date).toBe('2026-12-08');
    expect(read.plan.checklist.sections.map((section) => section.steps.length)).toEqual([
      9, 3, 2, 5, 1,
    ]);
    expect(read.plan.checklist.sections[0]!.steps[3]!.text).toContain('(8. desember)');
    expect(read.plan.runOfShow.items).toHaveLength(6);
  }, 60_000);

  it('exits 1 with a clear message, writing nothing, when a file is no guide', async () => {
    const out = never;
    const run = await refused;
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'No plan written.',
      'photo.png: this is a binary file (an image, a PDF, an archive…), not a guide',
      'empty.md: the file is empty',
      'not-a-guide.md: no steps found: this does not look like an Hour of Code guide',
    ]);
    expect(() => readFileSync(out)).toThrow();
  }, 60_000);
});
