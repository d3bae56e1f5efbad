/**
 * Opens (or brings forward) the plan's stage screen in a window of its own, to drag onto a
 * projector or a second display. One window per plan: opening again reuses it.
 */
export function openStageWindow(planId: string): void {
  const win = window.open(
    `/plans/${encodeURIComponent(planId)}/stage`,
    `hoc-stage-${planId}`,
    'popup,width=1280,height=720',
  );
  win?.focus();
}
