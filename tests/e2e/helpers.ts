import { expect, type Locator, type Page } from '@playwright/test';

/** Creates a "School assembly" plan from the plans page (English UI) and returns its address. */
export async function createAssemblyPlan(
  page: Page,
  options: { date?: string; waitForSave?: boolean } = {},
): Promise<string> {
  await page.goto('/');
  await page
    .getByRole('button', { name: /Create your first plan|New plan/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'New plan' });
  if (options.date) await dialog.getByLabel('Date').fill(options.date);
  await dialog.getByRole('button', { name: 'Create plan' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Hour of Code school assembly' }),
  ).toBeVisible();
  const path = new URL(page.url()).pathname;
  if (options.waitForSave === false) return path;
  // Writes are batched (~300 ms): wait until the new plan is in storage (or storage is blocked).
  // Checked every 50 ms: the default steps (100, 250, 500, 1000 ms) often wait 0.5 s past it.
  const id = path.split('/').pop()!;
  await expect
    .poll(
      () =>
        page.evaluate((planId) => {
          try {
            return localStorage.getItem('hoc-planner.plans')?.includes(planId) ?? false;
          } catch {
            return true;
          }
        }, id),
      { intervals: [50] },
    )
    .toBe(true);
  return path;
}

/** Each tab of a plan (English names) and the heading its page shows. */
const TAB_HEADINGS: Record<string, string> = {
  Details: 'Event details',
  Checklist: 'Checklist',
  'Run of show': 'Run of show',
  Share: 'Share & print',
};

/**
 * Opens one of a plan's tabs and waits until its page is on screen: the tab is marked current and
 * the page's own heading shows. Until then the previous tab may still be displayed (the pages load
 * lazily), and a query by a loose label could find its fields instead of the new page's.
 */
export async function openTab(page: Page, tab: string, heading = TAB_HEADINGS[tab]) {
  if (!heading) throw new Error(`No heading known for the tab "${tab}": pass it.`);
  const link = page.getByRole('link', { name: tab, exact: true });
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
}

/**
 * Picks up the focused drag handle with Space, checks the pick-up is still what the live region
 * says once the drag has settled, and returns when the drag listens for arrow keys.
 *
 * dnd-kit announces the pick-up at once, but its keyboard sensor adds its key listener a timer
 * turn later (so the Space that started the drag is not also read as "drop"). Chromium may run
 * an input event before a waiting timer, so an arrow key sent the moment the announcement shows
 * can arrive before the listener and be lost; pressed with no wait, 4 to 7 keys in 10 were. A
 * person never presses that fast. Timers with the same delay run in the order they were set, so
 * once a timer set now has run, the sensor's has too. Two frames later dnd-kit has measured the
 * list and reported the item over its own place, which must not replace "Picked up …"
 * (src/ui/drag-announcements.ts).
 */
export async function pickUp(page: Page, announced: Locator) {
  await page.keyboard.press('Space');
  await expect(announced).toBeAttached();
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), 0);
      }),
  );
  expect(await announced.count(), 'the pick-up is still announced').toBe(1);
}
