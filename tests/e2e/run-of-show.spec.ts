import { expect, expectAccessible, test } from './fixtures';
import { createAssemblyPlan, pickUp } from './helpers';

test("the principal's 10 minutes become 15: everything after moves, 10 minutes over; undo puts it back", async ({
  page,
  pageErrors: _,
}) => {
  const planPath = await createAssemblyPlan(page);
  await page.goto(`${planPath}/run-of-show`);
  const times = page.locator('.ros-time');
  await expect(times).toHaveCount(6);
  await expectAccessible(page, 'run of show');

  const principal = page.getByRole('textbox', { name: 'Item 2: length in minutes' });
  await principal.fill('15');
  await principal.press('Enter');
  await expect(times).toHaveText([
    '10:00 AM–10:05 AM',
    '10:05 AM–10:20 AM',
    '10:20 AM–10:35 AM',
    '10:35 AM–10:45 AM',
    '10:45 AM–11:05 AM',
    '11:05 AM–11:10 AM',
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'over the planned' })).toHaveText(
    /5 minutes over the planned 65 minutes/,
  );

  await page
    .getByRole('group', { name: 'Undo and redo' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(times).toHaveText([
    '10:00 AM–10:05 AM',
    '10:05 AM–10:15 AM',
    '10:15 AM–10:30 AM',
    '10:30 AM–10:40 AM',
    '10:40 AM–11:00 AM',
    '11:00 AM–11:05 AM',
  ]);
  await expect(principal).toHaveValue('10');
  await expect(page.getByRole('status').filter({ hasText: 'Fits the planned' })).toHaveText(
    /Fits the planned 65 minutes exactly/,
  );
});

test('drag and drop by keyboard, with announcements; and by mouse', async ({
  page,
  pageErrors: _,
}) => {
  const planPath = await createAssemblyPlan(page);
  await page.goto(`${planPath}/run-of-show`);
  const title = (n: number) => page.getByRole('textbox', { name: `Item ${n}: what happens` });
  await expect(title(1)).toHaveValue('Opening: an inspiring video');

  // Keyboard: Space picks up, ArrowDown moves, Space drops.
  const handle = page.getByRole('button', { name: /Drag to reorder item 1/ });
  await handle.focus();
  await pickUp(
    page,
    page
      .getByRole('status')
      .filter({ hasText: /Picked up Opening: an inspiring video, position 1 of 6/ }),
  );
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('status').filter({ hasText: /position 2 of 6/ })).toBeAttached();
  await page.keyboard.press('Space');
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Opening: an inspiring video dropped at position 2 of 6.' }),
  ).toBeAttached();
  await expect(title(2)).toHaveValue('Opening: an inspiring video');
  await expect(title(1)).toHaveValue('The principal explains why computer science matters');
  await expect(page.locator('.ros-time').first()).toHaveText('10:00 AM–10:10 AM');

  // Mouse: drag the last item to the top (a tall window keeps both ends in view).
  await page.setViewportSize({ width: 1280, height: 1400 });
  const last = page.getByRole('button', { name: /Drag to reorder item 6/ });
  const first = page.getByRole('button', { name: /Drag to reorder item 1/ });
  const from = (await last.boundingBox())!;
  const to = (await first.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y - 20, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 2, { steps: 15 });
  await page.mouse.up();
  await expect(title(1)).toHaveValue(
    'Closing words from the teacher who brought the Hour of Code to the school',
  );
  await expectAccessible(page, 'run of show after reordering');
});

test('on a phone the agenda is readable and editable', async ({ page, pageErrors: _ }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const planPath = await createAssemblyPlan(page);
  await page.goto(`${planPath}/run-of-show`);
  const box = await page.getByRole('textbox', { name: 'Item 3: what happens' }).boundingBox();
  expect(box!.width).toBeGreaterThan(250);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page, 'run of show on a phone');
});
