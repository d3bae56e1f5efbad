/**
 * Runs `task` once the browser is idle (at the latest after `timeout` ms), or after `fallback`
 * ms where there is no `requestIdleCallback`. Returns a function that cancels it.
 */
export function whenIdle(
  task: () => void,
  { timeout = 5000, fallback = 1000 }: { timeout?: number; fallback?: number } = {},
): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => task(), { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, fallback);
  return () => clearTimeout(id);
}
