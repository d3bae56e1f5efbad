/*
 * Ctrl+Z / Ctrl+Shift+Z (Cmd on macOS; Ctrl+Y too) for the plan's undo history, and when a text
 * field keeps them for the browser's own text undo instead.
 */

/**
 * Set by a field that commits its value (InlineField): "saved" while it holds exactly its
 * committed value, "draft" while there is typing that Enter or leaving the field would commit.
 */
export const DRAFT_ATTRIBUTE = 'data-draft';

export type DraftState = 'saved' | 'draft';

/** The attribute a committing field puts on its input, from its draft and committed value. */
export function draftAttributes(
  draft: string,
  committed: string,
): { [DRAFT_ATTRIBUTE]: DraftState } {
  return { [DRAFT_ATTRIBUTE]: draft === committed ? 'saved' : 'draft' };
}

const NOT_TEXT = ['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'];

/** True where typing happens: a text input, a textarea or editable content. */
export function isTextEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT.includes(target.type);
}

/**
 * True where the browser's own text undo should win: a text field with uncommitted typing, or one
 * that saves as you type (it does not say it is "saved"). A field holding exactly its committed
 * value leaves the keys to the plan: Enter committed an edit, Ctrl+Z undoes it.
 */
export function keepsTextUndo(target: EventTarget | null): boolean {
  if (!isTextEditing(target)) return false;
  return (target as HTMLElement).getAttribute(DRAFT_ATTRIBUTE) !== 'saved';
}

export type HistoryAction = 'undo' | 'redo';

type ShortcutEvent = Pick<
  KeyboardEvent,
  'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target'
>;

/** Which history action a key press asks for, if any (`mac`: Cmd instead of Ctrl). */
export function historyShortcut(event: ShortcutEvent, mac: boolean): HistoryAction | null {
  const mod = mac ? event.metaKey : event.ctrlKey;
  if (!mod || event.altKey || keepsTextUndo(event.target)) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}
