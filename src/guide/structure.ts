import type {
  List,
  ListItem,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from 'mdast';
import type { GuideNotice } from './import-guide';
import { parseTimeRange } from './times';
import { safeHref } from '@/plan/links';
import { cleanText, nodeText, textOf, truncate } from './text';

/*
 * From the parsed guide to its plan parts. Steps come from the guide's numbering: numbered
 * headings (with a list under them: a section whose items are steps), numbered bold lines or
 * numbered list items (each one step, the text under it its note). A heading or bold line that
 * lost its number between two numbered ones still counts. A list item that only names a list
 * ("Other event ideas:") gives optional ideas. The first table with times is the run of show;
 * "Event / Date / Time / Location" lines fill the details.
 */

export interface GuideLink {
  url: string;
  label: string;
}

export interface GuideStep {
  text: string;
  note: string;
  links: GuideLink[];
  optional: boolean;
}

export interface GuideSection {
  title: string;
  steps: GuideStep[];
}

export interface GuideAgendaItem {
  title: string;
  start: number;
  duration: number;
  link: string | null;
  /** Minutes after midnight when the row does not follow on from the one before. */
  fixedStart: number | null;
}

export interface GuideModel {
  title: string;
  sections: GuideSection[];
  agenda: GuideAgendaItem[];
  place: string;
  /** Start from a "Time:" line, when there is no agenda. */
  detailStart: number | null;
  /** "Event: …", "Date: …" lines as written. */
  details: string[];
  hasCode: boolean;
  linkUrls: string[];
}

/** A step text longer than this is cut at its first sentence; the rest goes to the note. */
const STEP_TEXT_SOFT = 400;
const STEP_TEXT_MAX = 2000;
/** With a bold lead, a paragraph longer than this shows the lead as the step, the rest as note. */
const LEAD_SPLIT = 160;

const NUMBER = /^\(?(\d{1,2})\s*[.)\-:–—](?!\d)\s*/u;

const GUIDE_SITE = 'https://hourofcode.com';

type Marker =
  | { kind: 'heading'; index: number; depth: number; num: number | null; text: string }
  | { kind: 'pseudo'; index: number; num: number | null; lead: string; rest: Nodes[] }
  | { kind: 'item'; item: ListItem; num: number | null };

interface Context {
  notices: GuideNotice[];
  linkUrls: string[];
}

/** A link as it should be opened: absolute https on the guide's site when written as a path. */
export function resolveLink(raw: string, context: Context): string | null {
  const url = raw.trim();
  if (!url || url.startsWith('#')) return null;
  let resolved: URL;
  try {
    resolved = new URL(url, `${GUIDE_SITE}/`);
  } catch {
    context.notices.push({ code: 'unsafeLinkDropped', detail: truncate(url, 80) });
    return null;
  }
  if (!['http:', 'https:', 'mailto:'].includes(resolved.protocol)) {
    context.notices.push({ code: 'unsafeLinkDropped', detail: truncate(url, 80) });
    return null;
  }
  // The guides' own site: links written as plain http still open over https.
  if (
    resolved.protocol === 'http:' &&
    /(^|\.)(hourofcode\.com|code\.org)$/.test(resolved.hostname)
  ) {
    resolved.protocol = 'https:';
  }
  // A mail link keeps its address, subject and text only, as every link the app opens does.
  const href = resolved.protocol === 'mailto:' ? (safeHref(resolved.href) ?? '') : resolved.href;
  if (!href) {
    context.notices.push({ code: 'unsafeLinkDropped', detail: truncate(url, 80) });
    return null;
  }
  if (href.length > 2048) {
    context.notices.push({ code: 'truncated', detail: truncate(url, 80) });
    return null;
  }
  return href;
}

function collectLinks(nodes: Nodes[], context: Context, into: GuideLink[] = []): GuideLink[] {
  const walk = (node: Nodes) => {
    if (node.type === 'link') {
      const url = resolveLink(node.url, context);
      if (url) {
        context.linkUrls.push(url);
        if (!into.some((link) => link.url === url)) {
          into.push({ url, label: truncate(textOf(node), 200) });
        }
      }
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  nodes.forEach(walk);
  return into;
}

const meaningful = (nodes: PhrasingContent[]) =>
  nodes.filter(
    (node) =>
      !(node.type === 'text' && !node.value.trim()) &&
      node.type !== 'break' &&
      node.type !== 'html' &&
      node.type !== 'image',
  );

/** Joins a lead and the text after it, with a space where the source forgot one. */
const joinText = (lead: string, rest: string) =>
  !rest
    ? lead
    : !lead
      ? rest
      : /^[\p{L}\p{N}(]/u.test(rest) && !/\s$/.test(lead)
        ? `${lead} ${rest}`
        : `${lead}${rest}`;

interface Lead {
  lead: string;
  rest: string;
  restNodes: PhrasingContent[];
  /** The whole paragraph is bold (a pseudo-heading). */
  allBold: boolean;
}

function readLead(paragraph: Paragraph): Lead {
  const nodes = meaningful(paragraph.children);
  const first = nodes[0];
  if (first && first.type === 'strong') {
    const at = paragraph.children.indexOf(first);
    const restNodes = paragraph.children.slice(at + 1);
    const rest = cleanText(restNodes.map(nodeText).join('')).replace(/^[:：]\s*/, '');
    return { lead: textOf(first), rest, restNodes, allBold: rest === '' };
  }
  return { lead: '', rest: textOf(paragraph), restNodes: paragraph.children, allBold: false };
}

const stripNumber = (text: string) => text.replace(NUMBER, '').trim();
const numberOf = (text: string): number | null => {
  const match = NUMBER.exec(text);
  return match ? Number(match[1]) : null;
};
const stripColon = (text: string) => text.replace(/\s*[:：]\s*$/, '');

/** A step text kept short enough to read in a checklist; the rest goes to the note. */
function shapeStep(text: string, note: string, context: Context): { text: string; note: string } {
  let main = text;
  let rest = note;
  if (main.length > STEP_TEXT_SOFT) {
    const sentence = /^.{20,400}?[.!?。！？؟](?=\s)/su.exec(main);
    if (sentence) {
      rest = joinParts(main.slice(sentence[0].length).trim(), rest);
      main = sentence[0];
    } else if (main.length > STEP_TEXT_MAX) {
      context.notices.push({ code: 'stepTooLong', detail: truncate(main, 80) });
      rest = joinParts(main, rest);
      main = truncate(main, 300);
    }
  }
  if (rest.length > 5000) {
    context.notices.push({ code: 'truncated', detail: truncate(main, 80) });
    rest = truncate(rest, 5000);
  }
  return { text: main, note: rest };
}

const joinParts = (...parts: string[]) => parts.filter(Boolean).join('\n\n');

/** An item that only names the list under it: "Other event ideas:". */
function labelOf(item: ListItem): string | null {
  const [first, ...others] = item.children;
  if (!first || first.type !== 'paragraph') return null;
  if (!others.some((child) => child.type === 'list')) return null;
  const { lead, rest, allBold } = readLead(first);
  const text = joinText(lead, rest);
  if (!text || text.length > 80) return null;
  return allBold || /[:：]\s*$/.test(textOf(first)) ? stripColon(lead || rest) : null;
}

/** Text of a list's items as note lines ("• …"), nested lists indented. */
function listLines(list: List, depth = 0): string[] {
  const lines: string[] = [];
  for (const item of list.children) {
    const own = item.children
      .filter((child) => child.type !== 'list')
      .map((child) => textOf(child))
      .filter(Boolean)
      .join(' ');
    if (own) lines.push(`${'  '.repeat(depth)}• ${own}`);
    for (const child of item.children)
      if (child.type === 'list') lines.push(...listLines(child, depth + 1));
  }
  return lines;
}

interface Built {
  step: GuideStep | null;
  ideas: GuideSection[];
}

/**
 * One step from its lead (bold or numbered line), the text after it, and the blocks under it.
 * Lists under it that only name ideas become idea sections.
 */
function buildStep(
  lead: string,
  rest: string,
  body: Nodes[],
  linkNodes: Nodes[],
  context: Context,
): Built {
  const ideas: GuideSection[] = [];
  const noteParts: string[] = [];
  const linkSources: Nodes[] = [...linkNodes];
  let whole = joinText(lead, rest);
  let text = whole;
  if (lead && rest && whole.length > LEAD_SPLIT) {
    text = lead;
    noteParts.push(rest);
  }
  const addList = (list: List) => {
    const plain: ListItem[] = [];
    for (const item of list.children) {
      const label = labelOf(item);
      if (label !== null) {
        const steps: GuideStep[] = [];
        for (const child of item.children) {
          if (child.type !== 'list') continue;
          for (const idea of child.children) {
            const built = itemStep(idea, context);
            if (built.step) steps.push({ ...built.step, optional: true });
          }
        }
        if (steps.length) ideas.push({ title: label, steps });
      } else plain.push(item);
    }
    if (plain.length) {
      noteParts.push(listLines({ ...list, children: plain }).join('\n'));
      linkSources.push(...plain);
    }
  };
  for (const block of body) {
    if (block.type === 'list') addList(block);
    else if (block.type === 'table' || block.type === 'code' || block.type === 'html') continue;
    else {
      const blockText = textOf(block);
      if (blockText) noteParts.push(blockText);
      linkSources.push(block);
    }
  }
  if (!text) {
    // No line of its own: the first paragraph under it is the step.
    whole = noteParts.shift() ?? '';
    text = whole;
  }
  if (!text) return { step: null, ideas };
  const shaped = shapeStep(text, joinParts(...noteParts), context);
  return {
    step: { ...shaped, links: collectLinks(linkSources, context), optional: false },
    ideas,
  };
}

/** A list item as a step: its first paragraph is the step, the rest its note. */
function itemStep(item: ListItem, context: Context): Built {
  const [first, ...body] = item.children;
  if (first && first.type === 'paragraph') {
    const { lead, rest } = readLead(first);
    return buildStep(lead, rest, body, [first], context);
  }
  return buildStep('', '', item.children, [], context);
}

interface Block {
  node: RootContent;
  index: number;
}

function isPseudo(
  node: RootContent,
): { num: number | null; lead: string; rest: string; restNodes: PhrasingContent[] } | null {
  if (node.type !== 'paragraph') return null;
  const lead = readLead(node);
  if (lead.lead) {
    const num = numberOf(lead.lead);
    if (num !== null)
      return { num, lead: stripNumber(lead.lead), rest: lead.rest, restNodes: lead.restNodes };
    if (lead.allBold) return { num: null, lead: stripColon(lead.lead), rest: '', restNodes: [] };
    return null;
  }
  // "1- Do this" or "2: …": numbered lines CommonMark does not read as a list.
  const text = lead.rest;
  const num = /^\d{1,2}\s*[-:–—]\s*(?!\d)/u.test(text) ? numberOf(text) : null;
  return num !== null ? { num, lead: stripNumber(text), rest: '', restNodes: [] } : null;
}

/** Unnumbered markers between two numbered ones whose numbers leave a gap for them. */
function withLostNumbers<T extends { num: number | null }>(all: T[]): T[] {
  const result: T[] = [];
  let previous: number | null = null;
  for (let i = 0; i < all.length; i += 1) {
    const marker = all[i]!;
    if (marker.num !== null) {
      result.push(marker);
      previous = marker.num;
      continue;
    }
    if (previous === null) continue;
    const next = all.slice(i + 1).find((m) => m.num !== null);
    const between = all
      .slice(result.length ? all.indexOf(result[result.length - 1]!) + 1 : 0, i + 1)
      .filter((m) => m.num === null).length;
    if (next && next.num !== null && next.num - previous - 1 >= between) result.push(marker);
  }
  return result;
}

function headingText(node: RootContent): string {
  return node.type === 'heading' ? textOf(node) : '';
}

/** The guide's steps, sections and ideas. */
/** Where each section starts in the document, and the blocks the numbered steps took. */
interface Layout {
  at: Map<GuideSection, number>;
  covered: Set<number>;
}

function readSteps(root: Root, title: string, context: Context, layout: Layout): GuideSection[] {
  const blocks: Block[] = root.children.map((node, index) => ({ node, index }));
  const headingCounts = new Map<number, number>();
  for (const { node } of blocks) {
    if (node.type === 'heading' && numberOf(textOf(node)) !== null) {
      headingCounts.set(node.depth, (headingCounts.get(node.depth) ?? 0) + 1);
    }
  }
  const pseudoCount = blocks.filter(({ node }) => isPseudo(node)?.num != null).length;
  const ordered = blocks
    .filter(({ node }) => node.type === 'list' && node.ordered && node.children.length >= 2)
    .sort((a, b) => (b.node as List).children.length - (a.node as List).children.length)[0];
  const orderedCount = ordered ? (ordered.node as List).children.length : 0;
  let bestDepth = 0;
  let bestHeadings = 0;
  for (const [depth, n] of headingCounts) {
    if (n > bestHeadings || (n === bestHeadings && depth < bestDepth))
      [bestDepth, bestHeadings] = [depth, n];
  }
  const best = Math.max(bestHeadings, pseudoCount, orderedCount);
  if (best === 0) return [];

  // Numbered list items: each one step, in a section named by the heading above the list.
  if (orderedCount === best && bestHeadings < best && pseudoCount < best && ordered) {
    const list = ordered.node as List;
    const enclosing = [...blocks.slice(0, ordered.index)]
      .reverse()
      .find(({ node }) => node.type === 'heading');
    const section: GuideSection = {
      title: stripColon(enclosing ? headingText(enclosing.node) : title),
      steps: [],
    };
    const sections = [section];
    for (const item of list.children) {
      const built = itemStep(item, context);
      if (built.step) section.steps.push(built.step);
      sections.push(...built.ideas);
    }
    layout.covered.add(ordered.index);
    for (const found of sections) layout.at.set(found, ordered.index);
    return sections;
  }

  const useHeadings = bestHeadings === best;
  const candidates: Marker[] = [];
  for (const { node, index } of blocks) {
    if (useHeadings && node.type === 'heading' && node.depth === bestDepth) {
      const text = textOf(node);
      candidates.push({
        kind: 'heading',
        index,
        depth: node.depth,
        num: numberOf(text),
        text: stripNumber(text),
      });
    } else if (!useHeadings) {
      const pseudo = isPseudo(node);
      if (pseudo)
        candidates.push({
          kind: 'pseudo',
          index,
          num: pseudo.num,
          lead: pseudo.lead,
          rest: pseudo.restNodes,
        });
    }
  }
  const markers = withLostNumbers(candidates) as (Marker & { index: number })[];
  const endOf = (marker: Marker & { index: number }) => {
    for (let i = marker.index + 1; i < blocks.length; i += 1) {
      const node = blocks[i]!.node;
      if (node.type === 'heading' && (marker.kind !== 'heading' || node.depth <= marker.depth))
        return i;
      if (marker.kind === 'pseudo' && (isPseudo(node) || node.type === 'thematicBreak')) return i;
    }
    return blocks.length;
  };
  const bodies = markers.map((marker) =>
    blocks.slice(marker.index + 1, endOf(marker)).map(({ node }) => node),
  );
  for (const marker of markers) {
    for (let i = marker.index; i < endOf(marker); i += 1) layout.covered.add(i);
  }
  const withLists = bodies.filter((body) => body.some((node) => node.type === 'list')).length;

  const sections: GuideSection[] = [];
  if (useHeadings && withLists * 2 >= markers.length) {
    // Numbered headings with lists under them: each heading a section, its items the steps.
    markers.forEach((marker, m) => {
      const section: GuideSection = {
        title: marker.kind === 'heading' ? marker.text : '',
        steps: [],
      };
      const ideas: GuideSection[] = [];
      const body = bodies[m] ?? [];
      const hasList = body.some((node) => node.type === 'list');
      for (const node of body) {
        if (node.type === 'list') {
          for (const item of node.children) {
            const label = labelOf(item);
            if (label !== null) {
              const built = buildStep(
                '',
                '',
                [{ type: 'list', ordered: false, children: [item] } as List],
                [],
                context,
              );
              ideas.push(...built.ideas);
              continue;
            }
            const built = itemStep(item, context);
            if (built.step) section.steps.push(built.step);
            ideas.push(...built.ideas);
          }
        } else if (!hasList && node.type === 'paragraph') {
          const built = buildStep('', textOf(node), [], [node], context);
          if (built.step) section.steps.push(built.step);
        }
      }
      if (section.steps.length) sections.push(section);
      sections.push(...ideas);
      for (const found of [section, ...ideas]) layout.at.set(found, marker.index);
    });
    return sections;
  }

  // Numbered headings or bold lines, each a step; grouped under the heading above them.
  let current: GuideSection | null = null;
  let currentHeading = -1;
  markers.forEach((marker, m) => {
    const enclosing = [...blocks.slice(0, marker.index)]
      .reverse()
      .find(
        ({ node }) =>
          node.type === 'heading' && (marker.kind !== 'heading' || node.depth < marker.depth),
      );
    const headingIndex = enclosing?.index ?? -1;
    if (!current || headingIndex !== currentHeading) {
      current = { title: stripColon(enclosing ? headingText(enclosing.node) : title), steps: [] };
      currentHeading = headingIndex;
      sections.push(current);
      layout.at.set(current, marker.index);
    }
    const built =
      marker.kind === 'heading'
        ? buildStep(marker.text, '', bodies[m] ?? [], [blocks[marker.index]!.node], context)
        : marker.kind === 'pseudo'
          ? buildStep(
              marker.lead,
              cleanText(marker.rest.map(nodeText).join('')).replace(/^[:：]\s*/, ''),
              bodies[m] ?? [],
              [blocks[marker.index]!.node],
              context,
            )
          : { step: null, ideas: [] };
    if (built.step) current.steps.push(built.step);
    sections.push(...built.ideas);
    for (const found of built.ideas) layout.at.set(found, marker.index);
  });
  return sections.filter((section) => section.steps.length > 0);
}

function* walk(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children as Nodes[]) yield* walk(child);
}

/** The example agenda: the first table with times in its rows. */
function readAgenda(root: Root, context: Context): GuideAgendaItem[] {
  for (const node of walk(root)) {
    if (node.type !== 'table') continue;
    const rows = readTable(node, context);
    if (rows.length) return rows;
  }
  return [];
}

function readTable(table: Table, context: Context): GuideAgendaItem[] {
  const parsed: { title: string; start: number; end: number | null; link: string | null }[] = [];
  const missing: string[] = [];
  table.children.forEach((row, r) => {
    const cells = row.children.map((cell) => textOf(cell));
    const timeCell = cells.findIndex((cell) => parseTimeRange(cell) !== null);
    if (timeCell < 0) {
      const text = cells.filter(Boolean).join(' | ');
      // The header row names the columns; other rows without times are reported.
      if (r > 0 && text) missing.push(text);
      return;
    }
    const range = parseTimeRange(cells[timeCell] ?? '')!;
    const title = cells
      .filter((_, c) => c !== timeCell)
      .filter(Boolean)
      .join(' — ');
    const links = collectLinks([row], context);
    parsed.push({
      title: truncate(title, 2000),
      start: range.start,
      end: range.end,
      link: links[0]?.url ?? null,
    });
  });
  if (!parsed.length) return [];
  for (const text of missing)
    context.notices.push({ code: 'rowWithoutTimes', detail: truncate(text, 80) });
  const items: GuideAgendaItem[] = [];
  let expected: number | null = null;
  parsed.forEach((row, i) => {
    const next = parsed[i + 1];
    let duration = 0;
    if (row.end !== null) duration = (row.end - row.start + 1440) % 1440;
    if (duration <= 0 && next) duration = (next.start - row.start + 1440) % 1440;
    if (duration <= 0) duration = 10;
    duration = Math.min(720, Math.max(1, duration));
    const fixedStart = expected !== null && expected % 1440 !== row.start ? row.start : null;
    items.push({ title: row.title, start: row.start, duration, link: row.link, fixedStart });
    expected = row.start + duration;
  });
  return items;
}

const DETAIL_LABELS: [RegExp, 'place' | 'time' | 'date' | 'event'][] = [
  [
    /^(location|place|venue|where|stad|sted|lieu|ort|lugar|local|luogo|жер|орун|орду|место|yer|mekan|المكان|מקום)/iu,
    'place',
  ],
  [/^(time|tid|heure|zeit|hora|ora|время|убакт|saat|الوقت|שעה)/iu, 'time'],
  [/^(date|dato|datum|fecha|data|дата|күн|tarih|التاريخ|תאריך)/iu, 'date'],
  [
    /^(event|arrangement|événement|veranstaltung|evento|иш-чара|мероприятие|etkinlik|الحدث|אירוע)/iu,
    'event',
  ],
];

function readDetails(root: Root, model: GuideModel) {
  for (const node of root.children) {
    if (node.type !== 'paragraph') continue;
    let { lead, rest } = readLead(node);
    // Plain text (pasted, or a page without bold labels): "Location: the school hall".
    if (!lead) {
      const plain = /^([^:：]{2,30})[:：]\s*(\S.*)$/su.exec(rest);
      if (!plain) continue;
      [lead, rest] = [plain[1]!, plain[2]!];
    }
    const label = stripColon(lead);
    if (!lead || !rest || label.length > 30) continue;
    const kind = DETAIL_LABELS.find(([pattern]) => pattern.test(label))?.[1];
    if (!kind) continue;
    model.details.push(`${label}: ${rest}`);
    if (kind === 'place' && !model.place) model.place = truncate(rest, 300);
    if (kind === 'time' && model.detailStart === null)
      model.detailStart = parseTimeRange(rest)?.start ?? null;
  }
}

/**
 * Lists of advice under their own heading beside the numbered steps ("Key tips"): a section
 * each, its items the steps. Lists of nothing but links (navigation, resources) are left out.
 */
function readTips(root: Root, context: Context, layout: Layout): GuideSection[] {
  const sections: GuideSection[] = [];
  let heading: { text: string; depth: number } | null = null;
  root.children.forEach((node, index) => {
    if (node.type === 'heading') heading = { text: textOf(node), depth: node.depth };
    if (node.type !== 'list' || layout.covered.has(index) || !heading || heading.depth === 1)
      return;
    const prose = node.children.filter((item) => {
      const own = item.children.filter((child) => child.type !== 'list');
      const linkText = collectLinks(own, { notices: [], linkUrls: [] })
        .map((link) => link.label)
        .join('');
      return own.map((child) => textOf(child)).join('').length > linkText.length + 10;
    });
    if (prose.length * 2 < node.children.length) return;
    const section: GuideSection = { title: stripColon(heading.text), steps: [] };
    const ideas: GuideSection[] = [];
    for (const item of node.children) {
      const built = itemStep(item, context);
      if (built.step) section.steps.push(built.step);
      ideas.push(...built.ideas);
    }
    for (const found of [section, ...ideas]) {
      if (!found.steps.length) continue;
      layout.at.set(found, index);
      sections.push(found);
    }
  });
  return sections;
}

function readSections(root: Root, title: string, context: Context): GuideSection[] {
  const layout: Layout = { at: new Map(), covered: new Set() };
  const steps = readSteps(root, title, context, layout);
  // Advice lists only beside numbered steps: on their own they make no guide (a README's lists).
  if (!steps.some((section) => section.steps.length > 0)) return steps;
  const all = [...steps, ...readTips(root, context, layout)];
  return all
    .map((section, order) => ({ section, order, at: layout.at.get(section) ?? 0 }))
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .map(({ section }) => section);
}

export function readGuide(root: Root, title: string, notices: GuideNotice[]): GuideModel {
  const context: Context = { notices, linkUrls: [] };
  const model: GuideModel = {
    title,
    sections: readSections(root, title, context),
    agenda: readAgenda(root, context),
    place: '',
    detailStart: null,
    details: [],
    hasCode: false,
    linkUrls: context.linkUrls,
  };
  readDetails(root, model);
  for (const node of walk(root)) {
    if (node.type === 'code') model.hasCode = true;
    if (node.type === 'link') {
      const url = resolveLink(node.url, { notices: [], linkUrls: [] });
      if (url) model.linkUrls.push(url);
    }
  }
  return model;
}

/** The guide's own title: the first heading. */
export function firstHeading(root: Root): string {
  for (const node of root.children) if (node.type === 'heading') return textOf(node);
  return '';
}
