import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { createAssemblyPlan } from './helpers';

/*
 * On a phone (390 px) no text and no control of the pages a phone user most often opens (the
 * shared view, the printable plan, the checklist, the run of show) reaches past the screen's
 * edge, in any language, and the page never scrolls sideways.
 */

const LANGUAGES = ['en', 'ky', 'nb', 'nn'] as const;

/** What reaches past the right or left edge: text (line by line) and controls, named. */
function pastTheEdge(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    // Out of view on purpose (visually hidden texts, closed details) doesn't count.
    const hidden = (element: Element) => {
      for (let e: Element | null = element; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.display === 'none' || style.visibility === 'hidden') return true;
        if (style.clip !== 'auto' || style.clipPath !== 'none') return true;
      }
      return false;
    };
    const outside = (rect: DOMRect) =>
      rect.width > 0 && rect.height > 0 && (rect.right > width + 0.5 || rect.left < -0.5);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!node.textContent?.trim() || !parent || hidden(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects())
        if (outside(rect)) {
          problems.push(
            `text "${node.textContent.trim().slice(0, 40)}" ends at ${Math.round(rect.right)} px`,
          );
          break;
        }
    }
    for (const control of document.querySelectorAll('button, input, select, textarea, a')) {
      if (hidden(control)) continue;
      const rect = control.getBoundingClientRect();
      if (outside(rect))
        problems.push(
          `${control.tagName.toLowerCase()} "${(control.textContent || control.getAttribute('aria-label') || '').trim().slice(0, 40)}" ends at ${Math.round(rect.right)} px`,
        );
    }
    const sideways = document.documentElement.scrollWidth - width;
    if (sideways > 0) problems.push(`the page scrolls ${sideways} px sideways`);
    return problems;
  });
}

test('on a phone nothing reaches past the screen, in every language', async ({
  page,
  pageErrors: _,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const planPath = await createAssemblyPlan(page);
  // Long names and a picked idea: the agenda's "who" and the contact are where width ran out,
  // and a plan name or place that is one long word (a Norwegian compound) widened the page.
  await page.getByLabel('Contact person').fill('Айгерим Токтогулова-Сыдыкбекова');
  await page.getByLabel('Plan name').fill('Kodetime: Informasjonsteknologiundervisningsopplegget');
  await page.getByLabel('Place').fill('Informasjonsteknologiundervisningsauditoriet');
  await expect(
    page.getByRole('heading', { level: 1, name: /Informasjonsteknologi/ }),
  ).toBeVisible();
  await page.goto(`${planPath}/run-of-show`);
  await page.getByRole('combobox', { name: 'Item 2: who' }).fill('Директордун орун басары Бакыт');
  await page.getByRole('combobox', { name: 'Item 2: who' }).press('Enter');
  await page.goto(`${planPath}/checklist`);
  // Ticking an idea's box adds it to the plan (the box then marks it done).
  await page.getByRole('checkbox', { name: /A local politician visits/ }).click();
  await expect(page.getByRole('button', { name: 'Drop idea' })).toBeVisible();
  await page.goto(`${planPath}/share`);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = new URL(await page.getByRole('textbox', { name: /Link copied/ }).inputValue());

  const pages = {
    details: planPath,
    'shared view': `${link.pathname}${link.hash}`,
    'print view': `${planPath}/print`,
    checklist: `${planPath}/checklist`,
    'run of show': `${planPath}/run-of-show`,
  };
  for (const lang of LANGUAGES) {
    await page.evaluate((l) => localStorage.setItem('hoc-planner.language', l), lang);
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // The agenda or the checklist is drawn before measuring.
      await expect(page.locator('main h2').first()).toBeVisible();
      expect(await pastTheEdge(page), `${lang}, ${name}`).toEqual([]);
      // The way back, a link on its own line, is a target a finger finds (WCAG 2.2: 24 px).
      const back = page.locator('.breadcrumb a, .back-link').first();
      if ((await back.count()) > 0)
        expect((await back.boundingBox())!.height, `${lang}, ${name}`).toBeGreaterThanOrEqual(24);
      if (lang === 'ky') await expectAccessible(page, `${name} on a phone, Kyrgyz`);
    }
  }
});

test('Kyrgyz in narrow and short windows: dialog actions in view, tabs on one row, "More" whole', async ({
  page,
  pageErrors: _,
}) => {
  const planPath = await createAssemblyPlan(page);
  await page.evaluate(() => localStorage.setItem('hoc-planner.language', 'ky'));

  // A short window: the create dialog scrolls inside, its actions stay at the bottom, in view.
  for (const size of [
    { width: 1280, height: 700 },
    { width: 1280, height: 800 },
    { width: 390, height: 600 },
  ]) {
    await page.setViewportSize(size);
    await page.goto('/');
    await page.getByRole('button', { name: 'Жаңы план' }).click();
    const dialog = page.getByRole('dialog');
    const create = dialog.getByRole('button', { name: 'План түзүү' });
    await expect(create).toBeInViewport({ ratio: 1 });
    const button = (await create.boundingBox())!;
    const frame = (await dialog.boundingBox())!;
    // Whole, with room below it inside the dialog.
    expect(button.y + button.height).toBeLessThanOrEqual(frame.y + frame.height - 8);
    await page.keyboard.press('Escape');
  }

  // Between a phone and a tablet the plan's tabs stay on one row (it scrolls sideways).
  for (const width of [500, 600, 750]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${planPath}/share`);
    const tabs = page.getByRole('navigation', { name: 'Пландын бөлүктөрү' }).getByRole('link');
    // The page is drawn (its tabs and its heading) before anything is measured.
    await expect(tabs.first()).toBeVisible();
    await expect(page.locator('main h2').first()).toBeVisible();
    const rows = () =>
      tabs.evaluateAll(
        (links) => new Set(links.map((link) => Math.round(link.getBoundingClientRect().top))).size,
      );
    await expect.poll(rows, { message: `tabs at ${width} px` }).toBe(1);
    // The current tab is scrolled into view.
    await expect(page.locator('.tabs [aria-current="page"]')).toBeInViewport({ ratio: 1 });
  }

  // The run of show's "More ▾" is whole at laptop widths.
  for (const width of [1024, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${planPath}/run-of-show`);
    const more = page.locator('.ros-cell--more .button').first();
    await expect(more).toBeVisible();
    const fits = await more.evaluate(
      (button) =>
        button.scrollWidth <= button.clientWidth &&
        button.getBoundingClientRect().right <=
          button.closest('.ros-row')!.getBoundingClientRect().right,
    );
    expect(fits, `"More" at ${width} px`).toBe(true);
  }
  await expectAccessible(page, 'run of show, Kyrgyz, 1280 px');
});
