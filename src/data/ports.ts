/*
 * What the data layer needs from the browser, as small interfaces: the app passes the browser's
 * (`browser.ts`), tests pass fakes (tests/unit/fake-browser.ts), so persistence and the two-tab
 * sync run and are tested under node without a DOM.
 */

/** The part of the Web Storage API the planner uses: `localStorage`, or a fake. */
export type KeyValueStorage = Pick<
  Storage,
  'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'
>;

/** What the page tells the sync: another tab wrote a key, the page is hidden or closing. */
export interface PageSignals {
  /** Another tab changed `key` (or cleared storage). Returns a function that stops listening. */
  onOtherTabWrote(key: string, listener: () => void): () => void;
  /** The page is hidden (another tab, minimised) or being closed. */
  onLeave(listener: () => void): () => void;
  /** Whether the page is hidden now: a hidden tab does not write on its own. */
  isHidden(): boolean;
}

/** `setTimeout` and `clearTimeout`, or a fake clock. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
