import { createStore } from 'zustand/vanilla';
import { STORAGE_KEY } from '@/data/storage-key';

/*
 * How many plans there are, known before the store's code is in when this browser has no plans
 * saved at all (a first visit): the plans page's empty state ("No plans yet") then works at once,
 * without waiting for the store and the plan's logic. With plans saved (or storage that can't be
 * read), the count is unknown (null) until the store has read them; the store reports it then
 * and after every change (app-store.ts: a new plan, a delete, another tab's plan, a link's).
 * Tiny and apart from the store, so the first page can read it.
 */

function countAtStart(): number | null {
  // The build's prerender: the page as a first visit sees it.
  if (typeof window === 'undefined') return 0;
  try {
    return window.localStorage.getItem(STORAGE_KEY) === null ? 0 : null;
  } catch {
    // Storage that can't be read: the list finds out, and says so.
    return null;
  }
}

const planCount = createStore<number | null>()(() => countAtStart());

export const getPlanCount = planCount.getState;
export const subscribePlanCount = planCount.subscribe;

const known = new Promise<void>((resolve) => {
  if (planCount.getState() !== null) resolve();
  else planCount.subscribe(() => resolve());
});

/** Resolves once the count is known (at once on a first visit). */
export function planCountKnown(): Promise<void> {
  return known;
}

/** Called by the app's store with the number of plans it holds, at first and after every change. */
export function reportPlanCount(next: number): void {
  planCount.setState(next, true);
}
