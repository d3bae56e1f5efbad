import { expect, expectAccessible, test } from './fixtures';
import { createAssemblyPlan, openTab } from './helpers';

test('tick three steps, reload, same progress; move the event date and the media step moves', async ({
  page,
  pageErrors: _,
}) => {
  await page.clock.setFixedTime(new Date('2026-11-22T10:00:00'));
  const planPath = await createAssemblyPlan(page, { date: '2026-12-07' });
  await openTab(page, 'Checklist');
  await expect(page).toHaveURL(`${planPath}/checklist`);

  const progress = page.getByRole('progressbar', { name: 'Checklist progress' });
  await expect(progress).toHaveAttribute('aria-valuetext', '0 of 14 done');
  for (const name of [
    'Pick the place, the date and the time of the event.',
    'Send a letter to parents about the event and ask them to tell others.',
    'Open with an inspiring video.',
  ]) {
    await page.getByRole('checkbox', { name }).check();
  }
  await expect(progress).toHaveAttribute('aria-valuetext', '3 of 14 done');
  await expect(progress).toHaveAttribute('aria-valuenow', '3');
  await expectAccessible(page, 'checklist with ticks');

  await page.reload();
  await expect(page.getByRole('progressbar', { name: 'Checklist progress' })).toHaveAttribute(
    'aria-valuetext',
    '3 of 14 done',
  );
  await expect(page.getByText('3 of 14 done')).toBeVisible();

  const inviteMedia = page
    .getByRole('listitem')
    .filter({ hasText: 'Invite the media by email two weeks ahead' });
  await expect(inviteMedia).toContainText('Mon 23 Nov');
  await expect(inviteMedia).toContainText('tomorrow');

  // A week later: the media step moves with it.
  await openTab(page, 'Details');
  await page.getByLabel('Date', { exact: true }).fill('2026-12-14');
  await openTab(page, 'Checklist');
  await expect(inviteMedia).toContainText('Mon 30 Nov');
  await expect(inviteMedia).toContainText('in 8 days');

  // Late steps are marked and can be listed on their own.
  await openTab(page, 'Details');
  await page.getByLabel('Date', { exact: true }).fill('2026-12-01');
  await openTab(page, 'Checklist');
  await expect(inviteMedia).toContainText('5 days late');
  await page.getByRole('combobox', { name: 'Show' }).selectOption('late');
  await expect(page).toHaveURL(/show=late/);
  await expect(page.getByRole('checkbox', { name: /Pick the place/ })).toHaveCount(0);
  await expectAccessible(page, 'checklist, late filter');
});

test('edit a step by keyboard only, with visible focus', async ({ page, pageErrors: _ }) => {
  const planPath = await createAssemblyPlan(page);
  await page.goto(`${planPath}/checklist`);
  await expect(page.getByRole('heading', { level: 2, name: 'Checklist' })).toBeVisible();
  const actions = page.getByRole('group', { name: /Actions for: Pick the place/ });
  await actions.getByRole('button', { name: 'Edit' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Step', exact: true })).toBeFocused();
  // Tab through the date's own parts (day, month, year) to the owner field.
  const owner = page.getByRole('combobox', { name: 'Who does it' });
  for (let i = 0; i < 6 && !(await owner.evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(owner).toBeFocused();
  await page.keyboard.type('Ana');
  await expectAccessible(page, 'step editor');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Who: Ana')).toBeVisible();
  await expect(actions.getByRole('button', { name: 'Edit' })).toBeFocused();
  const outline = await actions
    .getByRole('button', { name: 'Edit' })
    .evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
});
