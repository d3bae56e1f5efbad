import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '@/app/routes';
import { plansStore } from '@/store/plans-store';
import { storageStatus } from '@/store/storage-status';
import { serializePlan } from '@/plan/file-format';
import { heavyPlan } from '../fixtures';
import { CreatePlanDialog } from '@/features/plans/create-plan-dialog';
import { PreloadPageContext } from '@/ui/preload-page';
import { createTestI18n, renderRoutes, renderWithI18n } from '../test-utils';

beforeEach(() => {
  plansStore.setState({ plans: [] });
});

async function createPlan(user: ReturnType<typeof userEvent.setup>, title?: string) {
  await user.click(await screen.findByRole('button', { name: 'Create your first plan' }));
  const dialog = await screen.findByRole('dialog', { name: 'New plan' });
  if (title) {
    const name = within(dialog).getByLabelText('Plan name');
    await user.clear(name);
    await user.type(name, title);
  }
  await user.click(within(dialog).getByRole('button', { name: 'Create plan' }));
}

describe('plans page', () => {
  it('creates a "School assembly" plan with the guide defaults and opens it', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = await renderRoutes(routes, '/');
    await user.click(await screen.findByRole('button', { name: 'Create your first plan' }));
    const dialog = await screen.findByRole('dialog', { name: 'New plan' });
    expect(within(dialog).getByRole('radio', { name: /School assembly/ })).toBeChecked();
    expect(within(dialog).getByLabelText('Plan name')).toHaveValue('Hour of Code school assembly');
    expect(within(dialog).getByLabelText('Place')).toHaveValue('School assembly hall');
    expect(within(dialog).getByLabelText('Start time')).toHaveValue('10:00');
    await user.click(within(dialog).getByRole('button', { name: 'Create plan' }));

    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Hour of Code school assembly',
    });
    // Focus lands on the new plan's heading, not on the page's body.
    await waitFor(() => expect(heading).toHaveFocus());
    const [plan] = plansStore.getState().plans;
    expect(router.state.location.pathname).toBe(`/plans/${plan!.id}`);
    expect(plan!.runOfShow.items).toHaveLength(6);
  });

  it('says so, without refusing it, when the date has passed', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, '/');
    await user.click(await screen.findByRole('button', { name: 'Create your first plan' }));
    const dialog = await screen.findByRole('dialog', { name: 'New plan' });
    const date = within(dialog).getByLabelText('Date');
    expect(date).not.toHaveAccessibleDescription();
    fireEvent.change(date, { target: { value: '2020-12-07' } });
    expect(date).toHaveAccessibleDescription(
      'This date has passed: every step of the checklist will show as late.',
    );
    expect(date).not.toHaveAttribute('aria-invalid');
    await user.click(within(dialog).getByRole('button', { name: 'Create plan' }));
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(plansStore.getState().plans[0]!.event.date).toBe('2020-12-07');
  });

  it('refuses an empty name and says why', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, '/');
    await user.click(await screen.findByRole('button', { name: 'Create your first plan' }));
    const dialog = await screen.findByRole('dialog', { name: 'New plan' });
    await user.clear(within(dialog).getByLabelText('Plan name'));
    await user.click(within(dialog).getByRole('button', { name: 'Create plan' }));
    expect(within(dialog).getByLabelText('Plan name')).toHaveAccessibleDescription(
      "This can't be empty.",
    );
    expect(plansStore.getState().plans).toEqual([]);
  });

  it('a plan that takes much of the storage says so on its card; with storage full, every card does', async () => {
    plansStore.setState({
      plans: [heavyPlan('Class 5B', 0), heavyPlan('Sent by someone', 620_000)],
    });
    await renderRoutes(routes, '/');
    const card = async (title: string) =>
      (await screen.findByRole('heading', { level: 2, name: title })).closest('li')!;
    expect(await card('Sent by someone')).toHaveTextContent(
      /Takes 1\.2 MB of this browser's storage/,
    );
    expect(await card('Class 5B')).not.toHaveTextContent(/Takes/);

    act(() => storageStatus.getState().report({ kind: 'quota' }));
    try {
      await waitFor(async () =>
        expect(await card('Class 5B')).toHaveTextContent(
          /Takes \d+\.\d KB of this browser's storage/,
        ),
      );
    } finally {
      act(() => storageStatus.getState().clear('quota'));
    }
    await waitFor(async () => expect(await card('Class 5B')).not.toHaveTextContent(/Takes/));
  });

  it('an imported plan deleted at once: the "was added" notice and its link go; its title stays apart from the sentence', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, '/');
    const page = (await screen.findByRole('heading', { level: 1, name: 'My plans' })).closest(
      '.drop-target',
    )!;
    // A title from a file with a right-to-left override in it.
    const sent = { ...heavyPlan('Sent', 0), title: '\u202eSent by someone' };
    const text = serializePlan(sent, {
      translate: (_key, fallback) => fallback,
      now: new Date(),
      appVersion: 'test',
    });
    const file = new File([text], 'sent.hocplan.json', { type: 'application/json' });
    fireEvent.drop(page, { dataTransfer: { types: ['Files'], files: [file] } });
    const open = await screen.findByRole('link', { name: 'Open it' });
    // The override is closed inside the title: the rest of the sentence reads as written.
    expect(open.closest('p')!.textContent).toBe(
      '“\u2068\u202eSent by someone\u2069” was added to your plans. Open it',
    );

    const card = screen
      .getByRole('heading', { level: 2, name: '\u202eSent by someone' })
      .closest('li')!;
    await user.click(within(card).getByRole('button', { name: 'Delete' }));
    expect(screen.queryByRole('link', { name: 'Open it' })).toBeNull();
    expect(screen.getByText(/was deleted\.$/).textContent).toBe(
      '“\u2068\u202eSent by someone\u2069” was deleted.',
    );
  });

  it('renames, duplicates, deletes and undoes the delete', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = await renderRoutes(routes, '/');
    await createPlan(user, 'Class 5B');
    await screen.findByRole('heading', { level: 1, name: 'Class 5B' });
    await router.navigate('/');

    const card = () => screen.getByRole('heading', { level: 2, name: 'Class 5B' }).closest('li')!;
    await screen.findByRole('heading', { level: 2, name: 'Class 5B' });
    expect(within(card()).getByRole('progressbar')).toHaveAttribute(
      'aria-valuetext',
      '0 of 14 done',
    );

    // Rename: Escape cancels, Enter saves.
    await user.click(within(card()).getByRole('button', { name: 'Rename' }));
    await user.keyboard('{Escape}');
    await user.click(within(card()).getByRole('button', { name: 'Rename' }));
    const input = screen.getByLabelText('Plan name');
    await user.clear(input);
    await user.type(input, 'Class 5B assembly{Enter}');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Class 5B assembly' }),
    ).toBeInTheDocument();

    // Duplicate.
    const original = screen
      .getByRole('heading', { level: 2, name: 'Class 5B assembly' })
      .closest('li')!;
    await user.click(within(original).getByRole('button', { name: 'Duplicate' }));
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Copy of Class 5B assembly' }),
    ).toBeInTheDocument();
    expect(plansStore.getState().plans).toHaveLength(2);

    // Delete and undo: the plan comes back whole.
    const before = plansStore.getState().plans[0];
    await user.click(within(original).getByRole('button', { name: 'Delete' }));
    expect(
      screen.queryByRole('heading', { level: 2, name: 'Class 5B assembly' }),
    ).not.toBeInTheDocument();
    const bar = screen.getByText('“\u2068Class 5B assembly\u2069” was deleted.').parentElement!;
    expect(bar.closest('[role="status"]')).not.toBeNull();
    // The card and its Delete button are gone: focus goes to Undo, then back to the plan.
    await waitFor(() => expect(within(bar).getByRole('button', { name: 'Undo' })).toHaveFocus());
    await user.click(within(bar).getByRole('button', { name: 'Undo' }));
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Class 5B assembly' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Class 5B assembly' })).toHaveFocus(),
    );
    expect(plansStore.getState().plans[0]).toEqual(before);

    // Two deletes in a row: Undo brings back the latest, then the one before, each in its place.
    const all = plansStore.getState().plans;
    const cardOf = (name: string) => screen.getByRole('heading', { level: 2, name }).closest('li')!;
    await user.click(within(cardOf('Class 5B assembly')).getByRole('button', { name: 'Delete' }));
    await user.click(
      within(cardOf('Copy of Class 5B assembly')).getByRole('button', { name: 'Delete' }),
    );
    expect(plansStore.getState().plans).toHaveLength(0);
    // The last one gone: "No plans yet" is back, with Undo above it.
    expect(await screen.findByRole('heading', { level: 2, name: 'No plans yet' })).toBeVisible();
    expect(screen.queryByRole('list', { name: 'Plans' })).not.toBeInTheDocument();
    const undoBar = () => screen.getByText(/was deleted\./).parentElement!;
    expect(undoBar()).toHaveTextContent('“\u2068Copy of Class 5B assembly\u2069” was deleted.');
    await user.click(within(undoBar()).getByRole('button', { name: 'Undo' }));
    expect(undoBar()).toHaveTextContent('“\u2068Class 5B assembly\u2069” was deleted.');
    await user.click(within(undoBar()).getByRole('button', { name: 'Undo' }));
    expect(plansStore.getState().plans).toEqual(all);
    expect(screen.queryByText(/was deleted\./)).not.toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { level: 2, name: 'No plans yet' }),
    ).not.toBeInTheDocument();
  });

  it('shows "No plans yet" only while there are none, whoever adds or removes them', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, '/');
    expect(await screen.findByRole('heading', { level: 2, name: 'No plans yet' })).toBeVisible();
    // A plan added from elsewhere (another tab, an import): the list takes the empty state's place.
    await createPlan(user, 'Class 6A');
    await screen.findByRole('heading', { level: 1, name: 'Class 6A' });
    const [plan] = plansStore.getState().plans;
    plansStore.setState({ plans: [] });
    await renderRoutes(routes, '/');
    expect(await screen.findByRole('heading', { level: 2, name: 'No plans yet' })).toBeVisible();
    act(() => plansStore.setState({ plans: [plan!] }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Class 6A' })).toBeVisible();
    expect(
      screen.queryByRole('heading', { level: 2, name: 'No plans yet' }),
    ).not.toBeInTheDocument();
    act(() => plansStore.setState({ plans: [] }));
    expect(await screen.findByRole('heading', { level: 2, name: 'No plans yet' })).toBeVisible();
  });
});

describe('frame', () => {
  it('has a skip link, a language menu naming each language in itself, and one h1', async () => {
    await renderRoutes(routes, '/');
    expect(await screen.findByRole('link', { name: 'Skip to main content' })).toHaveAttribute(
      'href',
      '#main',
    );
    const menu = screen.getByRole('combobox', { name: 'Language' });
    expect(
      within(menu)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['English', 'Кыргызча', 'Norsk bokmål', 'Norsk nynorsk']);
    // The page itself loads lazily after the frame: wait for its heading.
    expect(await screen.findAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('switches language from the menu without a reload', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, '/');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Language' }), 'nb');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Mine planer' }),
    ).toBeInTheDocument();
  });

  it('says why a dropped plan file is refused (its words load with the first refusal)', async () => {
    await renderRoutes(routes, '/');
    const page = (await screen.findByRole('heading', { level: 1, name: 'My plans' })).closest(
      '.drop-target',
    )!;
    const broken = new File(['{ not a plan'], 'broken.hocplan.json', { type: 'application/json' });
    fireEvent.drop(page, { dataTransfer: { types: ['Files'], files: [broken] } });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "This file can't be read as a plan: it is cut off or damaged",
    );
    // An empty file is named as empty, not as one that may be damaged.
    const empty = new File([''], 'empty.hocplan.json', { type: 'application/json' });
    fireEvent.drop(page, { dataTransfer: { types: ['Files'], files: [empty] } });
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'This file is empty: there is no plan in it.',
      ),
    );
    expect(plansStore.getState().plans).toEqual([]);
  });

  it('shows a not-found page for unknown addresses and unknown plans', async () => {
    await renderRoutes(routes, '/nowhere');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
  });

  it('shows "Plan not found" for a plan id that does not exist', async () => {
    await renderRoutes(routes, '/plans/nope');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Plan not found' }),
    ).toBeInTheDocument();
    // The tab says so too, as for an unknown address.
    await waitFor(() => expect(document.title).toBe('Plan not found · Hour of Code planner'));
  });
});

describe('plan page', () => {
  it('keeps the last good value when a detail is wrong, and says why beside the field', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = await renderRoutes(routes, '/');
    await createPlan(user);
    await screen.findByRole('heading', { level: 1, name: 'Hour of Code school assembly' });
    const target = screen.getByLabelText('Planned length (minutes)');
    await user.clear(target);
    await user.type(target, '-5');
    expect(target).toHaveAccessibleDescription(
      expect.stringContaining('Enter a whole number from 1 to 1440.'),
    );
    expect(plansStore.getState().plans[0]!.event.targetMinutes).toBe(65);
    await user.clear(target);
    await user.type(target, '75');
    expect(plansStore.getState().plans[0]!.event.targetMinutes).toBe(75);

    await user.click(screen.getByRole('link', { name: 'Run of show' }));
    expect(router.state.location.pathname).toMatch(/\/run-of-show$/);
    expect(await screen.findAllByRole('row')).toHaveLength(7);
    expect(screen.getByText('10:00 AM–10:05 AM')).toBeInTheDocument();
  });
});

describe('a new plan opens at once', () => {
  it("asks for the plan page's code while the New plan dialog is open", async () => {
    const preload = vi.fn();
    const i18n = await createTestI18n();
    renderWithI18n(
      <MemoryRouter>
        <PreloadPageContext value={preload}>
          <CreatePlanDialog open onClose={() => {}} onStartFromGuide={() => {}} />
        </PreloadPageContext>
      </MemoryRouter>,
      i18n,
    );
    expect(await screen.findByRole('dialog', { name: 'New plan' })).toBeInTheDocument();
    // Once the browser is idle (jsdom has no requestIdleCallback: a timer stands in for it).
    await waitFor(() => expect(preload).toHaveBeenCalledWith('/plans/new'), { timeout: 3000 });
    expect(preload).toHaveBeenCalledTimes(1);
  });
});
