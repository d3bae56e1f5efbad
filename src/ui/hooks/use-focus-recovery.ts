import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Keeps focus in a panel when the element that had it leaves the page: a Redo, Ctrl+Shift+Z or
 * another tab removed its row, or the bar it was in closed. The browser then puts focus on the
 * page itself, and a keyboard or screen-reader user starts again from the top.
 *
 * `remember` notes what is needed to find a neighbour when an element in the panel takes focus
 * (the row's place, say); `recover` gets that note once the element is gone and focus is on the
 * page, and returns what should take focus. It runs two frames later, so focus that the app or
 * dnd-kit moves itself (a dropped handle, focus after Undo) is never overridden; focus the user
 * took elsewhere (a click outside) is left alone.
 */
export function useFocusRecovery<Note>(
  panelRef: RefObject<HTMLElement | null>,
  remember: (element: HTMLElement) => Note,
  recover: (note: Note) => HTMLElement | null | undefined,
): void {
  const last = useRef<{ element: HTMLElement; note: Note } | null>(null);
  const latest = useRef({ remember, recover });
  useLayoutEffect(() => {
    latest.current = { remember, recover };
  });

  useEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    const onFocusIn = (event: FocusEvent) => {
      const element = event.target as HTMLElement;
      last.current = { element, note: latest.current.remember(element) };
    };
    const onFocusOut = (event: FocusEvent) => {
      const element = event.target as HTMLElement;
      // Still in the page: focus was moved, not lost (a removed element may report a focusout).
      queueMicrotask(() => {
        if (element.isConnected && last.current?.element === element) last.current = null;
      });
    };
    panel.addEventListener('focusin', onFocusIn);
    panel.addEventListener('focusout', onFocusOut);
    return () => {
      panel.removeEventListener('focusin', onFocusIn);
      panel.removeEventListener('focusout', onFocusOut);
    };
  }, [panelRef]);

  // After every render: the render that removed the element is one. A later render does not
  // cancel the frames asked for (it may come before them); leaving the page does.
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  useEffect(() => {
    const lost = last.current;
    if (!lost || lost.element.isConnected) return;
    last.current = null;
    frame.current = requestAnimationFrame(() => {
      frame.current = requestAnimationFrame(() => {
        const active = document.activeElement;
        if (active && active !== document.body) return;
        latest.current.recover(lost.note)?.focus();
      });
    });
  });
}
