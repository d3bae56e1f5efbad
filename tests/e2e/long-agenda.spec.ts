import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { createAssemblyPlan, pickUp } from './helpers';
import { pdfText } from './pdf';

/**
 * An agenda far longer than a real event's (a whole school week): only the rows near the screen
 * are in the page, and nothing a person does may notice it.
 */
const ITEMS = 240;

async function openLongAgenda(page: Page, outputPath: string, count = ITEMS): Promise<string> {
  // Save a plan to a file, give it a long agenda, and import it as a second plan.
  const planPath = await createAssemblyPlan(page);
  await page.goto(`${planPath}/share`);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as a file' }).click();
  await (await downloadPromise).saveAs(outputPath);
  const file = JSON.parse(readFileSync(outputPath, 'utf8'));
  file.plan.id = 'long-agenda';
  file.plan.title = 'A week of coding';
  file.plan.runOfShow.items = Array.from({ length: count }, (_, i) => ({
    id: `item-${i + 1}`,
    titleKey: null,
    title: `Session ${i + 1}`,
    durationMinutes: 5,
    fixedStart: null,
    who: '',
    note: '',
    link: null,
  }));
  await page.goto('/');
  await page.getByRole('button', { name: 'Import a plan' }).click();
  await page.getByLabel('Plan file').setInputFiles({
    name: 'week.hocplan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(
    page.getByText('“\u2068A week of coding\u2069” was added to your plans.'),
  ).toBeVisible();
  await page.goto('/plans/long-agenda/run-of-show');
  await expect(page.getByRole('textbox', { name: 'Item 1: what happens' })).toHaveValue(
    'Session 1',
  );
  return new URL(page.url()).pathname;
}

/** Scrolls down with the mouse wheel, as a person would, until the field is in the page. */
async function scrollDownTo(page: Page, field: Locator) {
  await expect
    .poll(
      async () => {
        if ((await field.count()) === 0) await page.mouse.wheel(0, 400);
        return field.count();
      },
      { intervals: [50], timeout: 20_000 },
    )
    .toBeGreaterThan(0);
  await field.scrollIntoViewIfNeeded();
}

const title = (page: Page, n: number) =>
  page.getByRole('textbox', { name: `Item ${n}: what happens` });
const length = (page: Page, n: number) =>
  page.getByRole('textbox', { name: `Item ${n}: length in minutes` });

test('a 240-item agenda: rows near the screen only, edits anywhere, Tab walks on, typing survives a scroll', async ({
  page,
  pageErrors: _,
}, testInfo) => {
  const path = await openLongAgenda(page, testInfo.outputPath('plan.hocplan.json'));
  await expect(
    page.getByText(
      `This agenda has ${ITEMS} items, so only the items near the screen are in the page.`,
    ),
  ).toBeVisible();
  const inPage = await page.locator('.ros-item').count();
  expect(inPage).toBeGreaterThan(5);
  expect(inPage).toBeLessThan(60);
  await expectAccessible(page, 'long agenda');

  // Typing not yet confirmed stays while the row is scrolled far away and back.
  await title(page, 2).fill('Opening, still typing');
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, 100_000);
  await expect(title(page, ITEMS)).toBeVisible();
  await expect(title(page, 2)).toBeFocused();
  // The focused row stays in the page, but not every row between it and the screen.
  expect(await page.locator('.ros-item').count()).toBeLessThan(60);
  await page.mouse.wheel(0, -100_000);
  await expect(title(page, 2)).toHaveValue('Opening, still typing');
  await expect(title(page, 2)).toBeFocused();
  await title(page, 2).press('Enter');

  // The last item, far below: lengthen it; the agenda's end moves by the difference.
  await page.getByRole('button', { name: '+ Add an item' }).scrollIntoViewIfNeeded();
  await expect(length(page, ITEMS)).toBeVisible();
  const total = page.getByRole('status').filter({ hasText: 'over the planned' });
  await expect(total).toContainText('10:00 AM–6:00 AM');
  await length(page, ITEMS).fill('65');
  await length(page, ITEMS).press('Enter');
  await expect(total).toContainText('10:00 AM–7:00 AM');
  await expectAccessible(page, 'long agenda, scrolled to the end');

  // Tab from the top walks through rows that were not in the page when it started.
  await page.mouse.wheel(0, -100_000);
  await title(page, 1).focus();
  for (let i = 0; i < 4 * 40; i += 1) await page.keyboard.press('Tab');
  // Five stops a row (handle, title, length, who, more): 32 rows on.
  await expect(title(page, 33)).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);

  // A new item from a row's menu takes focus at once, deep in the agenda.
  await length(page, 35).focus();
  await page.getByRole('button', { name: /^More for item 35/ }).click();
  await page.getByRole('button', { name: 'Insert below' }).click();
  await expect(title(page, 36)).toBeFocused();
  await expect(title(page, 36)).toHaveValue('New item');
  // It takes focus once: scrolled away and back later, its row leaves the focus where it is.
  await page.mouse.wheel(0, -100_000);
  await title(page, 1).focus();
  await page.mouse.wheel(0, 100_000);
  await expect(title(page, ITEMS)).toBeVisible();
  await page.mouse.wheel(0, -100_000);
  await expect(title(page, 1)).toBeFocused();
  await scrollDownTo(page, title(page, 36));
  await expect(title(page, 36)).toBeVisible();
  await expect(title(page, 1)).toBeFocused();

  // Everything is in storage: after a reload the edits are there.
  // Writes are batched: wait until the last edit (the inserted item) is in storage.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const stored = JSON.parse(localStorage.getItem('hoc-planner.plans') ?? '{}') as {
          state?: { plans?: { id: string; runOfShow: { items: { title: string }[] } }[] };
        };
        const plan = stored.state?.plans?.find((p) => p.id === 'long-agenda');
        const items = plan?.runOfShow.items ?? [];
        return [items.length, items[1]?.title];
      }),
    )
    .toEqual([ITEMS + 1, 'Opening, still typing']);
  await page.goto(path);
  await expect(title(page, 2)).toHaveValue('Opening, still typing');
  await page.getByRole('button', { name: '+ Add an item' }).scrollIntoViewIfNeeded();
  await expect(length(page, ITEMS + 1)).toHaveValue('65');
});

test('a long agenda reorders by keyboard drag and by the row menu, and prints every item', async ({
  page,
  pageErrors: _,
}, testInfo) => {
  await openLongAgenda(page, testInfo.outputPath('plan.hocplan.json'));
  const handle = page.getByRole('button', { name: /Drag to reorder item 3\b/ });
  await handle.focus();
  await pickUp(
    page,
    page.getByRole('status').filter({ hasText: /Picked up Session 3, position 3 of 240/ }),
  );
  // Down 20 places, past the rows that were in the page when the drag began.
  for (let position = 4; position <= 23; position += 1) {
    await page.keyboard.press('ArrowDown');
    await expect(
      page.getByRole('status').filter({ hasText: new RegExp(`position ${position} of 240`) }),
    ).toBeAttached();
  }
  await page.keyboard.press('Space');
  await expect(
    page.getByRole('status').filter({ hasText: 'Session 3 dropped at position 23 of 240.' }),
  ).toBeAttached();
  await expect(title(page, 23)).toHaveValue('Session 3');
  await expect(title(page, 22)).toHaveValue('Session 23');

  await page.getByRole('button', { name: /^More for item 23\b/ }).click();
  await page.getByRole('button', { name: 'Move up' }).click();
  await expect(title(page, 22)).toHaveValue('Session 3');
  await expect(page.getByRole('button', { name: 'Move up' })).toBeFocused();

  // Delete item 40: focus goes to Undo, at the top, far from the row. Dismiss then puts focus
  // on the item now in its place, whose row comes back into the page for it.
  const moreFor40 = page.getByRole('button', { name: /^More for item 40\b/ });
  await expect(async () => {
    await page.mouse.wheel(0, 400);
    await expect(moreFor40).toBeInViewport({ timeout: 500 });
  }).toPass();
  await moreFor40.click();
  await page.getByRole('button', { name: 'Delete' }).click();
  const bar = page.getByRole('status').filter({ hasText: 'The item was deleted.' });
  await expect(bar.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(bar.getByRole('button', { name: 'Dismiss' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(title(page, 40)).toBeFocused();
  await expect(title(page, 40)).toHaveValue('Session 41');
  await expect(title(page, 40)).toBeInViewport();
  // Its title as it was, not selected: a key typed next does not replace it.
  expect(
    await title(page, 40).evaluate((field: HTMLTextAreaElement) =>
      field.value.slice(field.selectionStart, field.selectionEnd),
    ),
  ).toBe('');

  // Printed from the editor itself (Ctrl+P), the paper has every item, not only those on screen.
  const pdf = testInfo.outputPath('editor.pdf');
  await page.pdf({ path: pdf });
  const printed = pdfText(pdf);
  expect(printed).toContain('Session 1');
  expect(printed).toContain(`Session ${ITEMS}`);
  expect(printed).not.toContain('near the screen'); // the editor's own text

  await page.getByRole('link', { name: 'Print', exact: true }).click();
  await expect(page).toHaveURL(/\/print$/);
  await expect(page.getByText(`Session ${ITEMS}`, { exact: true })).toBeAttached();
});

test('an agenda shrinking below the limit keeps its rows: focus, typing and open details stay', async ({
  page,
  pageErrors: _,
}, testInfo) => {
  const path = await openLongAgenda(page, testInfo.outputPath('plan.hocplan.json'), 60);
  await expect(page.getByText('This agenda has 60 items', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: /^More for item 1:/ }).click();
  await title(page, 2).fill('Still typing');

  // Another tab deletes the last item: 59 items, every row in the page again.
  const other = await page.context().newPage();
  await other.goto(path);
  await other.mouse.move(640, 400);
  await scrollDownTo(other, other.getByRole('button', { name: /^More for item 60:/ }));
  await other.getByRole('button', { name: /^More for item 60:/ }).click();
  await other.getByRole('button', { name: 'Delete' }).click();
  await other.close();

  await expect(page.getByText('This agenda has', { exact: false })).toBeHidden();
  await expect(page.locator('.ros-item')).toHaveCount(59);
  await expect(title(page, 2)).toBeFocused();
  await expect(title(page, 2)).toHaveValue('Still typing');
  await expect(page.getByRole('button', { name: /^More for item 1:/ })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
});
