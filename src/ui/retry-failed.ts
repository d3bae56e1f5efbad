/*
 * Code (or date names) that failed to download is not asked for again by itself: React, retrying
 * a part that suspended, would otherwise meet a fresh attempt each time and ask the network again
 * and again, never showing the failure. A failed load keeps failing (the error page or the "could
 * not be downloaded" notice shows it) until the user asks again ("Try again", "Back to my plans",
 * any new visit): then every failed load is renewed at once.
 */
const renewals = new Set<() => void>();

/** Keeps `renew` for the next time the user asks to try again. */
export function renewOnRetry(renew: () => void): void {
  renewals.add(renew);
}

/** The user asked to try again: every load that failed may be asked for again. */
export function retryFailedLoads(): void {
  const pending = [...renewals];
  renewals.clear();
  for (const renew of pending) renew();
}
