/*
 * "Texts follow the language": a step, item or section that came from a template keeps its
 * translation key and is translated when shown; once the user edits it, their text is kept as
 * written in every language (the key is dropped).
 */

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
