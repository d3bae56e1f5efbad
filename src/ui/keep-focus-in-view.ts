/** Room left between the control and the screen's edge, in CSS pixels. */
const ROOM = 16;

/**
 * Brings the control that has focus back onto the screen once the page has changed around it.
 *
 * The browser scrolls to a control as it takes focus, not when it moves while keeping it. After
 * a keyboard drop the dragged row settles in its new place with its handle still focused, and an
 * undo that puts a step back above the focused one pushes it down: on a phone either could leave
 * focus below the bottom of the screen (seen at 390 px, in Norwegian's longer texts). Called
 * after such a change, this waits for the page to be laid out and for the rows' moves to finish
 * (dnd-kit animates a row into its place), then scrolls the page as little as shows the control
 * (and a little room past it), only if it is off the screen and still has focus.
 */
export function keepFocusInView(): void {
  if (typeof window === 'undefined' || typeof requestAnimationFrame !== 'function') return;
  const settled = async () => {
    const focused = document.activeElement;
    if (!(focused instanceof HTMLElement) || focused === document.body) return;
    // Moves that end (a row's transition); a spinner that never ends is not waited for.
    const moving = (document.getAnimations?.() ?? []).filter((animation) =>
      Number.isFinite(animation.effect?.getComputedTiming().endTime),
    );
    await Promise.allSettled(moving.map((animation) => animation.finished));
    if (document.activeElement !== focused) return;
    // The lists scroll with the page. A little room is left past the control: scrolled to the
    // very edge, a control at a fraction of a pixel can stay cut by that fraction.
    const { top, bottom } = focused.getBoundingClientRect();
    if (bottom > window.innerHeight) window.scrollBy({ top: bottom - window.innerHeight + ROOM });
    else if (top < 0) window.scrollBy({ top: top - ROOM });
  };
  // Two frames: the change is committed and laid out, and the rows' moves have begun.
  requestAnimationFrame(() => requestAnimationFrame(() => void settled()));
}
