import { deflateRawSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { appStarted, expect, expectAccessible, test } from './fixtures';
import { createAssemblyPlan } from './helpers';

/*
 * Hostile files and links, and lost typing, at the page (issue 17). The pure parts are tested
 * in tests/unit/hardening.test.ts and the fuzzing property.
 */

const STORAGE_KEY = 'hoc-planner.plans';

/** The plans as stored in this browser. */
const storedPlans = (page: Page) =>
  page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key)!).state.plans as Record<string, unknown>[],
    STORAGE_KEY,
  );

/** Rewrites the stored plans (the app reads them on the next load). */
const storePlans = (page: Page, plans: unknown[]) =>
  page.evaluate(
    ([key, text]) => localStorage.setItem(key!, text!),
    [STORAGE_KEY, JSON.stringify({ state: { plans }, version: 1 })],
  );

/** A share link (`/shared#plan=…`) holding `fileText` as it is, deflated like the app does. */
const shareLink = (fileText: string | Buffer) =>
  `/shared#plan=${deflateRawSync(fileText).toString('base64url')}`;

const planFile = (plan: unknown) =>
  JSON.stringify({
    format: 'hour-of-code-plan',
    version: 1,
    exportedAt: '2026-11-22T10:00:00.000Z',
    app: { name: 'hour-of-code-planner', version: 'test' },
    plan,
  });

test('agenda typing not yet saved with Enter survives a reload and a closed tab (case 3)', async ({
  page,
  context,
}) => {
  const planPath = await createAssemblyPlan(page);
  await page.goto(`${planPath}/run-of-show`);
  const title = page.getByRole('textbox', { name: 'Item 1: what happens' });
  // Typed, still in the field: no Enter, no Tab.
  await title.fill('Opening film, typed and not left');
  await page.reload();
  await expect(title).toHaveValue('Opening film, typed and not left');

  const length = page.getByRole('textbox', { name: 'Item 2: length in minutes' });
  await length.fill('1h15');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(`${planPath}/run-of-show`);
  await expect(again.getByRole('textbox', { name: 'Item 2: length in minutes' })).toHaveValue('75');
});

test('a link whose plan is nested 6,000 levels deep is refused, and saving goes on (case 1)', async ({
  page,
}) => {
  const planPath = await createAssemblyPlan(page);
  const [plan] = await storedPlans(page);
  const deep = `${'['.repeat(6000)}${']'.repeat(6000)}`;
  const text = planFile({ ...plan, id: 'deep-plan' }).replace(/}}$/, `,"extra":${deep}}}`);
  const link = shareLink(text);
  // A few kilobytes, the plan included (6,000 levels deflate to a few dozen characters).
  expect(link.length).toBeLessThan(4000);
  await page.goto(link);
  await expect(
    page.getByRole('heading', { name: "This shared plan can't be opened" }),
  ).toBeVisible();
  await expect(page.getByText('holds data nested too deeply')).toBeVisible();
  await expectAccessible(page, 'deep link refused');

  // The app saves as before: a rename is written to storage.
  await page.goto(planPath);
  const name = page.getByRole('textbox', { name: 'Name' });
  await name.fill('Renamed after the deep link');
  await name.press('Enter');
  await expect
    .poll(async () => (await storedPlans(page)).map((p) => p.title))
    .toEqual(['Renamed after the deep link']);
});

test('a decompression bomb link is refused, and the tab stays usable (case 2)', async ({
  page,
}) => {
  // 256 MB of spaces after a valid file: a quarter of a megabyte of link.
  const file = Buffer.from(planFile({ id: 'x' }));
  const link = shareLink(Buffer.concat([file, Buffer.alloc(256 * 1024 * 1024, 32)]));
  await page.goto(link);
  // Timed from the app's start (not the page's load, which a busy machine stretches): refused
  // within a chunk of the 5 MB limit, not after inflating 256 MB (seconds).
  await appStarted(page);
  const started = Date.now();
  await expect(page.getByText('This link is damaged or incomplete.')).toBeVisible();
  expect(Date.now() - started).toBeLessThan(2500);
  await page.getByRole('link', { name: 'Go to my plans' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My plans' })).toBeVisible();
});

test('plan ids that would break addresses: replaced on import, encoded when already stored (case 4)', async ({
  page,
}) => {
  const planPath = await createAssemblyPlan(page);
  const [plan] = await storedPlans(page);
  await page.goto(shareLink(planFile({ ...plan, id: '../x/y?z#w', title: 'Odd id' })));
  await page.getByRole('button', { name: 'Add to my plans' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Odd id' })).toBeVisible();
  expect(new URL(page.url()).pathname).toMatch(/^\/plans\/[0-9a-f-]{36}$/);

  // A plan stored before ids were checked: its pages open by its encoded id.
  const odd = { ...plan, id: `${planPath.split('/').pop()}/print`, title: 'Stored odd id' };
  await storePlans(page, [...(await storedPlans(page)), odd]);
  await page.goto('/');
  await page.getByRole('link', { name: 'Stored odd id' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stored odd id' })).toBeVisible();
  await page.getByRole('link', { name: 'Run of show' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stored odd id' })).toBeVisible();
});

test('a show record that does not fit its plan is set aside with a message, never run (case 5)', async ({
  page,
}) => {
  const planPath = await createAssemblyPlan(page);
  const [plan] = await storedPlans(page);
  const entry = {
    itemId: 'gone',
    titleKey: null,
    title: 'Ghost item',
    plannedOffset: 0,
    plannedDuration: 5,
    actualStart: '2026-12-07T09:00:00.000Z',
    actualEnd: null,
    skipped: false,
    pausedMs: 0,
  };
  const records = [
    { current: 7, entries: [entry], finishedAt: null }, // past the end
    { current: 0, entries: [], finishedAt: null }, // no entries
    { current: 0, entries: [{ ...entry, pausedMs: 9e15 }], finishedAt: null }, // huge pause
    // Finished before it started: "took -13675680 min".
    {
      current: 0,
      entries: [{ ...entry, actualEnd: '2000-01-01T00:00:00.000Z' }],
      finishedAt: '2000-01-01T00:00:00.000Z',
    },
  ];
  for (const record of records) {
    const show = {
      startedAt: '2026-12-07T09:00:00.000Z',
      shiftMinutes: 0,
      pausedAt: null,
      ...record,
    };
    await storePlans(page, [{ ...plan, show }]);
    await page.goto(`${planPath}/live`);
    await expect(page.getByText("doesn't fit together")).toBeVisible();
    await expect(page.getByText(/NaN|took -/)).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Start the (show|rehearsal)$/ })).toBeVisible();
  }
  await expectAccessible(page, 'live page, record set aside');
  // Stored as a version-1 plan, so each record also goes through the migration to a run.
  // Starting makes a new, good run; the damaged one stays left out.
  await page.getByRole('button', { name: /^Start the (show|rehearsal)$/ }).click();
  await expect(page.locator('.live__title')).toHaveText('Opening: an inspiring video');
});
