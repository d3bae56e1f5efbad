import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { createAssemblyPlan, openTab } from './helpers';

/*
 * The team round trip, in two browser profiles: the organizer sends the plan, a colleague ticks
 * what they did and adjusts times, and their copy comes back, first as a file, then as a link.
 * It merges into the organizer's plan: both sides' work is kept, the change made on both sides
 * is listed with "Use this one instead", and one Undo takes the merge back.
 */

const VENUE = 'Pick the place, the date and the time of the event.';
const PARENTS = 'Send a letter to parents about the event and ask them to tell others.';
const ACTIVITIES =
  'Plan group activities: an unplugged demonstration, or students showing what they have made.';

async function setName(page: Page, name: string) {
  await openTab(page, 'Share & print', 'Share & print');
  await page.getByRole('textbox', { name: 'Your name (optional)' }).fill(name);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('button', { name: 'Save name' })).toBeDisabled();
}

async function setLength(page: Page, item: number, minutes: string) {
  await openTab(page, 'Run of show');
  const field = page.getByRole('textbox', { name: `Item ${item}: length in minutes` });
  await field.fill(minutes);
  await field.press('Enter');
  await expect(field).toHaveValue(minutes);
}

async function tick(page: Page, step: string) {
  await openTab(page, 'Checklist');
  await page.getByRole('checkbox', { name: step }).check();
  await expect(page.getByRole('checkbox', { name: step })).toBeChecked();
}

async function saveFile(page: Page, path: string) {
  await openTab(page, 'Share & print', 'Share & print');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as a file' }).click();
  await (await download).saveAs(path);
}

/** Waits until the 300 ms write has reached storage, so a reload or another tab sees it. */
async function saved(page: Page, text: string) {
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('hoc-planner.plans') ?? ''))
    .toContain(text);
}

test('a colleague’s copy comes back by file and by link and merges into the one plan', async ({
  page,
  newContext,
  pageErrors: _,
}, testInfo) => {
  // The organizer makes the plan, gives a name and sends the file.
  const planPath = await createAssemblyPlan(page);
  await setName(page, 'Olga');
  const sent = testInfo.outputPath('sent.hocplan.json');
  await saveFile(page, sent);

  // The colleague, in a browser of their own, imports it and gives their name.
  const profile = await newContext({ locale: 'en-US' });
  const colleague = await profile.newPage();
  await colleague.goto('/');
  await colleague.getByRole('button', { name: 'Import a plan' }).click();
  await colleague.getByLabel('Plan file').setInputFiles(sent);
  await colleague.getByRole('link', { name: 'Open it' }).click();
  await expect(colleague.getByRole('heading', { level: 2, name: 'Event details' })).toBeVisible();
  await setName(colleague, 'Kari');

  // Both edit: different things, and the same length (the organizer first, the colleague later).
  await setLength(page, 3, '12');
  await tick(page, PARENTS);
  await tick(colleague, VENUE);
  await setLength(colleague, 2, '15');
  await setLength(colleague, 3, '20');
  const returned = testInfo.outputPath('returned.hocplan.json');
  await saveFile(colleague, returned);

  // The file comes back: merging into the plan is the default.
  await page.goto('/');
  await page.getByRole('button', { name: 'Import a plan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a plan' });
  await dialog.getByLabel('Plan file').setInputFiles(returned);
  await expect(
    dialog.getByRole('radio', { name: 'Merge into “Hour of Code school assembly”' }),
  ).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Add as a separate plan' })).not.toBeChecked();
  await expectAccessible(page, 'import dialog, merge or add');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(new RegExp(`${planPath}$`));

  const summary = page.getByRole('region', { name: 'Merged from a copy' });
  // Focus lands on the summary, so it is read out first.
  await expect(summary.getByRole('heading', { name: 'Merged from a copy' })).toBeFocused();
  await expect(summary).toContainText(
    "From \u2068Kari\u2069's copy: 1 step ticked, 2 lengths changed; 1 change made on both sides",
  );
  await summary.getByText('2 lengths changed', { exact: true }).click();
  const lengths = summary.locator('details').filter({ hasText: '2 lengths changed' });
  await expect(lengths.getByRole('listitem')).toHaveText([/^Agenda item “/, /^Agenda item “/]);
  const conflict = summary
    .locator('li.merge-summary__conflict')
    .filter({ hasText: 'Kept, from the copy: 20 min' });
  await expect(conflict).toContainText('Yours: 12 min');
  await expectAccessible(page, 'merge summary');

  // Both sides' work is in the one plan, and the checklist says who ticked what.
  await openTab(page, 'Checklist');
  await expect(page.getByRole('checkbox', { name: VENUE })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: PARENTS })).toBeChecked();
  await expect(page.getByText(/^ticked by \u2068Kari\u2069, /)).toHaveCount(1);
  await expect(page.getByText(/^ticked by \u2068Olga\u2069, /)).toHaveCount(1);
  await openTab(page, 'Run of show');
  await expect(page.getByRole('textbox', { name: 'Item 2: length in minutes' })).toHaveValue('15');
  await expect(page.getByRole('textbox', { name: 'Item 3: length in minutes' })).toHaveValue('20');

  // "Use this one instead" takes the organizer's length back.
  await conflict.getByRole('button', { name: 'Use this one instead' }).click();
  // Its result takes the button's place and focus; the value kept is now the organizer's.
  const settled = summary
    .locator('li.merge-summary__conflict')
    .filter({ hasText: 'The other value is in the plan now.' });
  await expect(settled).toContainText('Kept, yours: 12 min');
  await expect(settled.getByText('The other value is in the plan now.')).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Item 3: length in minutes' })).toHaveValue('12');

  // Undo: first that choice, then the whole merge in one step.
  const undo = page
    .getByRole('group', { name: 'Undo and redo' })
    .getByRole('button', { name: 'Undo' });
  await undo.click();
  await expect(page.getByRole('textbox', { name: 'Item 3: length in minutes' })).toHaveValue('20');
  await undo.click();
  // The summary no longer holds once the merge is undone: it is gone, and focus went to Redo.
  await expect(summary).toHaveCount(0);
  await expect(
    page.getByRole('group', { name: 'Undo and redo' }).getByRole('button', { name: 'Redo' }),
  ).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Item 2: length in minutes' })).toHaveValue('10');
  await expect(page.getByRole('textbox', { name: 'Item 3: length in minutes' })).toHaveValue('12');
  await openTab(page, 'Checklist');
  await expect(page.getByRole('checkbox', { name: VENUE })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: PARENTS })).toBeChecked();
  // Redo brings the merge back.
  await page
    .getByRole('group', { name: 'Undo and redo' })
    .getByRole('button', { name: 'Redo' })
    .click();
  await expect(page.getByRole('checkbox', { name: VENUE })).toBeChecked();
  // Redo is a change made here, but the tick is still Kari's.
  await expect(page.getByText(/^ticked by \u2068Kari\u2069, /)).toHaveCount(1);
  await saved(page, '"durationMinutes":20');

  // The same again by link: the colleague ticks one more step and sends a link.
  await tick(colleague, ACTIVITIES);
  await openTab(colleague, 'Share & print', 'Share & print');
  await colleague.getByRole('button', { name: 'Copy link' }).click();
  const link = await colleague
    .getByRole('textbox', { name: /Link copied|Copy this link/ })
    .inputValue();
  await profile.close();

  await page.goto(link);
  await expect(
    page.getByRole('radio', { name: 'Merge into “Hour of Code school assembly”' }),
  ).toBeChecked();
  await expectAccessible(page, 'shared link of a plan already here');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(new RegExp(`${planPath}$`));
  await expect(page.getByRole('region', { name: 'Merged from a copy' })).toContainText(
    "From \u2068Kari\u2069's copy: 1 step ticked",
  );
  // Closing the summary puts focus on the plan's name.
  await page.getByRole('button', { name: 'Close the summary' }).click();
  await expect(page.getByRole('region', { name: 'Merged from a copy' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await openTab(page, 'Checklist');
  await expect(page.getByRole('checkbox', { name: ACTIVITIES })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: VENUE })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: PARENTS })).toBeChecked();

  // One plan, not three.
  await page.getByRole('link', { name: /My plans/ }).click();
  await expect(page.getByRole('list', { name: 'Plans' }).locator(':scope > li')).toHaveCount(1);
});
