import { newItem, newStep, type PlanDeps } from '@/plan/create-plan';
import { defaultEventDate, parseDay } from '@/plan/dates';
import { PLAN_FILE_EXTENSION } from '@/plan/file-format';
import { restorePlan } from '@/plan/restore';
import { LIMITS, type Plan, type Section } from '@/plan/schema';
import { formatCampaignDate } from './campaign-date';
import { decodeGuideBytes, decodeGuideText, GUIDE_MAX_BYTES } from './decode';
import { detectLanguage, directionOf, normalizeLanguageTag } from './language';
import { looksLikeHtml, parseHtmlGuide, parseMarkdown, type ParsedGuide } from './parse';
import { firstHeading, readGuide, type GuideModel } from './structure';
import { DATE_LONG, DATE_SHORT, DATE_YEAR, renderTemplateTags, type TagUse } from './template-tags';
import { cleanText, truncate } from './text';
import { formatTime } from './times';

/*
 * One importer, two doors: the app (through a dynamic import, never in the first page) and the
 * terminal (scripts/guide.ts) turn guide files into one plan through `importGuides`.
 * Per file: decode → template tags → language → parse (Markdown or HTML, one tree) → structure.
 * The plan is built from the guides' texts as written and checked by the same schema as every
 * stored or imported plan. Nothing here throws: a file that is no guide gives a refusal.
 */

export { GUIDE_MAX_BYTES };
// The guide dialog tells saved web pages (read on the page) from text (read in a worker) with it.
export { looksLikeHtml };

export interface GuideSource {
  /** File name as given ("events-guide.md", "pasted text"), used in messages. */
  name: string;
  /** The file's bytes: sniffed for binary, decoded as UTF-8 (BOM ok) or UTF-16 with a BOM. */
  bytes?: Uint8Array;
  /** Or text already decoded (paste). Exactly one of bytes/text. */
  text?: string;
  /** 'text/html' when the clipboard gave HTML or the file is .html/.htm; otherwise sniffed. */
  mediaType?: string;
}

export type GuideNoticeCode =
  | 'tagRepaired'
  | 'tagRemoved'
  | 'unknownHelper'
  | 'rowWithoutTimes'
  | 'unsafeLinkDropped'
  | 'stepTooLong'
  | 'truncated'
  /** A second guide's example agenda: the plan has one run of show, from the first guide. */
  | 'agendaNotUsed';

export interface GuideNotice {
  code: GuideNoticeCode;
  /** The raw snippet, short. */
  detail: string;
  line?: number;
}

export type GuideKind = 'events' | 'pressKit' | 'officials' | 'other';

export interface GuideSummary {
  file: string;
  title: string;
  lang: string | null;
  dir: 'ltr' | 'rtl';
  kind: GuideKind;
  sectionIds: string[];
  steps: number;
  ideas: number;
  links: number;
  agendaItems: number;
  notices: GuideNotice[];
}

/**
 * `tooComplex`: a file nested too deeply for the parsers, or (from the app, not the importer) one
 * that takes too long to read.
 */
export type GuideRefusalCode =
  'empty' | 'binary' | 'tooLarge' | 'encoding' | 'noSteps' | 'planFile' | 'tooComplex';
export interface GuideRefusal {
  file: string;
  code: GuideRefusalCode;
}

export type GuideImportResult =
  { ok: true; plan: Plan; guides: GuideSummary[] } | { ok: false; refusals: GuideRefusal[] };

export interface GuideImportOptions {
  /** Parses HTML into a Document: `new DOMParser()` in the browser, jsdom's in the terminal. */
  parseHtml: (html: string) => Document;
  /** The plan's event date when known ("YYYY-MM-DD"); else the same default as a new plan. */
  eventDate?: string;
  /** Plan title; else from the first guide's title. */
  title?: string;
  /** The guides' language when the user knows it (BCP 47); else read from each guide. */
  lang?: string;
  deps: PlanDeps;
}

/** Cheap sniff: a plan file (.hocplan.json, or JSON with the plan format's marker). */
export function isLikelyPlanFile(name: string, head: string): boolean {
  if (name.toLowerCase().endsWith(PLAN_FILE_EXTENSION)) return true;
  const start = head.replace(/^\uFEFF/, '').trimStart();
  return (
    start.startsWith('{') &&
    /"format"\s*:\s*"hour-of-code-(plan|backup)"/.test(start.slice(0, 4096))
  );
}

/** The site's words for the guides' kinds, as helper arguments and in titles. */
function detectKind(model: GuideModel, uses: TagUse[], title: string): GuideKind {
  const hints = uses
    .flatMap((use) => use.args)
    .join(' ')
    .toLowerCase();
  const urls = model.linkUrls.join(' ');
  const score = { events: 0, pressKit: 0, officials: 0 };
  if (/official/.test(hints)) score.officials += 3;
  if (/press_kit|press-kit|media/.test(hints)) score.pressKit += 3;
  if (/events?\b/.test(hints)) score.events += 3;
  for (const path of ['resources/proclamation', 'promote/op-ed', 'official-press-release']) {
    if (urls.includes(path)) score.officials += 1;
  }
  if (/mailto:press@/i.test(urls)) score.pressKit += 2;
  if (/\b(press|media|presse)\b|медиа|пресс|صحاف|إعلام/iu.test(title)) score.pressKit += 1;
  if (model.agenda.length > 0) score.events += 3;
  if (model.sections.some((section) => section.steps.some((step) => step.optional)))
    score.events += 1;
  const best = (Object.entries(score) as [GuideKind, number][]).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : 'other';
}

/** Words that say a text is about the Hour of Code, in the languages guides are written in. */
const HOUR_OF_CODE =
  /hour\s*of\s*code|hourofcode|code\.org|csedweek|kodetim|код\s*саат|час\s*кода|kod\s*saati|heure\s*de\s*code|hora\s*del?\s*código|stunde\s*des\s*code|ساعة\s*البرمجة|שעת\s*קוד/iu;

interface FileResult {
  ok: true;
  model: GuideModel;
  summary: Omit<GuideSummary, 'sectionIds' | 'steps' | 'ideas' | 'links' | 'agendaItems'>;
}

function readSource(
  source: GuideSource,
  options: GuideImportOptions,
  eventDate: string,
): FileResult | GuideRefusal {
  const file = source.name;
  const decoded =
    source.bytes !== undefined
      ? decodeGuideBytes(source.bytes)
      : decodeGuideText(source.text ?? '');
  if (!decoded.ok) return { file, code: decoded.code };
  if (isLikelyPlanFile(file, decoded.text.slice(0, 4096))) return { file, code: 'planFile' };
  const tags = renderTemplateTags(decoded.text);
  const notices = tags.notices;
  const html = looksLikeHtml(file, decoded.text, source.mediaType);
  let lang: string | null = normalizeLanguageTag(options.lang);
  const parsed = html ? parseHtmlGuide(tags.text, options.parseHtml) : parseMarkdown(tags.text);
  lang ??= normalizeLanguageTag(parsed.meta.lang);
  // Read from the structure's text, so markup and links don't count as words.
  lang ??= detectLanguage(cleanText(textOfTree(parsed)));
  // The campaign date is written in the guide's language, known only now.
  if (/[\uE000-\uE002]/.test(tags.text)) fillDates(parsed, eventDate, lang);
  const frontTitle = cleanText(parsed.meta.title ?? '');
  const title = truncate(frontTitle || firstHeading(parsed.tree) || file, LIMITS.titleLength);
  const model = readGuide(parsed.tree, title, notices);
  const steps = model.sections.reduce((n, section) => n + section.steps.length, 0);
  const required = model.sections.reduce(
    (n, section) => n + section.steps.filter((step) => !step.optional).length,
    0,
  );
  // Links written as paths resolve to the guides' site, so only the text as written counts.
  const aboutHourOfCode = tags.uses.length > 0 || HOUR_OF_CODE.test(decoded.text.slice(0, 200_000));
  // A README has numbered lists too: without any sign of the Hour of Code, only prose steps
  // (no code blocks) and at least three of them make a guide.
  if (required === 0 || steps === 0 || (!aboutHourOfCode && (model.hasCode || required < 3))) {
    return { file, code: 'noSteps' };
  }
  const dirHint = parsed.meta.dir?.toLowerCase();
  return {
    ok: true,
    model,
    summary: {
      file,
      title,
      lang,
      dir: dirHint === 'rtl' || dirHint === 'ltr' ? dirHint : directionOf(lang),
      kind: detectKind(model, tags.uses, title),
      notices,
    },
  };
}

/**
 * Texts of several lines (notes) are put together from cleaned pieces; a piece that a damaged
 * guide left starting with a heading mark ("# Førebuingar…", found by the property test) loses it
 * here, whatever path it came by.
 */
function withoutLineMarks(text: string): string {
  return text.replace(/^([ \t]*)(?:#{1,6}[ \t]+)+/gm, '$1');
}

/**
 * A tag broken across the pieces of a text ("<y" ending one line, "td>" starting a later one:
 * each piece was clean alone, found by the property test) is taken out of the whole text.
 */
function withoutSplitTags(text: string): string {
  for (let i = 0; i < 5; i += 1) {
    const next = text.replace(/<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/gi, ' ');
    if (next === text) break;
    text = next;
  }
  return text;
}

/**
 * Every plain text of the plan, once more through the cleaning, line by line: a text put
 * together from cleaned pieces (a bold lead and the words after it, a step's number taken off)
 * can join residue that no piece held ("**1. Plan <**% x" gives "Plan <% x"). One rule, every
 * field.
 */
function withoutMarksAnywhere(plan: Plan): Plan {
  // cleanText takes heading marks off each line's start too.
  const clean = (text: string) =>
    withoutSplitTags(text)
      .split('\n')
      .map((line) => (line.trim() ? cleanText(line) : ''))
      .join('\n')
      .trim();
  return {
    ...plan,
    title: clean(plan.title) || plan.title,
    notes: clean(plan.notes),
    event: { ...plan.event, place: clean(plan.event.place) },
    checklist: {
      sections: plan.checklist.sections.map((section) => ({
        ...section,
        title: clean(section.title),
        steps: section.steps.map((step) => ({
          ...step,
          text: clean(step.text),
          note: clean(step.note),
          links: step.links.map((link) => ({ ...link, label: clean(link.label) })),
        })),
      })),
    },
    runOfShow: {
      items: plan.runOfShow.items.map((item) => ({
        ...item,
        title: clean(item.title),
        note: clean(item.note),
      })),
    },
  };
}

/** Puts the campaign date, in the guide's language, where the template tags asked for it. */
function fillDates(parsed: ParsedGuide, eventDate: string, lang: string | null) {
  const dates: [string, string][] = [
    [DATE_SHORT, formatCampaignDate(eventDate, lang, 'short')],
    [DATE_LONG, formatCampaignDate(eventDate, lang, 'long')],
    [DATE_YEAR, formatCampaignDate(eventDate, lang, 'year')],
  ];
  const fill = (value: string) =>
    dates.reduce((text, [placeholder, date]) => text.replaceAll(placeholder, date), value);
  const walk = (node: { value?: unknown; url?: unknown; children?: unknown[] }) => {
    if (typeof node.value === 'string') node.value = fill(node.value);
    if (typeof node.url === 'string') node.url = fill(node.url);
    if (Array.isArray(node.children)) for (const child of node.children) walk(child as typeof node);
  };
  walk(parsed.tree);
  if (parsed.meta.title) parsed.meta.title = fill(parsed.meta.title);
}

function textOfTree(parsed: ParsedGuide): string {
  const parts: string[] = [];
  const walk = (node: { type: string; value?: unknown; children?: unknown[] }) => {
    if (node.type === 'yaml' || node.type === 'code' || node.type === 'html') return;
    if (typeof node.value === 'string') parts.push(node.value);
    if (Array.isArray(node.children)) {
      for (const child of node.children) walk(child as typeof node);
    }
  };
  walk(parsed.tree);
  return parts.join(' ');
}

export function importGuides(
  sources: GuideSource[],
  options: GuideImportOptions,
): GuideImportResult {
  try {
    return importGuidesUnguarded(sources, options);
  } catch (error) {
    // Defensive: nothing above is meant to throw, and the importer's promise is to never do so.
    // A file nested thousands deep ("> > > …") overflows the parsers' stack: it is too complex,
    // not "no guide".
    const code = error instanceof RangeError ? 'tooComplex' : 'noSteps';
    return { ok: false, refusals: sources.map((source) => ({ file: source.name, code })) };
  }
}

/** `importGuides` without its safety net: tests call it so that a throw would show. */
export function importGuidesUnguarded(
  sources: GuideSource[],
  options: GuideImportOptions,
): GuideImportResult {
  const { deps } = options;
  const eventDate =
    options.eventDate &&
    parseDay(options.eventDate) &&
    /^\d{4}-\d{2}-\d{2}$/.test(options.eventDate)
      ? options.eventDate
      : defaultEventDate(deps.now());
  if (sources.length === 0) return { ok: false, refusals: [] };
  const results = sources.map((source) => readSource(source, options, eventDate));
  const refusals = results.filter((result): result is GuideRefusal => !('ok' in result));
  if (refusals.length) return { ok: false, refusals };
  const read = results as FileResult[];

  const sections: Section[] = [];
  let totalSteps = 0;
  const summaries: GuideSummary[] = [];
  const notes: string[] = [];
  for (const { model, summary } of read) {
    const sectionIds: string[] = [];
    let stepCount = 0;
    let ideaCount = 0;
    let linkCount = 0;
    for (const guideSection of model.sections) {
      if (sections.length >= LIMITS.maxSections) {
        summary.notices.push({ code: 'truncated', detail: truncate(guideSection.title, 80) });
        continue;
      }
      // The whole checklist holds at most LIMITS.maxSteps: what is over is left out, and said.
      const room = Math.min(LIMITS.maxStepsPerSection, LIMITS.maxSteps - totalSteps);
      if (room <= 0 || guideSection.steps.length > room)
        summary.notices.push({ code: 'truncated', detail: truncate(guideSection.title, 80) });
      if (room <= 0) continue;
      const id = deps.newId();
      sectionIds.push(id);
      totalSteps += Math.min(room, guideSection.steps.length);
      const steps = guideSection.steps.slice(0, room).map((step) => {
        const [main, ...further] = step.links;
        if (further.length > LIMITS.maxLinksPerStep) {
          summary.notices.push({ code: 'truncated', detail: truncate(step.text, 80) });
        }
        const kept = further.slice(0, LIMITS.maxLinksPerStep);
        if (step.optional) ideaCount += 1;
        else stepCount += 1;
        linkCount += (main ? 1 : 0) + kept.length;
        return newStep(deps, {
          text: truncate(step.text, LIMITS.textLength),
          note: truncate(withoutLineMarks(step.note), LIMITS.noteLength),
          link: main?.url ?? null,
          links: kept.map((link) => ({
            url: link.url,
            labelKey: null,
            label: truncate(link.label, LIMITS.titleLength),
          })),
          optional: step.optional,
        });
      });
      sections.push({
        id,
        titleKey: null,
        title: truncate(
          withoutLineMarks(guideSection.title || summary.title).trim(),
          LIMITS.titleLength,
        ),
        steps,
      });
    }
    if (model.details.length) notes.push([summary.title, ...model.details].join('\n'));
    summaries.push({
      ...summary,
      sectionIds,
      steps: stepCount,
      ideas: ideaCount,
      links: linkCount,
      agendaItems: model.agenda.length,
    });
  }

  // The run of show from the first guide that has an agenda; its first time starts the event.
  const agendaIndex = read.findIndex(({ model }) => model.agenda.length > 0);
  const agendaGuide = read[agendaIndex]?.model;
  summaries.forEach((summary, index) => {
    const found = read[index]?.model.agenda.length ?? 0;
    if (index !== agendaIndex && found > 0) {
      // One event, one run of show: a second guide's example agenda is reported, not merged.
      summary.notices.push({ code: 'agendaNotUsed', detail: `${found}` });
      summary.agendaItems = 0;
    }
  });
  const agenda = (agendaGuide?.agenda ?? []).slice(0, LIMITS.maxItems);
  const agendaSummary = summaries[agendaIndex];
  if (agendaGuide && agendaSummary && agendaGuide.agenda.length > LIMITS.maxItems) {
    // A plan holds at most maxItems agenda items: the preview says the rest were left out.
    agendaSummary.notices.push({
      code: 'truncated',
      detail: truncate(agendaGuide.agenda[LIMITS.maxItems]!.title, 80),
    });
    agendaSummary.agendaItems = LIMITS.maxItems;
  }
  const items = agenda.map((item) =>
    newItem(deps, {
      title: truncate(item.title, LIMITS.textLength),
      durationMinutes: item.duration,
      fixedStart: item.fixedStart === null ? null : formatTime(item.fixedStart),
      link: item.link,
    }),
  );
  const startMinutes =
    agenda[0]?.start ??
    read.find(({ model }) => model.detailStart !== null)?.model.detailStart ??
    600;
  const place = read.find(({ model }) => model.place)?.model.place ?? '';
  const stamp = deps.now().toISOString();
  const title =
    truncate(cleanText(options.title ?? ''), LIMITS.titleLength) ||
    withoutLineMarks(summaries[0]?.title ?? '').trim() ||
    'Hour of Code';
  const plan = {
    id: deps.newId(),
    title,
    templateId: 'guide',
    event: {
      date: eventDate,
      startTime: formatTime(startMinutes),
      place,
      // The guide's own agenda sets the planned length, so a new plan never starts "over".
      targetMinutes: Math.min(
        LIMITS.maxTargetMinutes,
        items.reduce((total, item) => total + item.durationMinutes, 0) || 60,
      ),
      contactName: '',
      contactPhone: '',
      participants: null,
    },
    checklist: { sections },
    runOfShow: { items },
    notes: truncate(withoutLineMarks(notes.join('\n\n')), LIMITS.notesLength),
    drafts: {},
    shows: [],
    createdAt: stamp,
    updatedAt: stamp,
  } satisfies Plan;
  const restored = restorePlan(withoutMarksAnywhere(plan));
  if (!restored.ok) {
    return {
      ok: false,
      refusals: sources.map((source) => ({ file: source.name, code: 'noSteps' })),
    };
  }
  return { ok: true, plan: restored.plan, guides: summaries };
}
