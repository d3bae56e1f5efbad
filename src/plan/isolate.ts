/**
 * A text put inside a sentence (a plan's title from a file, a name) kept apart from it: a
 * first-strong isolate, so that its own direction, or an override character it holds (U+202E),
 * can't turn the rest of the sentence around. The closing mark ends any override left open.
 */
export const isolated = (text: string): string => `\u2068${text}\u2069`;
