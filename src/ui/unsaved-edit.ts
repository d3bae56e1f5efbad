/*
 * Forms that keep what is typed until the user saves (the step editor, a new step, a new name)
 * mark themselves while they hold unsaved text. Before the app reloads into a new version it
 * looks for such a form: reloading then would throw the typing away.
 */
const ATTRIBUTE = 'data-unsaved';

/** Spread on a form: `<form {...unsavedMark(text !== saved)}>`. */
export function unsavedMark(unsaved: boolean): { [ATTRIBUTE]?: 'true' } {
  return unsaved ? { [ATTRIBUTE]: 'true' } : {};
}

/** The first form with unsaved typing, if any. */
export function findUnsavedEdit(root: ParentNode = document): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[${ATTRIBUTE}]`);
}

/** Brings the unsaved form into view and puts focus in its first field. */
export function focusUnsavedEdit(form: HTMLElement): void {
  const field = form.querySelector<HTMLElement>('input, textarea, select');
  (field ?? form).focus();
  form.scrollIntoView?.({ block: 'center' });
}
