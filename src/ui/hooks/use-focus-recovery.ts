import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Keeps focus in a panel of rows when the element that had it leaves the page: a Redo,
 * Ctrl+Shift+Z or another tab removed its row, or a pointer drag drew the row anew in another
 * list. The browser then puts focus on the page itself, and a keyboard or screen-reader user
 * starts again from the top.
 *
 * Rows carry their id in the `rowAttribute` data attribute (`data-step`, `data-item`). When a
 * control inside a row takes focus, `remember` notes what is needed to find a neighbour (the
 * row's place), or null for a row it does not look after; the note is taken again after each
 * render while the control is in the page, so it follows edits made elsewhere. Once the control
 * is gone (seen as the panel's content changes, whatever rendered it):
 * - its row still in the page (an editor closed): nothing, the row moves focus itself;
 * - its row drawn anew: the control at the same place in the new row (a text field with its
 *   caret where it was);
 * - its row gone: what `recover` returns, or nothing.
 * That runs two frames later, and only when focus is still on the page itself: focus that the
 * app or dnd-kit moves (a dropped handle, focus after Undo) is never overridden, and neither is
 * focus the user took elsewhere.
 */
export function useFocusRecovery<Note>(
  panelRef: RefObject<HTMLElement | null>,
  rowAttribute: `data-${string}`,
  remember: (rowId: string) => Note | null,
  recover: (note: Note) => HTMLElement | null | undefined,
): void {
  const last = useRef<{ element: HTMLElement; row: Noted<Note> } | null>(null);
  const latest = useRef({ remember, recover });
  /** The note of a control in a row, or null. */
  const noteOf = (element: HTMLElement): Noted<Note> | null => {
    const row = element.closest<HTMLElement>(`[${rowAttribute}]`);
    const id = row?.getAttribute(rowAttribute);
    const note = row && id !== null && id !== undefined ? latest.current.remember(id) : null;
    return row && id && note !== null
      ? { row, id, control: focusablesIn(row).indexOf(element), note }
      : null;
  };
  const noteRef = useRef(noteOf);
  useLayoutEffect(() => {
    latest.current = { remember, recover };
    noteRef.current = noteOf;
    const noted = last.current;
    if (!noted?.element.isConnected) return;
    const row = noteOf(noted.element);
    last.current = row === null ? null : { element: noted.element, row };
  });

  useEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    let frame = 0;
    const onFocusIn = (event: FocusEvent) => {
      const element = event.target as HTMLElement;
      const row = noteRef.current(element);
      last.current = row === null ? null : { element, row };
    };
    const onFocusOut = (event: FocusEvent) => {
      const element = event.target as HTMLElement;
      // The window losing focus (another tab, another program) blurs the element too; it is
      // still the one to come back to.
      if (!document.hasFocus()) return;
      // Still in the page: focus was moved, not lost (a removed element may report a focusout).
      // Unless it has focus again: React gives focus back to a field whose row it moved within
      // its list (a step moved a place by another tab), and that field is still the one noted.
      queueMicrotask(() => {
        if (
          element.isConnected &&
          document.activeElement !== element &&
          last.current?.element === element
        )
          last.current = null;
      });
    };
    const target = ({ row, id, control, note }: Noted<Note>) => {
      if (row.isConnected) return null;
      const anew = panel.querySelector(`[${rowAttribute}="${CSS.escape(id)}"]`);
      if (anew) return focusablesIn(anew)[control] ?? focusablesIn(anew)[0];
      return latest.current.recover(note);
    };
    const onChange = () => {
      const lost = last.current;
      if (!lost || lost.element.isConnected) return;
      last.current = null;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => {
          const active = document.activeElement;
          if (active && active !== document.body) return;
          const to = target(lost.row);
          to?.focus();
          if (to) keepCaret(lost.element, to);
        });
      });
    };
    const observer = new MutationObserver(onChange);
    observer.observe(panel, { childList: true, subtree: true });
    panel.addEventListener('focusin', onFocusIn);
    panel.addEventListener('focusout', onFocusOut);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      panel.removeEventListener('focusin', onFocusIn);
      panel.removeEventListener('focusout', onFocusOut);
    };
  }, [panelRef, rowAttribute]);
}

/** A focused control's row, the control's place in it, and what the view noted. */
interface Noted<Note> {
  row: HTMLElement;
  id: string;
  control: number;
  note: Note;
}

/** A text field drawn anew with the same text: the caret (or selection) where it was. */
function keepCaret(from: HTMLElement, to: HTMLElement) {
  const isText = (field: HTMLElement) =>
    field instanceof HTMLTextAreaElement ||
    (field instanceof HTMLInputElement && field.selectionStart !== null);
  if (!isText(from) || !isText(to)) return;
  const [was, now] = [from, to] as (HTMLInputElement | HTMLTextAreaElement)[];
  if (was!.value !== now!.value || was!.selectionStart === null || was!.selectionEnd === null)
    return;
  now!.setSelectionRange(was!.selectionStart, was!.selectionEnd, was!.selectionDirection ?? 'none');
}

/** The controls of a row a person can focus, in order: the same control in a row drawn anew. */
function focusablesIn(row: Element): HTMLElement[] {
  return [
    ...row.querySelectorAll<HTMLElement>(
      'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])',
    ),
  ];
}
