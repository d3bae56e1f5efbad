import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import {
  importGuides,
  type GuideImportOptions,
  type GuideImportResult,
} from '@/guide/import-guide';
import type { Plan } from '@/plan/schema';
import { testDeps } from './fixtures';

/** The four guide pages of the seeds, copied into the repository (see fixtures/guides/README.md). */
export const GUIDE_FIXTURES = {
  kyEvents: 'ky-events.md',
  kyPressKit: 'ky-press-kit.md',
  nnEvents: 'nn-events.md',
  nbOfficials: 'nb-officials.md',
} as const;

export const fixtureBytes = (file: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/guides/${file}`, import.meta.url)));

export const fixtureText = (file: string) => new TextDecoder().decode(fixtureBytes(file));

/*
 * HTML is parsed as the app parses it, with a DOMParser: jsdom's, from one window made once (a
 * new JSDOM per page costs three times as much, which the property tests pay a thousand times).
 */
const { DOMParser } = new JSDOM('').window;
export const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

export function guideOptions(overrides: Partial<GuideImportOptions> = {}): GuideImportOptions {
  return { parseHtml, deps: testDeps(), eventDate: '2026-12-07', ...overrides };
}

export function importFixture(
  file: string,
  overrides: Partial<GuideImportOptions> = {},
): GuideImportResult {
  return importGuides([{ name: file, bytes: fixtureBytes(file) }], guideOptions(overrides));
}

/** Every text of a plan a person reads: titles, steps, notes, link labels, agenda, details. */
export function plainTexts(plan: Plan): string[] {
  return [
    plan.title,
    plan.notes,
    plan.event.place,
    ...plan.checklist.sections.flatMap((section) => [
      section.title,
      ...section.steps.flatMap((step) => [
        step.text,
        step.note,
        ...step.links.map((link) => link.label),
      ]),
    ]),
    ...plan.runOfShow.items.flatMap((item) => [item.title, item.note]),
  ];
}

export function planLinks(plan: Plan): string[] {
  return [
    ...plan.checklist.sections.flatMap((section) =>
      section.steps.flatMap((step) => [step.link, ...step.links.map((link) => link.url)]),
    ),
    ...plan.runOfShow.items.map((item) => item.link),
  ].filter((link): link is string => link !== null);
}

/**
 * Template tags, Markdown syntax, HTML and entities that must never reach a plan's text. A `#`
 * only counts as a heading mark at the start of a line (hashtags such as #HourOfCode are text).
 */
export const RESIDUE =
  /\{\{|\}\}|<%|%>|%=|<[ \t]*%|\*\*|__|\]\(|!\[|<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>|&(nbsp|amp|lt|gt|quot|#\d+|#x[0-9a-f]+);|^\s*#{1,6}\s/im;

export function residueIn(plan: Plan): string[] {
  return plainTexts(plan).filter((text) => RESIDUE.test(text));
}
