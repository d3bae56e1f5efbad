import type guide from '../../locales/en/guide.json';

/*
 * "Texts follow the language": a step, item or section that came from a template keeps its
 * translation key and is translated when shown; once the user edits it, their text is kept as
 * written in every language (the key is dropped).
 */

type GuideTexts = typeof guide;
export type SectionName = keyof GuideTexts['section'];
export type StepName = keyof GuideTexts['step'];
export type ItemName = keyof GuideTexts['item'];
export type TemplateName = keyof GuideTexts['template'];
/** A step's further link, named by a key under `guide:link.`. */
export type LinkLabelKey = `link.${keyof GuideTexts['link']}`;

/**
 * A guide text a template puts into a plan, as the compiler knows it from the English `guide`
 * texts (the key-parity test holds the other languages to the same keys). Written in code, such a
 * key is checked by the type checker. A plan's keys are data too (read from storage, a file or a
 * link) and stay `string` in the schema: those are checked at run time against the templates'
 * keys (`GUIDE_TEXT_KEYS`, `withKnownKeys` in restore.ts), and shown with the stored text as
 * fallback.
 */
export type GuideTextKey =
  `section.${SectionName}` | `step.${StepName}` | `item.${ItemName}` | LinkLabelKey;

/** A translate function for the `guide` namespace, with a fallback for unknown keys. */
export type GuideTranslate = (key: string, fallback: string) => string;

export interface KeyedText {
  key: string | null;
  text: string;
}

export function resolveText({ key, text }: KeyedText, translate: GuideTranslate): string {
  return key ? translate(key, text) : text;
}

/** The fields to store after the user typed `value` over a keyed text. */
export function editedText(value: string): { key: null; text: string } {
  return { key: null, text: value };
}
