import { expect, expectAccessible, test } from './fixtures';
import { createAssemblyPlan, openTab, pickUp } from './helpers';

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

  // In its section: the offer to spread late steps may name the same step.
  const inviteMedia = page
    .getByRole('region', { name: 'Media' })
    .getByRole('listitem')
    .filter({ hasText: 'Invite the media by email two weeks ahead' });
  await expect(inviteMedia).toContainText('Mon, Nov 23');
  await expect(inviteMedia).toContainText('tomorrow');

  // A week later: the media step moves with it.
  await openTab(page, 'Details');
  await page.getByLabel('Date', { exact: true }).fill('2026-12-14');
  await openTab(page, 'Checklist');
  await expect(inviteMedia).toContainText('Mon, Nov 30');
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
  // The caret at the end of the text: what is typed adds to it.
  expect(
    await page
      .getByRole('textbox', { name: 'Step', exact: true })
      .evaluate((field: HTMLTextAreaElement) => field.selectionStart === field.value.length),
  ).toBe(true);
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

test('another tab moves a step into the next section while it is being edited here: the editor stays, with the typing and the caret', async ({
  page,
  context,
  pageErrors: _,
}) => {
  const planPath = await createAssemblyPlan(page);
  const other = await context.newPage();
  await page.goto(`${planPath}/checklist`);
  await other.goto(`${planPath}/checklist`);
  const letter = /Send a letter to parents/;
  await page
    .getByRole('group', { name: new RegExp(`Actions for: ${letter.source}`) })
    .getByRole('button', { name: 'Edit' })
    .click();
  const owner = (region: string) =>
    page.getByRole('region', { name: region }).getByRole('combobox', { name: 'Who does it' });
  await owner('Prepare').fill('Ana Lund');
  await owner('Prepare').press('Home');
  await owner('Prepare').press('ArrowRight');
  await owner('Prepare').press('ArrowRight');
  await owner('Prepare').press('ArrowRight');
  // The other tab moves the letter down twice, at a person's pace: to the end of Prepare (here its
  // row moves within the list, and the field keeps focus), then past it into Media.
  const moveDown = () =>
    other
      .getByRole('group', { name: new RegExp(`Actions for: ${letter.source}`) })
      .getByRole('button', { name: /Move down/ })
      .click();
  await moveDown();
  const lastOfPrepare = page.getByRole('region', { name: 'Prepare' }).getByRole('listitem').last();
  await expect(lastOfPrepare.getByRole('combobox', { name: 'Who does it' })).toBeFocused();
  await moveDown();
  await expect(owner('Media')).toHaveValue('Ana Lund');
  await expect(owner('Media')).toBeFocused();
  await expect(owner('Prepare')).toHaveCount(0);
  await page.keyboard.type(' B.');
  await page.keyboard.press('Enter');
  const media = page.getByRole('region', { name: 'Media' });
  await expect(media.getByText('Who: Ana B. Lund')).toBeVisible();
  await expect(
    other.getByRole('region', { name: 'Media' }).getByText('Who: Ana B. Lund'),
  ).toBeVisible();
  await expectAccessible(page, 'checklist after an edit kept through a move');
});

test('drag a step by keyboard within its section and into the next, with announcements', async ({
  page,
  pageErrors: _,
}) => {
  const planPath = await createAssemblyPlan(page);
  await page.goto(`${planPath}/checklist`);
  const section = (name: string) => page.getByRole('region', { name, exact: true });
  const texts = (name: string) => section(name).locator('.steps > li .step__text').allInnerTexts();
  const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
  const activities = 'Plan group activities';

  // Space picks up, the arrows move (past the section's end into the next), Space drops.
  await section('Prepare')
    .getByRole('button', { name: new RegExp(`Drag to move step 4 in Prepare: ${activities}`) })
    .focus();
  await pickUp(page, status(/Picked up Plan group activities.*, position 4 of 4 in Prepare\./));
  await page.keyboard.press('ArrowDown');
  await expect(status(/position 1 of 7 in Media\./)).toBeAttached();
  await page.keyboard.press('ArrowDown');
  await expect(status(/position 2 of 7 in Media\./)).toBeAttached();
  await page.keyboard.press('Space');
  await expect(
    status(/Plan group activities.* dropped at position 2 of 7 in Media\./),
  ).toBeAttached();
  expect((await texts('Media'))[1]).toContain(activities);
  expect(await texts('Prepare')).toHaveLength(3);
  // Focus stays on the handle, now named by the step's new place.
  await expect(
    page.getByRole('button', { name: new RegExp(`Drag to move step 2 in Media: ${activities}`) }),
  ).toBeFocused();

  // Back up into Prepare, to its end; Escape on a second pick-up leaves it there.
  await pickUp(page, status(/Picked up Plan group activities.*, position 2 of 7 in Media\./));
  // One key at a time: each move is measured from where the last one left the step.
  await page.keyboard.press('ArrowUp');
  await expect(status(/position 1 of 7 in Media\./)).toBeAttached();
  await page.keyboard.press('ArrowUp');
  await expect(status(/position 4 of 4 in Prepare\./)).toBeAttached();
  await page.keyboard.press('Space');
  await expect.poll(() => texts('Prepare')).toHaveLength(4);
  expect((await texts('Prepare'))[3]).toContain(activities);
  // The step changed sections: its handle is a new element, which takes focus once it is there.
  // Each key waits for the last one's effect: keys pressed at machine speed would outrun the
  // sensor, which a person never does.
  const handle = page.getByRole('button', {
    name: new RegExp(`Drag to move step 4 in Prepare: ${activities}`),
  });
  await expect(handle).toBeFocused();
  await pickUp(page, status(/Picked up Plan group activities.*, position 4 of 4 in Prepare\./));
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(status(/position 3 of 4 in Prepare\./)).toBeAttached();
  await page.keyboard.press('Escape');
  await expect(status(/Cancelled\. Plan group activities.* is back where it was\./)).toBeAttached();
  expect((await texts('Prepare'))[3]).toContain(activities);
  await expectAccessible(page, 'checklist after dragging');

  // The move is one undoable edit.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await texts('Media'))[1]).toContain(activities);
});

test('on a phone, in Norwegian, focus stays on screen after a keyboard drop and after Ctrl+Z', async ({
  page,
  pageErrors: _,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const planPath = await createAssemblyPlan(page);
  await page.evaluate(() => localStorage.setItem('hoc-planner.language', 'nb'));
  await page.goto(`${planPath}/checklist`);
  await expect(page.getByRole('heading', { level: 2, name: 'Sjekkliste' })).toBeVisible();
  const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
  const prepare = page.getByRole('region', { name: 'Forberedelser', exact: true });

  // Step 2 (a long text here) taken two places down: its handle keeps focus in the new place,
  // which was below the bottom of the screen.
  await prepare.getByRole('button', { name: /^Dra for å flytte steg 2 i Forberedelser/ }).focus();
  await pickUp(page, status(/^Plukket opp .*, plass 2 av 4 i Forberedelser\./));
  for (const place of [3, 4]) {
    await page.keyboard.press('ArrowDown');
    await expect(
      status(new RegExp(`er nå på plass ${place} av 4 i Forberedelser\\.`)),
    ).toBeAttached();
  }
  await page.keyboard.press('Space');
  await expect(status(/ble sluppet på plass 4 av 4 i Forberedelser\./)).toBeAttached();
  const handle = prepare.getByRole('button', { name: /^Dra for å flytte steg 4 i Forberedelser/ });
  await expect(handle).toBeFocused();
  await expect(handle).toBeInViewport({ ratio: 1 });

  // Step 2 deleted, the bar dismissed (focus on the step now in its place), then Ctrl+Z: the step
  // comes back above the focused one and pushes it down.
  await prepare.getByRole('button', { name: 'Slett' }).nth(1).click();
  await page.getByRole('button', { name: 'Lukk', exact: true }).click();
  const focused = page.locator(':focus');
  await expect(focused).toHaveRole('checkbox');
  // With the focused step at the bottom of the screen, as reading down the list leaves it.
  await focused.evaluate((box) => box.scrollIntoView({ block: 'end' }));
  await page.keyboard.press('Control+z');
  await expect(prepare.getByRole('checkbox')).toHaveCount(4);
  await expect(focused).toBeInViewport({ ratio: 1 });
});

test('on a phone, keyboard drag moves one place a key, up past a section heading too', async ({
  page,
  pageErrors: _,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const planPath = await createAssemblyPlan(page);
  await page.goto(`${planPath}/checklist`);
  const section = (name: string) => page.getByRole('region', { name, exact: true });
  const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
  // Rows of different heights (a step's text wraps here): the arrows go by the list's order,
  // not by where the rows' edges are (on this screen ↑ from Media's first step did nothing).
  const first = await section('Media').locator('.steps > li .step__text').first().innerText();
  await section('Media')
    .getByRole('button', { name: /^Drag to move step 1 in Media/ })
    .focus();
  await pickUp(page, status(/Picked up .*, position 1 of 6 in Media\./));
  await page.keyboard.press('ArrowUp');
  await expect(status(/is now at position 5 of 5 in Prepare\./)).toBeAttached();
  await page.keyboard.press('ArrowUp');
  await expect(status(/is now at position 4 of 5 in Prepare\./)).toBeAttached();
  await page.keyboard.press('ArrowDown');
  await expect(status(/is now at position 5 of 5 in Prepare\./)).toBeAttached();
  await page.keyboard.press('Space');
  await expect(status(/dropped at position 5 of 5 in Prepare\./)).toBeAttached();
  await expect
    .poll(() => section('Prepare').locator('.steps > li .step__text').allInnerTexts())
    .toHaveLength(5);
  expect((await section('Prepare').locator('.steps > li .step__text').allInnerTexts())[4]).toBe(
    first,
  );
});
