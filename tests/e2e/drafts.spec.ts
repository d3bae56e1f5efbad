import { expect, expectAccessible, test } from './fixtures';

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
    await page.getByRole('dialog').locator('button[type=submit]').click();
    await expect(page).toHaveURL(/\/plans\/[^/]+$/);
    const planPath = new URL(page.url()).pathname;
    const place = await page.locator('input[maxlength="300"]').first().inputValue();

    await page.goto(`${planPath}/checklist`);
    const parentsLink = page.locator(`a[href="${planPath}/drafts/parents"]`);
    await parentsLink.click();
    await expect(page).toHaveURL(`${planPath}/drafts/parents`);
    const text = page.locator('textarea');
    await expect(text).toHaveValue(/2026-ж\., 7-декабрь, дүйшөмбү/);
    await expect(text).toHaveValue(new RegExp(place));
    await expect(text).toHaveValue(/10:00–11:05/);
    await expectAccessible(page, 'parents letter (ky)');

    await page.locator('.draft__actions .button--primary').click();
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toContain('2026-ж., 7-декабрь, дүйшөмбү');
    expect(clipboard).toContain(place);

    const sent = page.locator('.draft__sent input[type=checkbox]');
    await sent.check();
    await page.goto(`${planPath}/checklist`);
    const parentsStep = page
      .locator('li.step')
      .filter({ has: page.locator(`a[href="${planPath}/drafts/parents"]`) });
    await expect(parentsStep.locator('.step__check input[type=checkbox]')).toBeChecked();
  });
});
