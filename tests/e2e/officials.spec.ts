import { expect, expectAccessible, test } from './fixtures';

/*
 * An elected official's plan, end to end: its steps carry the officials' guide's links, and
 * every draft it offers speaks as the official (never as a school: "our students…").
 */
const EVENT_DATE = '2027-01-14';

test("an official's plan: the guide's links, and each draft in the official's voice", async ({
  page,
  context,
  pageErrors: _,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await page
    .getByRole('button', { name: /Create your first plan|New plan/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'New plan' });
  await dialog.getByRole('radio', { name: /Elected official/ }).check();
  await dialog.getByLabel('Date').fill(EVENT_DATE);
  await dialog.getByRole('button', { name: 'Create plan' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Hour of Code with an elected official' }),
  ).toBeVisible();
  const planPath = new URL(page.url()).pathname;

  await page.goto(`${planPath}/checklist`);
  const steps = page.getByRole('region', { name: 'Steps for an elected official' });
  await expect(steps).toBeVisible();
  await expectAccessible(page, "official's checklist");
  const stepRow = (text: RegExp) => steps.getByRole('listitem').filter({ hasText: text });
  // Step 2: the sample email, the stats blurb and the how-to for schools.
  const recruit = stepRow(/Encourage local schools/);
  await expect(recruit.getByRole('link', { name: 'Stats blurb' })).toHaveAttribute(
    'href',
    'https://hourofcode.com/promote/stats',
  );
  await expect(
    recruit.getByRole('link', { name: 'How-to for schools and districts' }),
  ).toBeVisible();
  await expect(
    recruit.locator('a[href="https://hourofcode.com/promote/resources#sample-emails"]'),
  ).toHaveCount(1);
  // Step 3: the press kit and the toolkit for hosting an elected official.
  const host = stepRow(/Host an Hour of Code event/);
  await expect(host.getByRole('link', { name: 'Press kit' })).toBeVisible();
  await expect(
    host.getByRole('link', { name: 'Toolkit for hosting an elected official (PDF)' }),
  ).toHaveAttribute('href', 'https://hourofcode.com/files/elected-official.pdf');
  // Step 8: the press contact; step 9: code.org/promote and the petition.
  await expect(
    stepRow(/Send out a press release/).getByRole('link', {
      name: 'Press contact: press@code.org',
    }),
  ).toHaveAttribute('href', 'mailto:press@code.org');
  const connect = stepRow(/sign the petition/);
  await expect(connect.locator('a[href="https://code.org/promote"]')).toHaveCount(1);

  const drafts: {
    name: string;
    official: RegExp[];
    mail: boolean;
    posts?: boolean;
  }[] = [
    {
      name: 'Proclamation',
      official: [/I, \[your title and name\], proclaim/, /WHEREAS/],
      mail: false,
    },
    {
      name: 'Op-ed',
      official: [/By \[your title and name\]/, /I will join students for the Hour of Code/],
      mail: true,
    },
    {
      name: 'Social media posts',
      official: [/^Every student, boy or girl, should have the chance to learn computer science/],
      mail: false,
      posts: true,
    },
    {
      name: 'Press release',
      official: [/said \[your title and name\]/, /press@code\.org/, /I will take part/],
      mail: true,
    },
  ];
  for (const draft of drafts) {
    await page.goto(`${planPath}/checklist`);
    await steps.getByRole('link', { name: draft.name }).click();
    await expect(page.getByRole('heading', { level: 2, name: draft.name })).toBeVisible();
    // The checklist tab stays marked: the draft belongs to it.
    await expect(
      page
        .getByRole('navigation', { name: 'Parts of the plan' })
        .getByRole('link', { name: 'Checklist' }),
    ).toHaveAttribute('aria-current', 'true');
    const boxes = draft.posts
      ? page.getByRole('textbox', { name: /^Post \d$/ })
      : page.getByRole('textbox', { name: 'Text' });
    await expect(boxes.first()).toBeVisible();
    const texts = await boxes.evaluateAll((els) =>
      els.map((el) => (el as HTMLTextAreaElement).value),
    );
    const all = texts.join('\n');
    for (const pattern of draft.official) expect(all).toMatch(pattern);
    expect(all).not.toMatch(/our students|our school/i);
    expect(all).toContain('Hour of Code with an elected official');
    await expect(page.getByRole('link', { name: 'Open in mail program' })).toHaveCount(
      draft.mail ? 1 : 0,
    );
    await expect(page.getByRole('checkbox', { name: 'Sent' })).toHaveCount(draft.mail ? 1 : 0);
    if (draft.posts) {
      expect(texts).toHaveLength(3);
      expect(texts[1]).toBe(
        "Today, we're proud to join the Hour of Code movement. Are you in? #HourOfCode https://hourofcode.com",
      );
      await page.getByRole('button', { name: 'Copy post 2' }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(texts[1]);
    }
    await expectAccessible(page, `official's draft: ${draft.name}`);
  }
});
