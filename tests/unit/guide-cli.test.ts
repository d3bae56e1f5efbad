import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlanFile } from '@/plan/file-format';
import { runGuide as runInProcess } from '../../scripts/guide';

/*
 * The terminal door (npm run guide), on real files. A plan written is run as a person runs it, in
 * a child process; the refusals run the same code in this process (each child takes two to three
 * seconds of the machine, most of it loading modules), through the function the terminal calls.
 */

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

/** A run in this process: what it printed, and its exit code. */
function runHere(args: string[]): Run {
  let stdout = '';
  let stderr = '';
  const status = runInProcess(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { status, stdout, stderr };
}

beforeAll(() => {
  writeFileSync(png, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
  writeFileSync(empty, '');
  written = runGuide([
    '--lang',
    'nb',
    // Both forms of an option's value: apart, and after "=".
    '--date=2026-12-08',
    '--out',
    officials,
    fixture('nb-officials.md'),
    fixture('nn-events.md'),
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

  it('exits 1 with a clear message, writing nothing, when a file is no guide', () => {
    const out = never;
    const run = runHere([
      '--out',
      out,
      fixture('ky-events.md'),
      png,
      empty,
      fixture('not-a-guide.md'),
    ]);
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

  it.each([
    ['no --out', [fixture('nb-officials.md')], /^Missing --out\.\nUsage: npm run guide/],
    ['no guide', ['--out', never], /^No guide file given\.\nUsage:/],
    [
      'a date not YYYY-MM-DD',
      ['--out', never, '--date', '8.12.2026', fixture('nb-officials.md')],
      /^--date must be YYYY-MM-DD, not "8\.12\.2026"\.$/,
    ],
    ['an option without its value', ['--out'], /^--out needs a value\.\nUsage:/],
    ['an empty value', ['--out', '', fixture('nb-officials.md')], /^--out needs a value\.\nUsage:/],
    [
      'an option whose value is the next option',
      ['--title', '--out', never, fixture('nb-officials.md')],
      /^--title needs a value, not the option --out \(for a value that starts with "-", write --title=VALUE\)\.\nUsage:/,
    ],
    [
      'an option given twice',
      ['--out', never, '-o', `${never}.2`, fixture('nb-officials.md')],
      /^-o is given twice\.\nUsage:/,
    ],
    [
      'an unknown option',
      ['--out', never, '--colour', fixture('nb-officials.md')],
      /^Unknown option --colour\.\nUsage:/,
    ],
    [
      'a date that is no day',
      ['--out', never, '--date', '2026-13-45', fixture('nb-officials.md')],
      /^--date 2026-13-45 is not a day from 1970 to 2200\.$/,
    ],
    [
      'a date out of the years',
      ['--out', never, '--date', '9999-01-01', fixture('nb-officials.md')],
      /^--date 9999-01-01 is not a day from 1970 to 2200\.$/,
    ],
  ])('exits 2 on a usage error: %s', (_case, args, message) => {
    const run = runHere(args);
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr.trim()).toMatch(message);
    expect(() => readFileSync(never)).toThrow();
  });

  it('prints the usage and exits 0 on --help', () => {
    expect(runHere(['--help'])).toEqual({
      status: 0,
      stdout: expect.stringMatching(/^Usage: npm run guide -- .*--out PLAN\.hocplan\.json GUIDE/),
      stderr: '',
    });
  });

  it('never writes the plan over one of its guides', () => {
    const guide = join(work, 'guide.md');
    writeFileSync(guide, readFileSync(fixture('nb-officials.md')));
    const run = runHere(['--out', join(work, '.', 'guide.md'), guide]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      `--out ${join(work, '.', 'guide.md')} would write over the guide ${guide}.`,
    );
    expect(readFileSync(guide, 'utf8')).toBe(readFileSync(fixture('nb-officials.md'), 'utf8'));
  });

  it('reads only files: a device that never ends and a folder are refused at once', () => {
    const run = runHere(['--out', never, '/dev/zero', work]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      "/dev/zero: not a file (a folder, a device or a pipe); give a guide's file.",
    );
    expect(() => readFileSync(never)).toThrow();
  });

  it('takes what follows -- as files, whatever their names', () => {
    const run = runHere(['--out', never, '--', '--colour.md']);
    expect(run).toMatchObject({ status: 1, stdout: '' });
    expect(run.stderr.trim()).toBe('--colour.md: cannot read the file (ENOENT).');
  });
});
