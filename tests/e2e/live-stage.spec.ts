import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { createAssemblyPlan } from './helpers';

/*
 * The day before: a rehearsal with its report. On the day: the countdown, a late start shown
 * behind, the stage screen in its own window following the desk (Start, Next, a message, the
 * last minute, over time, reloads of both windows, the desk's four languages), a guarded end
 * with Undo, the event's report, and the stage saying when the desk is gone.
 *
 * The clock is set with `setFixedTime`: `Date.now()` says what the test says, while the pages'
 * own timers (the heartbeat between the windows, React's scheduler) keep running.
 */
const at = (time: string) => new Date(`2026-12-07T${time}`);

async function endShow(page: Page) {
  await page
    .getByRole('dialog', { name: 'End the show now?' })
    .getByRole('button', { name: 'End the show' })
    .click();
  // Focus goes on to the report's heading, not back to the page's body.
  await expect(page.getByRole('heading', { level: 1, name: 'How it went' })).toBeFocused();
}

test('a rehearsal the day before, then the event started late with the stage screen following the desk', async ({
  page,
  context,
  pageErrors: _,
}) => {
  await page.clock.install({ time: new Date('2026-12-06T15:00:00') });
  await page.clock.setFixedTime(new Date('2026-12-06T15:00:00'));
  const planPath = await createAssemblyPlan(page, { date: '2026-12-07' });
  await page.goto(`${planPath}/live`);
  await expect(page.getByRole('heading', { level: 1, name: 'Run the show' })).toBeVisible();
  // The day before: the countdown to tomorrow's start, and a rehearsal is offered first.
  await expect(page.getByRole('heading', { level: 2, name: 'Starts in 19 h 0 min' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /A rehearsal/ })).toBeChecked();

  // The rehearsal: timed from its own start, so on time.
  await page.getByRole('button', { name: 'Start the rehearsal' }).click();
  const title = page.locator('.live__title');
  await expect(title).toHaveText('Opening: an inspiring video');
  await expect(page.locator('.live__run')).toHaveText('Rehearsal 1');
  await expect(page.locator('.live__pace')).toHaveText('On time');
  await page.clock.setFixedTime(new Date('2026-12-06T15:05:00'));
  await page.keyboard.press('ArrowRight');
  await expect(title).toHaveText('The principal explains why computer science matters');
  await page.clock.setFixedTime(new Date('2026-12-06T15:12:00'));
  await page.getByRole('button', { name: 'End the show now' }).click();
  await endShow(page);
  await expect(
    page.getByText('Rehearsal 1: a rehearsal, run on Sunday, December 6, 2026 at 3:00 PM'),
  ).toBeVisible();
  await expect(page.getByText(/event on Monday, December 7, 2026/)).toBeVisible();
  await expectAccessible(page, 'rehearsal report');

  // The day itself, ten minutes before the start.
  await page.clock.setFixedTime(at('09:50:00'));
  await page.goto(`${planPath}/live`);
  await expect(page.getByRole('heading', { level: 2, name: 'Starts in 10 min' })).toBeVisible();
  await expect(page.getByText('First: \u2068Opening: an inspiring video\u2069')).toBeVisible();
  await expect(page.getByRole('radio', { name: /The event/ })).toBeChecked();
  // The rehearsal is kept, with its report.
  await expect(page.getByRole('link', { name: 'Report: Rehearsal 1' })).toBeVisible();
  await expectAccessible(page, 'desk before the start');

  // The stage screen opens in a window of its own and counts down too.
  const stagePromise = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Open the stage screen' }).click();
  const stage = await stagePromise;
  await expect(stage).toHaveURL(new RegExp(`${planPath}/stage$`));
  const stageTitle = stage.getByRole('heading', { level: 1 });
  await expect(stageTitle).toHaveText('Starts in 10 min');
  await expect(stage.getByText('Opening: an inspiring video')).toBeVisible();
  await expect(stage.getByRole('button', { name: 'Full screen' })).toBeVisible();
  await expectAccessible(stage, 'stage before the start');

  // Five minutes late: behind from the first item, on the desk.
  await page.clock.setFixedTime(at('10:05:00'));
  await page.getByRole('button', { name: 'Start the show' }).click();
  await expect(title).toHaveText('Opening: an inspiring video');
  await expect(page.locator('.live__pace')).toHaveText('5 min behind');
  await expect(page.locator('.live__run')).toHaveText('The event');
  // Focus lands on the main control; the item is said in the polite live region.
  await expect(page.getByRole('button', { name: 'Next', exact: false }).last()).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Now: Opening' })).toBeAttached();
  // The stage follows Start.
  await expect(stageTitle).toHaveText('Opening: an inspiring video');
  await expect(stage.locator('.stage__time-value')).toHaveText('5:00');
  await expectAccessible(page, 'desk during the show');

  // Two quick presses of Space: one step, the second is said and ignored.
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  await expect(title).toHaveText('The principal explains why computer science matters');
  await expect(page.getByText('Pressed twice: the second press was ignored.')).toBeAttached();
  await expect(page.locator('#live-next')).toBeFocused();
  await expect(stageTitle).toHaveText('The principal explains why computer science matters');

  // A message from the desk: a preset, then typed, then cleared.
  await page.getByRole('button', { name: 'Please wrap up' }).click();
  await expect(stage.getByText('Please wrap up')).toBeVisible();
  await page.getByLabel('Message', { exact: true }).fill('Mic 2 for the guest');
  await page.getByRole('button', { name: 'Show on stage' }).click();
  await expect(stage.getByText('Mic 2 for the guest')).toBeVisible();
  await expect(page.getByText('On the stage now: “Mic 2 for the guest”')).toBeVisible();

  // The last minute and over time: the stage changes colour and says so.
  await page.clock.setFixedTime(at('10:14:30'));
  await expect(stage.locator('.stage')).toHaveClass(/stage--warning/);
  await expect(stage.getByText('Last minute')).toBeVisible();
  await expectAccessible(stage, 'stage, last minute');
  await page.clock.setFixedTime(at('10:16:00'));
  await expect(stage.locator('.stage')).toHaveClass(/stage--over/);
  await expect(stage.getByText('Over time', { exact: true })).toBeVisible();
  await expectAccessible(stage, 'stage, over time');

  // A reload of either window mid-show: the stage still shows the item and the message.
  await stage.reload();
  await expect(stageTitle).toHaveText('The principal explains why computer science matters');
  await expect(stage.getByText('Mic 2 for the guest')).toBeVisible();
  await page.reload();
  await expect(title).toHaveText('The principal explains why computer science matters');

  // The stage speaks the desk's language, and passes axe in each.
  // The menu is named in the language shown ("Тил" in Kyrgyz): found by its role.
  const language = page.getByRole('combobox');
  for (const [lang, now] of [
    ['ky', 'Азыр'],
    ['nb', 'Nå'],
    ['nn', 'No'],
    ['en', 'Now'],
  ] as const) {
    await language.selectOption(lang);
    await expect(stage.locator('html')).toHaveAttribute('lang', lang);
    await expect(stage.locator('.stage__label')).toHaveText(now);
    // On a 1280×720 projector the message and what comes next are on the screen, even with a
    // long title and the over-time flag.
    for (const part of ['.stage__message', '.stage__next', '.stage__bar']) {
      const box = await stage.locator(part).boundingBox();
      expect(box!.y + box!.height, `${part} in ${lang}`).toBeLessThanOrEqual(720);
    }
    await expectAccessible(stage, `stage in ${lang}`);
  }
  await page.getByRole('button', { name: 'Clear the message' }).click();
  await expect(stage.getByText('Mic 2 for the guest')).toBeHidden();
  // Without a message, in Kyrgyz the title and what comes next run to three lines each: all of
  // the screen still fits, from the label at the top to the clock and Full screen at the bottom.
  await language.selectOption('ky');
  await expect(stage.locator('.stage__label')).toHaveText('Азыр');
  expect((await stage.locator('.stage__label').boundingBox())!.y).toBeGreaterThanOrEqual(0);
  for (const part of ['.stage__next', '.stage__bar']) {
    const box = await stage.locator(part).boundingBox();
    expect(box!.y + box!.height, `${part} in ky, no message`).toBeLessThanOrEqual(720);
  }
  // A long message (up to 200 characters), over time, on a 1280×720 and a 1024×768 screen.
  await page
    .getByLabel('Билдирүү', { exact: true })
    .fill(
      'Экинчи микрофонду конокко алып келиңиздер, сураныч, азыр эле. Андан кийин суроолорго убакыт берилет, ошондуктан кыскача сүйлөңүз, рахмат!',
    );
  await page.getByRole('button', { name: 'Сахнада көрсөтүү' }).click();
  await expect(stage.locator('.stage__message')).toContainText('Экинчи микрофонду');
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1024, height: 768 },
  ]) {
    await stage.setViewportSize(size);
    for (const part of ['.stage__message', '.stage__next', '.stage__bar']) {
      const box = await stage.locator(part).boundingBox();
      expect(box!.y + box!.height, `${part}, long message, ${size.width}`).toBeLessThanOrEqual(
        size.height,
      );
    }
  }
  await stage.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Билдирүүнү өчүрүү' }).click();
  await expect(stage.locator('.stage__message')).toBeHidden();
  await language.selectOption('en');
  await expect(stage.locator('.stage__label')).toHaveText('Now');

  // Next on the desk moves the stage on.
  await page.getByRole('button', { name: 'Next', exact: false }).last().click();
  await expect(stageTitle).toHaveText(/special guest/);

  // Ending asks first; "Keep going" keeps going; ending can be undone right after.
  await page.getByRole('button', { name: 'End the show now' }).click();
  await page.getByRole('button', { name: 'Keep going' }).click();
  await expect(title).toHaveText(/special guest/);
  await page.getByRole('button', { name: 'End the show now' }).click();
  await endShow(page);
  await expect(page.getByText('The show has ended.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(title).toHaveText(/special guest/);
  await expect(stageTitle).toHaveText(/special guest/);

  // The rest of the show, then the end for real.
  for (const time of ['10:35', '10:45', '11:05']) {
    await page.clock.setFixedTime(at(`${time}:00`));
    await page.locator('#live-next').click();
  }
  await expect(title).toHaveText(/Closing words/);
  await page.clock.setFixedTime(at('11:12:00'));
  await page.getByRole('button', { name: 'Finish' }).click();
  await endShow(page);
  await expect(
    page.getByText(/The event: run on Monday, December 7, 2026 at 10:05\sAM/),
  ).toBeVisible();
  await expect(page.getByText(/started 5 min late/)).toBeVisible();
  await expect(stageTitle).toHaveText('The show is over. Thank you!');
  await expectAccessible(page, 'event report');

  // Both runs are kept, each with its report.
  await page.getByRole('link', { name: 'Back to the plan' }).click();
  await page.goto(`${planPath}/live`);
  await expect(page.getByRole('link', { name: /^Report: / })).toHaveCount(2);
  await page.getByRole('link', { name: 'Report: Rehearsal 1' }).click();
  await expect(page.getByText(/Rehearsal 1: a rehearsal/)).toBeVisible();

  // The desk window closes: the stage says so.
  await page.close();
  await expect(stage.getByText(/The desk window is closed or not responding/)).toBeVisible();
});
