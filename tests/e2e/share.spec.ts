import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './fixtures';
import { createAssemblyPlan } from './helpers';
import { pdfText } from './pdf';

test('print the plan to PDF in English: the agenda times and titles are on paper', async ({
  page,
  pageErrors: _,
}, testInfo) => {
  await page.addInitScript(() => {
    (window as unknown as { printCalls: number }).printCalls = 0;
    window.print = () => {
      (window as unknown as { printCalls: number }).printCalls += 1;
    };
  });
  const planPath = await createAssemblyPlan(page);
  await page.getByRole('link', { name: 'Print', exact: true }).click();
  await expect(page).toHaveURL(`${planPath}/print`);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls))
    .toBe(1);
  await expectAccessible(page, 'print page');

  await page.emulateMedia({ media: 'print' });
  const path = testInfo.outputPath('plan-en.pdf');
  await page.pdf({ path, format: 'A4', printBackground: false });
  const text = pdfText(path);
  for (const line of [
    '10:00 AM–10:05 AM',
    '10:05 AM–10:15 AM',
    '11:00 AM–11:05 AM',
    'Opening: an inspiring video',
    'Closing words from the teacher',
  ]) {
    expect(text).toContain(line);
  }
  expect(text).toContain('Monday, December 7, 2026');
  expect(text).toContain('https://hourofcode.com/promote/resources#videos');
  expect(text).not.toContain('Skip to main content');
  expect(text).not.toContain('Language');
  // Letter paper fits as well.
  await page.pdf({ path: testInfo.outputPath('plan-en-letter.pdf'), format: 'Letter' });
});

test.describe('in Kyrgyz', () => {
  test.use({ locale: 'ky-KG' });
  test('print the plan to PDF: 24-hour times and Kyrgyz titles', async ({
    page,
    pageErrors: _,
  }, testInfo) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
    await page.locator('.empty-state button').click();
    await page.getByRole('dialog').locator('button[type=submit]').click();
    await expect(page).toHaveURL(/\/plans\//);
    await page.goto(`${new URL(page.url()).pathname}/print`);
    await expect(page.locator('.plan-document h1')).toBeVisible();
    await expectAccessible(page, 'print page (ky)');
    await page.emulateMedia({ media: 'print' });
    const path = testInfo.outputPath('plan-ky.pdf');
    await page.pdf({ path, format: 'A4' });
    const text = pdfText(path);
    expect(text).toContain('10:00–10:05');
    expect(text).toContain('11:00–11:05');
    expect(text).toContain('2026-ж., 7-декабрь, дүйшөмбү');
    const kyGuide = JSON.parse(readFileSync('locales/ky/guide.json', 'utf8')) as {
      item: Record<string, string>;
    };
    expect(text.replace(/\s+/g, ' ')).toContain(kyGuide.item.video!.slice(0, 20));
  });
});

test('export a plan, import the file in a fresh browser profile, find the same plan', async ({
  page,
  browser,
  pageErrors: _,
}, testInfo) => {
  const planPath = await createAssemblyPlan(page);
  await page.getByLabel('Contact phone on the day').fill('+47 900 00 000');
  await page.goto(`${planPath}/checklist`);
  await page
    .getByRole('checkbox', { name: 'Pick the place, the date and the time of the event.' })
    .check();
  await page.goto(`${planPath}/share`);
  await expectAccessible(page, 'share tab');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as a file' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('Hour of Code school assembly.hocplan.json');
  const file = testInfo.outputPath('plan.hocplan.json');
  await download.saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
    format: 'hour-of-code-plan',
    version: 1,
  });

  const fresh = await browser.newContext({ locale: 'en-US' });
  const other = await fresh.newPage();
  await other.goto('/');
  await other.getByRole('button', { name: 'Import a plan' }).click();
  await expectAccessible(other, 'import dialog');
  await other.getByLabel('Plan file').setInputFiles(file);
  await expect(
    other.getByText('“Hour of Code school assembly” was added to your plans.'),
  ).toBeVisible();
  await other.getByRole('link', { name: 'Open it' }).click();
  await expect(other.getByLabel('Contact phone on the day')).toHaveValue('+47 900 00 000');
  await other.getByRole('link', { name: 'Checklist' }).click();
  await expect(other.getByRole('progressbar', { name: 'Checklist progress' })).toHaveAttribute(
    'aria-valuetext',
    '1 of 14 done',
  );
  await fresh.close();
});

test('a broken file is refused with a reason, and the saved plans stay as they were', async ({
  page,
  pageErrors: _,
}) => {
  await createAssemblyPlan(page);
  const before = await page.evaluate(() => localStorage.getItem('hoc-planner.plans'));
  await page.goto('/');
  await page.getByRole('button', { name: 'Import a plan' }).click();
  await page.getByLabel('Plan file').setInputFiles({
    name: 'broken.hocplan.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "hour-of-code-plan", "version": 1, "plan": {"title": ""}}'),
  });
  await expect(page.getByRole('alert')).toContainText(
    'This plan file has a problem, so nothing was imported',
  );
  await page
    .getByLabel("Or paste the file's text")
    .fill('{"format": "hour-of-code-plan", "version": 7, "plan": {}}');
  await page.getByRole('button', { name: 'Import the text' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'newer version of the planner (file version 7)',
  );
  await expectAccessible(page, 'import dialog with an error');
  expect(await page.evaluate(() => localStorage.getItem('hoc-planner.plans'))).toBe(before);
});

test('open a share link in a fresh browser profile and add the plan', async ({
  page,
  browser,
  pageErrors: _,
}) => {
  const planPath = await createAssemblyPlan(page);
  await page.goto(`${planPath}/share`);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const linkBox = page.getByRole('textbox', { name: /Link copied/ });
  await expect(linkBox).toBeVisible();
  const link = await linkBox.inputValue();
  expect(link).toMatch(/\/shared#plan=/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const fresh = await browser.newContext({ locale: 'nb-NO' });
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(
    other.getByRole('heading', { level: 1, name: 'Hour of Code school assembly' }),
  ).toBeVisible();
  // Template texts arrive in the reader's own language.
  await expect(other.getByRole('table')).toContainText('10:00–10:05');
  await expectAccessible(other, 'shared plan (nb)');
  await other.getByRole('button', { name: 'Legg til i mine planer' }).click();
  await expect(other).toHaveURL(/\/plans\//);
  await expect(
    other.getByRole('heading', { level: 1, name: 'Hour of Code school assembly' }),
  ).toBeVisible();

  await other.goto('/shared#plan=broken-link');
  await expect(other.getByRole('alert')).toBeVisible();
  await fresh.close();
});
