import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './fixtures';
import { createAssemblyPlan } from './helpers';

test('run the School assembly show: the guest runs 5 minutes over, shift the rest, reload mid-show, finish, read the report', async ({
  page,
  pageErrors: _,
}, testInfo) => {
  await page.clock.install({ time: new Date('2026-12-07T09:55:00') });
  const planPath = await createAssemblyPlan(page);
  await page.getByRole('link', { name: 'Run the show' }).click();
  await expect(page).toHaveURL(`${planPath}/live`);
  await expect(page.getByRole('heading', { level: 1, name: 'Run the show' })).toBeVisible();
  // With a keyboard (and a mouse), the keys are told.
  await expect(page.getByText('Space or → moves to the next item, ← goes back.')).toBeVisible();
  await expectAccessible(page, 'live start');
  // From here on the clock moves only when the test says so.
  await page.clock.pauseAt(new Date('2026-12-07T10:00:00'));
  await page.getByRole('button', { name: 'Start the show' }).click();
  // The Start button is gone: focus lands on the show's main control.
  await expect(page.getByRole('button', { name: 'Next' })).toBeFocused();

  const title = page.locator('.live__title');
  const pace = page.locator('.live__pace');
  await expect(title).toHaveText('Opening: an inspiring video');
  await expect(page.locator('.live__left-time')).toHaveText('5:00');
  await expect(pace).toHaveText('On time');
  await expect(
    page.getByText('Next The principal explains why computer science matters'),
  ).toBeVisible();
  await expectAccessible(page, 'live view', { pausedClock: true });

  // The video ends on time; Space moves on.
  await page.clock.runFor('05:00');
  await page.keyboard.press('Space');
  await expect(title).toHaveText('The principal explains why computer science matters');
  // The principal on time; → moves on.
  await page.clock.runFor('10:00');
  await page.keyboard.press('ArrowRight');
  await expect(title).toHaveText(/special guest/);
  // ← goes back a step (pressed by mistake) and → returns.
  await page.keyboard.press('ArrowLeft');
  await expect(title).toHaveText('The principal explains why computer science matters');
  await page.keyboard.press('ArrowRight');
  await expect(title).toHaveText(/special guest/);

  // The guest: last-minute warning, then 5 minutes over.
  await page.clock.runFor('14:10');
  await expect(page.getByText('Last minute')).toBeVisible();
  await page.clock.runFor('05:50');
  await expect(page.locator('.live')).toHaveClass(/live--over/);
  await expect(pace).toHaveText('5 min behind');
  await expect(page.locator('.live__left')).toContainText(/5:0\d over time/);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(title).toHaveText(/Students demonstrate/);
  await expect(pace).toHaveText('5 min behind');
  await expect(page.locator('.live__next-time')).toHaveText('(planned 10:40 AM)');

  // One action moves the rest of the agenda.
  await page.getByRole('button', { name: 'Move the rest 5 min later' }).click();
  await expect(pace).toHaveText('On time');
  await expect(page.locator('.live__next-time')).toHaveText('(planned 10:45 AM)');

  // A reload mid-show resumes where the show was.
  await page.clock.runFor('04:00');
  await page.reload();
  // The page's own timers (React's scheduler) run only as the paused clock moves: a few ms.
  for (let i = 0; i < 300 && !(await title.isVisible()); i += 1) await page.clock.runFor(10);
  await expect(title).toHaveText(/Students demonstrate/);
  await expect(page.locator('.live__left-time')).toHaveText('6:00');

  await page.clock.runFor('06:00');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.clock.runFor('20:00');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(title).toHaveText(/Closing words/);
  await page.clock.runFor('05:00');
  await page.getByRole('button', { name: 'Finish' }).click();
  // Ending asks first.
  await page
    .getByRole('dialog', { name: 'End the show now?' })
    .getByRole('button', { name: 'End the show' })
    .click();

  await expect(page.getByRole('heading', { level: 1, name: 'How it went' })).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(7);
  await expect(rows.nth(3)).toContainText('10:15 AM–10:30 AM');
  await expect(rows.nth(3)).toContainText('10:15 AM–10:35 AM');
  await expect(rows.nth(3)).toContainText('+5 min');
  await expect(page.getByText('5 minutes longer than planned')).toBeVisible();
  await expect(page.getByText(/#HourOfCode/)).toBeVisible();
  await expectAccessible(page, 'show report', { pausedClock: true });

  // The record stays with the plan and travels in the exported file.
  await page.clock.resume();
  await page.goto(`${planPath}/share`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save as a file' }).click();
  const path = testInfo.outputPath('plan.hocplan.json');
  await (await download).saveAs(path);
  const file = JSON.parse(readFileSync(path, 'utf8'));
  // To the second: the accessibility scans and page loads moved the test's clock a little.
  const near = (iso: string, expected: string) =>
    Math.abs(Date.parse(iso) - Date.parse(expected)) < 2000;
  expect(file.plan.shows).toHaveLength(1);
  expect(near(file.plan.shows[0].finishedAt, '2026-12-07T11:10:00')).toBe(true);
  expect(near(file.plan.shows[0].entries[2].actualEnd, '2026-12-07T10:35:00')).toBe(true);
});

test.describe('on a phone (touch, no keyboard)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the live page does not tell a touch user to press keys', async ({
    page,
    pageErrors: _,
  }) => {
    await page.clock.install({ time: new Date('2026-12-07T09:55:00') });
    const planPath = await createAssemblyPlan(page);
    await page.goto(`${planPath}/live`);
    await expect(page.getByRole('heading', { level: 1, name: 'Run the show' })).toBeVisible();
    await expect(page.getByText(/Press Start when the first item begins/)).toBeVisible();
    await expect(page.getByText('Space or → moves to the next item, ← goes back.')).toBeHidden();
    await page.getByRole('button', { name: 'Start the show' }).tap();
    await expect(page.getByRole('button', { name: 'Next' })).toBeVisible();
    await expect(page.getByText(/^Keys:/)).toBeHidden();
  });
});
