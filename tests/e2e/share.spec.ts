import { readFileSync } from 'node:fs';
import { PLAN_FORMAT_VERSION } from '../../src/plan/schema';
import { expect, expectAccessible, test } from './fixtures';
import { createAssemblyPlan, openTab } from './helpers';
import { pdfText } from './pdf';

/*
 * The event date is set explicitly, never left to the default (the coming Computer Science
 * Education Week Monday, computed from today), so the dates written out don't depend on when the
 * journeys run. 14 January 2027 is a Thursday, unlike any default.
 */
const EVENT_DATE = '2027-01-14';

const guide = (language: string) =>
  JSON.parse(readFileSync(`locales/${language}/guide.json`, 'utf8')) as {
    item: Record<string, string>;
  };
const common = (language: string) =>
  JSON.parse(readFileSync(`locales/${language}/common.json`, 'utf8')) as {
    details: Record<string, string>;
  };

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
  const planPath = await createAssemblyPlan(page, { date: EVENT_DATE });
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
  expect(text).toContain('Thursday, January 14, 2027');
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
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(common('ky').details.date!, { exact: true }).fill(EVENT_DATE);
    await dialog.locator('button[type=submit]').click();
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
    expect(text).toContain('2027-ж., 14-январь, бейшемби');
    expect(text.replace(/\s+/g, ' ')).toContain(guide('ky').item.video!.slice(0, 20));
  });
});

test('export a plan, import the file in a fresh browser profile, find the same plan', async ({
  page,
  newContext,
  pageErrors: _,
}, testInfo) => {
  const planPath = await createAssemblyPlan(page);
  await page.getByLabel('Contact phone on the day').fill('+47 900 00 000');
  await page.goto(`${planPath}/checklist`);
  await page
    .getByRole('checkbox', { name: 'Pick the place, the date and the time of the event.' })
    .check();
  await expectAccessible(page, 'checklist with a tick');
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
    version: PLAN_FORMAT_VERSION,
  });

  const fresh = await newContext({ locale: 'en-US' });
  const other = await fresh.newPage();
  await other.goto('/');
  await other.getByRole('button', { name: 'Import a plan' }).click();
  await expectAccessible(other, 'import dialog');
  await other.getByLabel('Plan file').setInputFiles(file);
  await expect(
    other.getByText('“\u2068Hour of Code school assembly\u2069” was added to your plans.'),
  ).toBeVisible();
  await expectAccessible(other, 'import dialog, plan added');
  await other.getByRole('link', { name: 'Open it' }).click();
  await expect(other).toHaveURL(/\/plans\/[^/]+$/);
  await expect(other.getByRole('heading', { level: 2, name: 'Event details' })).toBeVisible();
  await expect(other.getByLabel('Contact phone on the day')).toHaveValue('+47 900 00 000');
  await expectAccessible(other, 'imported plan details');
  await openTab(other, 'Checklist');
  await expect(other.getByRole('progressbar', { name: 'Checklist progress' })).toHaveAttribute(
    'aria-valuetext',
    '1 of 14 done',
  );
  await expectAccessible(other, 'imported plan checklist');
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
  newContext,
  pageErrors: _,
}) => {
  // The sender plans in English (the journeys' default browser language)...
  const planPath = await createAssemblyPlan(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto(`${planPath}/share`);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const linkBox = page.getByRole('textbox', { name: /Link copied/ });
  await expect(linkBox).toBeVisible();
  const link = await linkBox.inputValue();
  expect(link).toMatch(/\/shared#plan=/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expectAccessible(page, 'share tab, link copied');

  // ...and the reader's browser is Norwegian Bokmål.
  const fresh = await newContext({ locale: 'nb-NO' });
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.locator('html')).toHaveAttribute('lang', 'nb');
  // The plan's own name is the sender's text and stays as written.
  await expect(
    other.getByRole('heading', { level: 1, name: 'Hour of Code school assembly' }),
  ).toBeVisible();
  // Template texts arrive in the reader's own language, with the reader's time format.
  const agenda = other.getByRole('table');
  await expect(agenda).toContainText(guide('nb').item.video!);
  await expect(agenda).toContainText(guide('nb').item.closing!);
  await expect(agenda).not.toContainText(guide('en').item.video!);
  await expect(agenda).toContainText('10:00–10:05');
  await expectAccessible(other, 'shared plan (nb)');
  await other.getByRole('button', { name: 'Legg til i mine planer' }).click();
  await expect(other).toHaveURL(/\/plans\//);
  await expect(
    other.getByRole('heading', { level: 1, name: 'Hour of Code school assembly' }),
  ).toBeVisible();
  await expectAccessible(other, 'added plan details (nb)');

  await other.goto('/shared#plan=broken-link');
  await expect(other.getByRole('alert')).toBeVisible();
  await expectAccessible(other, 'damaged share link (nb)');
  await fresh.close();

  // The sender opens the link beside their own plan and adds it apart: named as a copy, so the
  // two cards are told apart.
  await page.goto(link);
  await page.getByRole('radio', { name: 'Add as a separate plan' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Copy of Hour of Code school assembly' }),
  ).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    'Hour of Code school assembly',
    'Copy of Hour of Code school assembly',
  ]);
});
