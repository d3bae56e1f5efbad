/*
 * npm run guide -- [--lang CODE] [--date YYYY-MM-DD] [--title TEXT] --out PLAN.hocplan.json GUIDE [GUIDE…]
 *
 * The terminal door to the same importer the app uses (src/guide/import-guide.ts): one plan file
 * in the app's export format from one or more guide files (Markdown or a saved HTML page).
 * Exits 1 when a file is no guide (nothing written), 2 on a usage error.
 */
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  openSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs as parseOptions } from 'node:util';
import type { JSDOM as Jsdom } from 'jsdom';
import {
  GUIDE_MAX_BYTES,
  importGuides,
  type GuideNotice,
  type GuideRefusalCode,
  type GuideSource,
} from '../src/guide/import-guide';
import { parseDay } from '../src/plan/dates';
import { serializePlan } from '../src/plan/file-format';
import { LIMITS } from '../src/plan/schema';

const USAGE =
  'Usage: npm run guide -- [--lang CODE] [--date YYYY-MM-DD] [--title TEXT] --out PLAN.hocplan.json GUIDE [GUIDE…]';

const REFUSALS: Record<GuideRefusalCode, string> = {
  empty: 'the file is empty',
  binary: 'this is a binary file (an image, a PDF, an archive…), not a guide',
  tooLarge: `the file is over ${GUIDE_MAX_BYTES / 1_048_576} MB; a guide is far smaller`,
  encoding: 'the text is in an encoding this tool cannot read (save it as UTF-8)',
  noSteps: 'no steps found: this does not look like an Hour of Code guide',
  planFile: 'this is a plan file: import it in the app instead',
  // The app's code for a file that takes too long to read; the terminal waits instead.
  tooComplex: 'the file is too complex to read as a guide',
};

const NOTICES: Record<string, string> = {
  tagRepaired: 'broken template tag repaired',
  tagRemoved: 'template tag removed',
  unknownHelper: 'unknown template helper removed',
  rowWithoutTimes: 'agenda row without times skipped',
  unsafeLinkDropped: 'unsafe or unreadable link dropped',
  stepTooLong: 'step text too long, the rest kept in its note',
  truncated: 'text or list cut to the plan’s limits',
};

/** Where a run writes: the terminal, or what a test reads. */
export interface GuideIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The end of a run before its end: the message is written, the exit code is `code`. */
class Exit {
  constructor(readonly code: number) {}
}
let io: GuideIo;

function fail(message: string, code: number): never {
  io.stderr(`${message}\n`);
  throw new Exit(code);
}

interface Args {
  lang?: string;
  date?: string;
  title?: string;
  out?: string;
  files: string[];
}

const OPTIONS = {
  lang: { type: 'string' },
  date: { type: 'string' },
  title: { type: 'string' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * The options, read by Node's own parser (`util.parseArgs`, `--` ends the options, `--out=FILE`
 * works); its tokens are checked here so that each mistake gets a message of its own: an
 * unknown option, an option given twice, an option whose value is missing or is the next option
 * (`--title --out plan.json` would otherwise take "--out" as the title).
 */
function parseArgs(argv: string[]): Args {
  const args: Args = { files: [] };
  const { tokens } = parseOptions({
    args: argv,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind === 'positional') {
      args.files.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const { name, rawName, value, inlineValue } = token;
    if (!Object.hasOwn(OPTIONS, name)) fail(`Unknown option ${rawName}.\n${USAGE}`, 2);
    if (name === 'help') {
      io.stdout(`${USAGE}\n`);
      throw new Exit(0);
    }
    const key = name as Exclude<keyof typeof OPTIONS, 'help'>;
    if (value === undefined || value === '') fail(`${rawName} needs a value.\n${USAGE}`, 2);
    if (!inlineValue && value.startsWith('-') && value !== '-')
      fail(
        `${rawName} needs a value, not the option ${value} (for a value that starts with "-", write ${rawName}=VALUE).\n${USAGE}`,
        2,
      );
    if (args[key] !== undefined) fail(`${rawName} is given twice.\n${USAGE}`, 2);
    args[key] = value;
  }
  return args;
}

/** The same file, through links and `..` (the path itself when it does not exist yet). */
function sameFile(a: string, b: string): boolean {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  };
  return real(a) === real(b);
}

/**
 * At most one byte past the limit is read, whatever the file says its size is: a 50 MB file is
 * refused without loading it. Only a regular file is read: a device (/dev/zero) never ends and a
 * pipe may never start.
 */
function readBounded(path: string): Uint8Array {
  if (!statSync(path).isFile()) throw Object.assign(new Error('not a file'), { code: 'NOTFILE' });
  const buffer = new Uint8Array(GUIDE_MAX_BYTES + 1);
  const fd = openSync(path, 'r');
  let length = 0;
  try {
    for (let read = -1; read !== 0 && length < buffer.length; length += read)
      read = readSync(fd, buffer, length, buffer.length - length, null);
  } finally {
    closeSync(fd);
  }
  return buffer.subarray(0, length);
}

const describe = (notice: GuideNotice) =>
  `${notice.line ? `line ${notice.line}: ` : ''}${NOTICES[notice.code] ?? notice.code}: ${notice.detail}`;

/*
 * HTML guides are parsed with jsdom's DOM. It takes about a second to load, so it is loaded when
 * a guide is HTML, not on every run.
 */
const require = createRequire(import.meta.url);
function parseHtml(html: string): Document {
  const { JSDOM } = require('jsdom') as { JSDOM: typeof Jsdom };
  return new JSDOM(html).window.document;
}

function main(argv: string[]) {
  const args = parseArgs(argv);
  if (!args.out) fail(`Missing --out.\n${USAGE}`, 2);
  if (args.files.length === 0) fail(`No guide file given.\n${USAGE}`, 2);
  if (args.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(args.date)) {
    fail(`--date must be YYYY-MM-DD, not "${args.date}".`, 2);
  }
  if (args.date !== undefined && !parseDay(args.date)) {
    fail(`--date ${args.date} is not a day from ${LIMITS.minYear} to ${LIMITS.maxYear}.`, 2);
  }
  const out = resolve(args.out);
  const overwritten = args.files.find((file) => sameFile(resolve(file), out));
  if (overwritten !== undefined)
    fail(`--out ${args.out} would write over the guide ${overwritten}.`, 2);
  const sources: GuideSource[] = [];
  for (const file of args.files) {
    try {
      sources.push({
        name: basename(file),
        bytes: readBounded(file),
        ...(/\.x?html?$/i.test(file) ? { mediaType: 'text/html' } : {}),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      fail(
        code === 'NOTFILE'
          ? `${file}: not a file (a folder, a device or a pipe); give a guide's file.`
          : `${file}: cannot read the file (${code ?? String(error)}).`,
        1,
      );
    }
  }
  const now = new Date();
  const result = importGuides(sources, {
    parseHtml,
    deps: { now: () => now, newId: randomUUID },
    ...(args.lang ? { lang: args.lang } : {}),
    ...(args.date ? { eventDate: args.date } : {}),
    ...(args.title ? { title: args.title } : {}),
  });
  if (!result.ok) {
    const lines = result.refusals.map((refusal) => `${refusal.file}: ${REFUSALS[refusal.code]}`);
    fail(`No plan written.\n${lines.join('\n')}`, 1);
  }
  const version = (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;
  try {
    writeFileSync(
      args.out,
      serializePlan(result.plan, {
        translate: (_key, fallback) => fallback,
        now,
        appVersion: version,
      }),
    );
  } catch (error) {
    fail(
      `${args.out}: cannot write the plan file (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
      1,
    );
  }
  const total = (key: 'steps' | 'ideas' | 'links' | 'agendaItems') =>
    result.guides.reduce((sum, guide) => sum + guide[key], 0);
  io.stdout(
    `Wrote ${args.out}: "${result.plan.title}" from ${result.guides.length} guide${result.guides.length === 1 ? '' : 's'}: ` +
      `${total('steps')} steps, ${total('ideas')} ideas, ${total('links')} links, ${total('agendaItems')} agenda items.\n`,
  );
  for (const guide of result.guides) {
    io.stdout(
      `${guide.file}: ${guide.kind}, language ${guide.lang ?? 'unknown'}, ${guide.steps} steps, ${guide.ideas} ideas, ` +
        `${guide.links} links, ${guide.agendaItems} agenda items, ${guide.notices.length} warning${guide.notices.length === 1 ? '' : 's'}\n`,
    );
    for (const notice of guide.notices) io.stdout(`  warning: ${describe(notice)}\n`);
  }
}

/**
 * One run, as `npm run guide -- …argv` makes it: returns the exit code (0 written, 1 no plan
 * written, 2 a usage error), having written its messages to `out`.
 */
export function runGuide(argv: string[], out: GuideIo): number {
  io = out;
  try {
    main(argv);
    return 0;
  } catch (error) {
    if (error instanceof Exit) return error.code;
    throw error;
  }
}

// Run from the terminal (not imported by a test): the process's own output and exit code.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = runGuide(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
