import { fireEvent, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '@/app/routes';
import * as guideImporter from '@/guide/import-guide';
import type { GuideImportResult, GuideSource } from '@/guide/import-guide';
import { newItem, newStep, type PlanDeps } from '@/plan/create-plan';
import type { Plan } from '@/plan/schema';
import { plansStore } from '@/store/plans-store';
import { renderRoutes } from '../test-utils';

/*
 * The dialog and preview against the importer's contract (notes: guide-contract), with a small
 * fake importer (a spy on `importGuides`) so every notice and refusal code, known or not, can be
 * shown. The real importer
 * on a real guide is driven in guide-import-real.test.tsx and in the e2e journeys.
 */
const fake = {
  result: null as GuideImportResult | null,
  sources: [] as GuideSource[][],
};

let n = 0;
const deps: PlanDeps = { now: () => new Date('2026-12-01T09:00:00Z'), newId: () => `id-${++n}` };

function guidePlan(): Plan {
  return {
    id: 'guide-plan',
    title: 'دليل ساعة البرمجة',
    templateId: 'guide',
    event: {
      date: '2026-12-07',
      startTime: '10:00',
      place: 'قاعة المدرسة',
      targetMinutes: 60,
      contactName: '',
      contactPhone: '',
      participants: null,
    },
    checklist: {
      sections: [
        {
          id: 'sec-1',
          titleKey: null,
          title: '1. التحضير',
          steps: [
            newStep(deps, {
              text: 'احجز المكان',
              link: 'https://hourofcode.com/events',
              links: [
                { url: 'https://hourofcode.com/promote', labelKey: null, label: 'مواد الترويج' },
                { url: 'https://code.org/stats', labelKey: null, label: '' },
              ],
            }),
            newStep(deps, { text: 'ادعُ الصحافة' }),
            newStep(deps, { text: 'ادعُ قائدًا محليًا', optional: true }),
          ],
        },
      ],
    },
    runOfShow: {
      items: [
        newItem(deps, { title: 'افتتاح بفيديو', durationMinutes: 5 }),
        newItem(deps, { title: 'نشاط', durationMinutes: 40 }),
      ],
    },
    notes: '',
    drafts: {},
    shows: [],
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
  };
}

const okResult = (): GuideImportResult => ({
  ok: true,
  plan: guidePlan(),
  guides: [
    {
      file: 'events-ar.md',
      title: 'كيف تنظم فعالية ساعة البرمجة',
      lang: 'ar',
      dir: 'rtl',
      kind: 'events',
      sectionIds: ['sec-1'],
      steps: 2,
      ideas: 1,
      links: 3,
      agendaItems: 2,
      notices: [
        { code: 'tagRepaired', detail: "< % = campaign_date('short') %>", line: 12 },
        { code: 'rowWithoutTimes', detail: '| later | cake |' },
        // A code added by a later importer: shown through the general text.
        { code: 'somethingNew' as 'truncated', detail: '???' },
      ],
    },
  ],
});

async function openGuideDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Create your first plan' }));
  const create = await screen.findByRole('dialog', { name: 'New plan' });
  await user.click(within(create).getByRole('button', { name: 'Start from a guide file…' }));
  return screen.findByRole('dialog', { name: 'Start from a guide file' });
}

const file = (name: string, text: string) => new File([text], name, { type: 'text/markdown' });

beforeEach(() => {
  plansStore.setState({ plans: [] });
  fake.result = okResult();
  fake.sources = [];
  // The app loads the importer when a guide comes; the spy stands in for its `importGuides`.
  vi.spyOn(guideImporter, 'importGuides').mockImplementation((sources) => {
    fake.sources.push(sources);
    return fake.result!;
  });
});

describe('starting a plan from a guide file', () => {
  it('previews the guide before saving anything, then creates the plan and opens it', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = await renderRoutes(routes, '/');
    const dialog = await openGuideDialog(user);
    await user.upload(within(dialog).getByLabelText('Guide files'), [
      file('events-ar.md', '# guide'),
    ]);

    const preview = await screen.findByRole('dialog', { name: 'Preview of the new plan' });
    expect(fake.sources[0]).toEqual([
      expect.objectContaining({ name: 'events-ar.md', bytes: expect.any(Uint8Array) }),
    ]);
    // The guide's own text keeps its language and direction.
    const guideHeading = within(preview).getByRole('heading', {
      level: 3,
      name: 'كيف تنظم فعالية ساعة البرمجة',
    });
    expect(guideHeading).toHaveAttribute('dir', 'auto');
    expect(guideHeading).toHaveAttribute('lang', 'ar');
    expect(within(preview).getByText('File: events-ar.md')).toBeInTheDocument();
    expect(
      within(preview).getByText(/events guide · 2 steps, 1 idea, 3 links, 2 agenda items/),
    ).toBeInTheDocument();
    expect(within(preview).getByRole('heading', { level: 4, name: '1. التحضير' })).toBeVisible();
    expect(within(preview).getByText('احجز المكان')).toHaveAttribute('lang', 'ar');
    expect(within(preview).getByText('Optional ideas')).toBeInTheDocument();
    expect(within(preview).getByText('ادعُ قائدًا محليًا')).toBeInTheDocument();
    // Every link of the step: the main one by its host, the others by their label or host.
    const links = within(preview).getByRole('list', { name: 'Links' });
    expect(
      within(links)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual([
      'https://hourofcode.com/events',
      'https://hourofcode.com/promote',
      'https://code.org/stats',
    ]);
    expect(within(links).getByRole('link', { name: /مواد الترويج/ })).toBeInTheDocument();
    // The agenda with times computed from the start time, in the interface's time format.
    const agenda = within(preview).getByRole('region', { name: 'Agenda' });
    expect(
      within(agenda)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['10:00\u00a0AM–10:05\u00a0AM افتتاح بفيديو', '10:05\u00a0AM–10:45\u00a0AM نشاط']);
    // What could not be read, each named, unknown codes too.
    const notices = within(preview).getByRole('group', {
      name: '3 things could not be read as written',
    });
    expect(
      within(notices)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      "A broken template tag was repaired: < % = campaign_date('short') %> (line 12)",
      'An agenda row without times was left out: | later | cake |',
      'Something could not be read: ???',
    ]);
    expect(plansStore.getState().plans).toEqual([]);

    await user.click(within(preview).getByRole('button', { name: 'Create plan' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'دليل ساعة البرمجة' });
    await waitFor(() => expect(heading).toHaveFocus());
    const [plan] = plansStore.getState().plans;
    expect(plan!.templateId).toBe('guide');
    expect(router.state.location.pathname).toBe(`/plans/${plan!.id}`);
  });

  it('names each refused file with its reason, makes nothing, and Cancel closes', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = await renderRoutes(routes, '/');
    fake.result = {
      ok: false,
      refusals: [
        { file: 'README.md', code: 'noSteps' },
        { file: 'photo.png', code: 'binary' },
        { file: 'huge.md', code: 'tooLarge' },
        { file: 'odd.md', code: 'somethingNew' as 'empty' },
      ],
    };
    const dialog = await openGuideDialog(user);
    await user.upload(within(dialog).getByLabelText('Guide files'), [
      file('README.md', '# Readme'),
      file('photo.png', 'x'),
      file('huge.md', 'x'),
      file('odd.md', 'x'),
    ]);
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('No plan was made: 4 files are not guides this app can read.');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'README.md: no steps were found. This does not look like an Hour of Code guide.',
      "photo.png: this is not a text file (an image or a document?). Choose the guide's Markdown or saved web page.",
      'huge.md: the file is larger than 1 MB; a guide is much smaller.',
      'odd.md: this file could not be read as a guide.',
    ]);
    // The picker is still there to try other files.
    expect(within(dialog).getByLabelText('Guide files')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(plansStore.getState().plans).toEqual([]);
    expect(router.state.location.pathname).toBe('/');
  });

  it('Cancel in the preview changes nothing', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, '/');
    const dialog = await openGuideDialog(user);
    await user.upload(within(dialog).getByLabelText('Guide files'), [file('events-ar.md', '#')]);
    const preview = await screen.findByRole('dialog', { name: 'Preview of the new plan' });
    await user.click(within(preview).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(plansStore.getState().plans).toEqual([]);
    expect(screen.getByRole('heading', { level: 2, name: 'No plans yet' })).toBeInTheDocument();
  });

  it("reads pasted text as the clipboard's HTML when it gives HTML, else as plain text", async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, '/');
    const dialog = await openGuideDialog(user);
    const box = within(dialog).getByLabelText("Or paste the guide's text");
    const preview = within(dialog).getByRole('button', { name: 'Preview the text' });
    expect(preview).toBeDisabled();

    const html =
      '<h2>1. Prepare</h2><ul><li><a href="https://hourofcode.com">Sign up</a></li></ul>';
    fireEvent.paste(box, {
      clipboardData: { getData: (type: string) => (type === 'text/html' ? html : '1. Prepare') },
    });
    fireEvent.change(box, { target: { value: '1. Prepare' } });
    await user.click(preview);
    await screen.findByRole('dialog', { name: 'Preview of the new plan' });
    expect(fake.sources[0]).toEqual([{ name: 'pasted text', text: html, mediaType: 'text/html' }]);

    // Typed text, or a paste with no HTML, goes in as plain text.
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const again = await openGuideDialog(user);
    await user.type(within(again).getByLabelText("Or paste the guide's text"), '1. Prepare');
    await user.click(within(again).getByRole('button', { name: 'Preview the text' }));
    await screen.findByRole('dialog', { name: 'Preview of the new plan' });
    expect(fake.sources[1]).toEqual([{ name: 'pasted text', text: '1. Prepare' }]);
  });

  it('a guide dropped on the plans page opens the preview; a plan file is still imported', async () => {
    await renderRoutes(routes, '/');
    const page = (await screen.findByRole('heading', { level: 1, name: 'My plans' })).closest(
      '.drop-target',
    )!;
    const drop = (files: File[]) =>
      fireEvent.drop(page, { dataTransfer: { types: ['Files'], files } });

    drop([file('events-ar.md', '# guide')]);
    const preview = await screen.findByRole('dialog', { name: 'Preview of the new plan' });
    expect(fake.sources[0]?.map((s) => s.name)).toEqual(['events-ar.md']);
    fireEvent.click(within(preview).getByRole('button', { name: 'Cancel' }));

    const exported = JSON.stringify({
      format: 'hour-of-code-plan',
      version: 1,
      plan: { ...guidePlan(), title: 'From a file', templateId: 'blank' },
    });
    drop([new File([exported], 'mine.hocplan.json', { type: 'application/json' })]);
    expect(
      await screen.findByText('“\u2068From a file\u2069” was added to your plans.'),
    ).toBeInTheDocument();
    expect(fake.sources).toHaveLength(1);
  });
});
