import { GUIDE_LINKS } from '@/plan/links';
import type { GuideNotice } from './import-guide';

/*
 * The guides' template tags, `{{ name }}` and `<%= helper(args) %>`, replaced by what the
 * published page shows, before the Markdown or HTML is parsed (as the site's own renderer does).
 * Known helpers become absolute links; the campaign date becomes a placeholder that is filled in
 * once the guide's language is known; buttons, views and images disappear. Broken tags (a
 * missing `<` or `>`, spaces inside the opener, an opener with no closer) are repaired when the
 * helper can still be read, else removed; each is reported.
 */

const HOC = 'https://hourofcode.com';
const CODE_ORG = 'https://code.org';

/** Placeholders for the campaign date; private-use characters never appear in a guide. */
export const DATE_SHORT = '\uE000';
export const DATE_LONG = '\uE001';
export const DATE_YEAR = '\uE002';
export const PLACEHOLDERS = /[\uE000-\uE002]/g;

/** `{{ path }}` names the site's data; the ones the guides use, resolved. */
const KNOWN_PATHS: Record<string, string> = {
  'promote/videos': GUIDE_LINKS.videos,
  'promote/videos_url': GUIDE_LINKS.videos,
  'promote/stats_url': GUIDE_LINKS.stats,
  'promote/stats': GUIDE_LINKS.stats,
  'promote/press_kit_url': GUIDE_LINKS.pressKit,
  'promote/press_kit': GUIDE_LINKS.pressKit,
  'promote/resources_url': `${HOC}/promote/resources`,
  'promote/sample_emails': GUIDE_LINKS.sampleEmails,
  'localized_files/elected_official': GUIDE_LINKS.officialToolkit,
  'localized_files/one_pager': GUIDE_LINKS.onePager,
  'how_to/events_url': GUIDE_LINKS.eventsGuide,
};

/** Helpers that show something the plan has no use for (buttons, partial views, images). */
const DROPPED = new Set([
  'signup_button',
  'view',
  'partial',
  'render',
  'image',
  'image_tag',
  'images',
  'localized_image',
  'share_buttons',
]);

export interface TagUse {
  name: string;
  args: string[];
}

export interface TagResult {
  text: string;
  notices: GuideNotice[];
  /** Every helper seen, with its arguments: hints at the guide's kind (`title_press_kit`). */
  uses: TagUse[];
}

interface Expression {
  name: string;
  args: string[];
  end: number;
}

const IDENT = /[A-Za-z_][\w]*(?:\/[\w.-]+)*/y;
const SPACES = /[ \t]*/y;

function skipSpaces(text: string, at: number): number {
  SPACES.lastIndex = at;
  SPACES.exec(text);
  return SPACES.lastIndex;
}

/** One argument: a quoted string, a Ruby symbol, a number or a bare word. */
function readArgument(text: string, at: number): { value: string; end: number } | null {
  const quote = text[at];
  if (quote === "'" || quote === '"') {
    const close = text.indexOf(quote, at + 1);
    if (close < 0 || text.slice(at, close).includes('\n')) return null;
    return { value: text.slice(at + 1, close), end: close + 1 };
  }
  const match = /:?[\w./-]+/y;
  match.lastIndex = at;
  const found = match.exec(text);
  if (!found) return null;
  return { value: found[0].replace(/^:/, ''), end: match.lastIndex };
}

/** `name`, `a/b/c`, `name(args)`, `name :sym` or `name 'str'`. */
function readExpression(text: string, at: number): Expression | null {
  let pos = skipSpaces(text, at);
  IDENT.lastIndex = pos;
  const ident = IDENT.exec(text);
  if (!ident) return null;
  const name = ident[0];
  pos = IDENT.lastIndex;
  const args: string[] = [];
  const afterName = skipSpaces(text, pos);
  if (text[afterName] === '(') {
    pos = skipSpaces(text, afterName + 1);
    while (text[pos] !== ')') {
      const arg = readArgument(text, pos);
      if (!arg) return null;
      args.push(arg.value);
      pos = skipSpaces(text, arg.end);
      if (text[pos] === ',') pos = skipSpaces(text, pos + 1);
      else if (text[pos] !== ')') return null;
    }
    pos += 1;
  } else if (afterName > pos && /[:'"]/.test(text[afterName] ?? '')) {
    const arg = readArgument(text, afterName);
    if (arg) {
      args.push(arg.value);
      pos = arg.end;
    }
  }
  return { name, args, end: pos };
}

/** The address a URL helper gives for its argument. */
function resolveUrl(helper: string, arg: string): string | null {
  const value = arg.trim();
  if (/^https?:\/\//i.test(value)) return value;
  if (helper === 'codeorg_url' || helper === 'code_org_url') {
    return `${CODE_ORG}${value.startsWith('/') ? '' : '/'}${value}`;
  }
  if (value.startsWith('//')) return `https:${value}`;
  if (value.startsWith('/')) return `${HOC}${value}`;
  // "code.org/promote": a host name with a path, written without its scheme.
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(value)) return `https://${value}`;
  return `${HOC}/${value}`;
}

type Evaluated = { kind: 'text'; value: string } | { kind: 'unknown' } | { kind: 'removed' };

function evaluate(expression: Expression): Evaluated {
  const { name, args } = expression;
  const path = name.toLowerCase();
  if (DROPPED.has(path) || path.startsWith('view/')) return { kind: 'text', value: '' };
  if (
    path === 'resolve_url' ||
    path === 'hoc_uri' ||
    path === 'codeorg_url' ||
    path === 'code_org_url'
  ) {
    const url = resolveUrl(path, args[0] ?? '/');
    return url ? { kind: 'text', value: url } : { kind: 'removed' };
  }
  if (path === 'campaign_date' || path.startsWith('campaign_date/')) {
    const style = `${path.slice('campaign_date'.length)} ${args.join(' ')}`;
    if (/year/.test(style)) return { kind: 'text', value: DATE_YEAR };
    if (/full|long/.test(style)) return { kind: 'text', value: DATE_LONG };
    return { kind: 'text', value: DATE_SHORT };
  }
  // A translated string of the site's own: its text is not in the guide file.
  if (path === 'hoc_s' || path === 't' || path === 'i18n') return { kind: 'removed' };
  // Own keys only: `constructor` or `__proto__` name no helper.
  const known = Object.hasOwn(KNOWN_PATHS, path) ? KNOWN_PATHS[path] : undefined;
  if (known) return { kind: 'text', value: known };
  if (path.startsWith('localized_files/')) {
    return { kind: 'text', value: `${HOC}/files/${path.slice(16).replace(/_/g, '-')}.pdf` };
  }
  return { kind: 'unknown' };
}

/** Openers, proper and broken: `{{`, `{ {`, `<%`, `< %`, and `%=` without its `<`. */
const OPENER = /\{[ \t]?\{|<[ \t]*%[ \t]*[=-]?|%[ \t]*=/g;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

const short = (snippet: string) =>
  snippet.length > 80 ? `${snippet.slice(0, 77)}…` : snippet.replace(/\s+/g, ' ');

export function renderTemplateTags(input: string): TagResult {
  const text = input.replace(PLACEHOLDERS, '');
  const notices: GuideNotice[] = [];
  const uses: TagUse[] = [];
  let starts: number[] | null = null;
  const line = (offset: number) => lineOf((starts ??= lineStarts(text)), offset);
  let out = '';
  let last = 0;
  // The end of the current line, found once per line, not once per tag (a line of thousands of
  // openers would otherwise be scanned to its end for each).
  let lineEnd = -1;
  OPENER.lastIndex = 0;
  for (let found = OPENER.exec(text); found; found = OPENER.exec(text)) {
    const open = found.index;
    const opener = found[0];
    const curly = opener.startsWith('{');
    const bare = opener.startsWith('%');
    const brokenOpener = curly ? opener !== '{{' : bare || /\s/.test(opener);
    if (open > lineEnd) {
      const end = text.indexOf('\n', open);
      lineEnd = end < 0 ? text.length : end;
    }
    const expression = readExpression(text, open + opener.length);
    let end: number;
    let repaired = brokenOpener;
    let value = '';
    if (expression && expression.end <= lineEnd) {
      const after = skipSpaces(text, expression.end);
      const rest = text.slice(after, after + 3);
      if (curly) {
        if (rest.startsWith('}}')) end = after + 2;
        else if (rest.startsWith('}')) [end, repaired] = [after + 1, true];
        else [end, repaired] = [expression.end, true];
      } else if (rest.startsWith('%>')) end = after + 2;
      else if (/^%[ \t]*>/.test(rest)) [end, repaired] = [after + rest.indexOf('>') + 1, true];
      else if (rest.startsWith('%') || rest.startsWith('>')) [end, repaired] = [after + 1, true];
      else [end, repaired] = [expression.end, true];
      const result = evaluate(expression);
      uses.push({ name: expression.name, args: expression.args });
      const snippet = short(text.slice(open, end));
      if (result.kind === 'text') {
        value = result.value;
        if (repaired) notices.push({ code: 'tagRepaired', detail: snippet, line: line(open) });
      } else if (result.kind === 'unknown') {
        notices.push({ code: 'unknownHelper', detail: snippet, line: line(open) });
      } else {
        notices.push({ code: 'tagRemoved', detail: snippet, line: line(open) });
      }
    } else {
      // Unreadable: the whole tag goes when its closer is on the line, else just the opener.
      const closers = curly ? ['}}'] : ['%>', '%'];
      let close = -1;
      let closerLength = 0;
      // Looked for within 200 characters on the line only, so each search is short.
      const window = text.slice(open + opener.length, Math.min(lineEnd, open + 201));
      for (const closer of closers) {
        const found = window.indexOf(closer);
        const at = found < 0 ? -1 : open + opener.length + found;
        if (at >= 0) {
          close = at;
          closerLength = closer.length;
          break;
        }
      }
      end = close >= 0 ? close + closerLength : open + opener.length;
      notices.push({ code: 'tagRemoved', detail: short(text.slice(open, end)), line: line(open) });
    }
    out += text.slice(last, open) + value;
    last = end;
    OPENER.lastIndex = end;
  }
  out += text.slice(last);
  // Stray closers left by a broken opener.
  out = out.replace(/%>|\}\}/g, (closer) => {
    notices.push({ code: 'tagRemoved', detail: closer });
    return '';
  });
  return { text: out, notices, uses };
}
