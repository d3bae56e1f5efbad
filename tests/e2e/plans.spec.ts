import { expect, expectAccessible, test } from './fixtures';
import { openTab } from './helpers';

test.describe('in Norwegian Bokmål', () => {
  test.use({ locale: 'nb-NO' });

  test('create a "School assembly" plan, reload, find it; switch to English and the guide texts follow', async ({
    page,
    pageErrors: _,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Mine planer' })).toBeVisible();
    await page.getByRole('button', { name: 'Lag din første plan' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expectAccessible(page, 'create dialog (nb)');
    await dialog.getByRole('textbox', { name: 'Navn på planen' }).fill('Kodetimen for 5B');
    await dialog.getByRole('button', { name: 'Lag plan' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Kodetimen for 5B' })).toBeVisible();
    await expectAccessible(page, 'plan details (nb)');
    const planUrl = page.url();

    await page.reload();
    await openTab(page, 'Program', 'Program');
    const times = page.locator('.ros-time');
    await expect(times).toHaveCount(6);
    await expect(times.first()).toHaveText('10:00–10:05');
    await expectAccessible(page, 'run of show (nb)');

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 2, name: 'Kodetimen for 5B' })).toBeVisible();

    await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
    // The switch is done (its texts and date names are in, and the choice is kept) once the page
    // shows it; only then does the next page start in English.
    await expect(page.getByRole('heading', { level: 1, name: 'My plans' })).toBeVisible();
    await page.goto(`${planUrl}/run-of-show`);
    await expect(page.getByRole('textbox', { name: 'Item 1: what happens' })).toHaveValue(
      'Opening: an inspiring video',
    );
    await expect(times.first()).toHaveText('10:00 AM–10:05 AM');
    await openTab(page, 'Checklist');
    await expect(page.getByRole('heading', { level: 3, name: 'Prepare' })).toBeVisible();
    await expectAccessible(page, 'checklist (en)');
  });
});

test('print page renders the plan', async ({ page, pageErrors: _ }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Create your first plan' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Create plan' }).click();
  await page.getByRole('link', { name: 'Print', exact: true }).click();
  await expect(page).toHaveURL(/\/print$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Hour of Code school assembly' }),
  ).toBeVisible();
  await expectAccessible(page, 'print page');
});

test('the dialogs, loaded when first opened, take focus and give it back', async ({
  page,
  pageErrors: _,
}) => {
  await page.goto('/');
  const focusIn = (name: string) =>
    expect
      .poll(() =>
        page
          .getByRole('dialog', { name })
          .evaluate((dialog) => dialog.contains(document.activeElement)),
      )
      .toBe(true);
  for (const [button, dialog] of [
    ['Import a plan', 'Import a plan'],
    ['Create your first plan', 'New plan'],
  ] as const) {
    const opener = page.getByRole('button', { name: button });
    // The first opening loads the dialog's code; the second finds it there.
    for (let time = 1; time <= 2; time++) {
      await opener.click();
      await focusIn(dialog);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect(opener).toBeFocused();
    }
  }
});
