import { expect, type Page } from '@playwright/test';

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
  const id = path.split('/').pop()!;
  await expect
    .poll(() =>
      page.evaluate((planId) => {
        try {
          return localStorage.getItem('hoc-planner.plans')?.includes(planId) ?? false;
        } catch {
          return true;
        }
      }, id),
    )
    .toBe(true);
  return path;
}
