/*
 * When the app cannot start (its code or its texts did not download: a dropped connection, a
 * server that lost a file), the painted page would otherwise sit there inert for good. The build
 * writes a notice into the page, in its language (scripts/prerender-plugin.ts): it is shown as an
 * alert, with a link that reloads the page. No React: it runs when React
 * could not be loaded.
 */
export function showStartFailure(error: unknown): void {
  const region = document.getElementById('start-failed');
  const message = document.getElementById('start-failed-message');
  if (region && message instanceof HTMLTemplateElement && !region.hasChildNodes()) {
    // An alert only now: an empty one waiting in the page would be one more alert for nothing.
    region.setAttribute('role', 'alert');
    region.append(message.content.cloneNode(true));
  }
  console.error('The planner could not start.', error);
}
