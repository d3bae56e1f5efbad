import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './fixtures';

/*
 * The event date is set explicitly, never left to the default (the coming Computer Science
 * Education Week Monday, computed from today), so the letter's date doesn't depend on when the
 * journey runs. 14 January 2027 is a Thursday, unlike any default.
 */
const EVENT_DATE = '2027-01-14';
const EVENT_DATE_KY = '2027-ж., 14-январь, бейшемби';
const kyCommon = JSON.parse(readFileSync('locales/ky/common.json', 'utf8')) as {
  details: Record<string, string>;
};

test.describe('in Kyrgyz', () => {
  test.use({ locale: 'ky-KG' });

  test("open the parents' letter of a School assembly plan, copy it, mark it sent", async ({
    page,
    context,
    pageErrors: _,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
    await page.locator('.empty-state button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(kyCommon.details.date!, { exact: true }).fill(EVENT_DATE);
    await dialog.locator('button[type=submit]').click();
    await expect(page).toHaveURL(/\/plans\/[^/]+$/);
    const planPath = new URL(page.url()).pathname;
    const place = await page.locator('input[maxlength="300"]').first().inputValue();

    await page.goto(`${planPath}/checklist`);
    // The link names the step it is opened from, so "Sent" ticks that step.
    const parentsLink = page.locator(`a[href^="${planPath}/drafts/parents?step="]`);
    await expect(parentsLink).toBeVisible();
    await expectAccessible(page, 'checklist (ky)');
    await parentsLink.click();
    await expect(page).toHaveURL(new RegExp(`${planPath}/drafts/parents\\?step=[^&]+$`));
    const text = page.locator('textarea');
    await expect(text).toHaveValue(new RegExp(EVENT_DATE_KY.replace(/[.]/g, '\\.')));
    await expect(text).toHaveValue(new RegExp(place));
    await expect(text).toHaveValue(/10:00–11:05/);
    await expectAccessible(page, 'parents letter (ky)');

    await page.locator('.draft__actions .button--primary').click();
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toContain(EVENT_DATE_KY);
    expect(clipboard).toContain(place);

    const sent = page.locator('.draft__sent input[type=checkbox]');
    await sent.check();
    await expect(sent).toBeChecked();
    await expectAccessible(page, 'parents letter, copied and marked sent (ky)');
    await page.goto(`${planPath}/checklist`);
    const parentsStep = page
      .locator('li.step')
      .filter({ has: page.locator(`a[href^="${planPath}/drafts/parents?step="]`) });
    await expect(parentsStep.locator('.step__check input[type=checkbox]')).toBeChecked();
    await expectAccessible(page, 'checklist with the letter sent (ky)');
  });
});
