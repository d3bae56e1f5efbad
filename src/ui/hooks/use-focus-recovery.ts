import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Keeps focus in a panel when the element that had it leaves the page: a Redo, Ctrl+Shift+Z or
 * another tab removed its row, or a pointer drag moved the row to another list. The browser
 * then puts focus on the page itself, and a keyboard or screen-reader user starts again from the
 * top.
 *
 * `remember` notes what is needed to find a neighbour for an element in the panel (its row's id
 * and place, say), or null for an element that is not looked after. The note is taken when the
 * element takes focus and again after each render while it is in the page, so it follows edits
 * made elsewhere. Once the element is gone (seen as the panel's content changes, whatever
 * rendered it), `recover` gets the note and returns what should take focus, or null to leave it.
 * It runs two frames later, and only when focus is still on the page itself: focus that the app
 * or dnd-kit moves (a dropped handle, focus after Undo) is never overridden, and neither is focus
 * the user took elsewhere.
 */
export function useFocusRecovery<Note>(
  panelRef: RefObject<HTMLElement | null>,
  remember: (element: HTMLElement) => Note | null,
  recover: (note: Note) => HTMLElement | null | undefined,
): void {
  const last = useRef<{ element: HTMLElement; note: Note } | null>(null);
  const latest = useRef({ remember, recover });
  useLayoutEffect(() => {
    latest.current = { remember, recover };
    const noted = last.current;
    if (!noted?.element.isConnected) return;
    const note = remember(noted.element);
    last.current = note === null ? null : { element: noted.element, note };
  });

  useEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    let frame = 0;
    const onFocusIn = (event: FocusEvent) => {
      const element = event.target as HTMLElement;
      const note = latest.current.remember(element);
      last.current = note === null ? null : { element, note };
    };
    const onFocusOut = (event: FocusEvent) => {
      const element = event.target as HTMLElement;
      // The window losing focus (another tab, another program) blurs the element too; it is
      // still the one to come back to.
      if (!document.hasFocus()) return;
      // Still in the page: focus was moved, not lost (a removed element may report a focusout).
      queueMicrotask(() => {
        if (element.isConnected && last.current?.element === element) last.current = null;
      });
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
          latest.current.recover(lost.note)?.focus();
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
  }, [panelRef]);
}

/** The controls of a row a person can focus, in order: the same control in a row drawn anew. */
export function focusablesIn(row: Element): HTMLElement[] {
  return [
    ...row.querySelectorAll<HTMLElement>(
      'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])',
    ),
  ];
}
