import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { routes } from '@/app/routes';
import { browserDeps, createPlanFromTemplate } from '@/plan/create-plan';
import { serializePlan } from '@/plan/file-format';
import { plansStore } from '@/store/plans-store';
import kyEvents from '../fixtures/guides/ky-events.md?raw';
import notAGuide from '../fixtures/guides/not-a-guide.md?raw';
import { renderRoutes } from '../test-utils';

/* The dialog and preview with the real importer on the Kyrgyz events guide as published. */

beforeEach(() => {
  plansStore.setState({ plans: [] });
});

async function chooseGuideFiles(user: ReturnType<typeof userEvent.setup>, files: File[]) {
  await user.click(await screen.findByRole('button', { name: 'Create your first plan' }));
  const create = await screen.findByRole('dialog', { name: 'New plan' });
  await user.click(within(create).getByRole('button', { name: 'Start from a guide file…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Start from a guide file' });
  await user.upload(within(dialog).getByLabelText('Guide files'), files);
  return dialog;
}

describe('a real guide through the dialog', () => {
  it('previews the Kyrgyz events guide in Kyrgyz inside an English interface, then creates it', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, '/');
    await chooseGuideFiles(user, [new File([kyEvents], 'ky-events.md')]);
    const preview = await screen.findByRole(
      'dialog',
      { name: 'Preview of the new plan' },
      { timeout: 5000 },
    );
    const guide = within(preview).getByRole('region', {
      name: 'Код сааты иш-чарасын кантип өткөзүү керек',
    });
    expect(
      within(guide).getByText(/events guide · 6 steps, 5 ideas, 5 links, 6 agenda items/),
    ).toBeInTheDocument();
    expect(within(guide).getByRole('heading', { level: 4, name: 'Даярдык' })).toBeVisible();
    expect(
      within(guide).getByText('Өткөзүүчү жерди, күнүн жана убактысын тактагыла.'),
    ).toHaveAttribute('lang', 'ky');
    expect(within(guide).getByText('Everything in this guide was read.')).toBeInTheDocument();
    const agenda = within(preview).getByRole('region', { name: 'Agenda' });
    const times = within(agenda)
      .getAllByRole('listitem')
      .map((li) => li.textContent!.match(/^.*?[AP]M–.*?[AP]M/)?.[0]);
    expect(times).toEqual([
      '10:00\u00a0AM–10:05\u00a0AM',
      '10:05\u00a0AM–10:15\u00a0AM',
      '10:15\u00a0AM–10:30\u00a0AM',
      '10:30\u00a0AM–10:40\u00a0AM',
      '10:40\u00a0AM–11:00\u00a0AM',
      '11:00\u00a0AM–11:05\u00a0AM',
    ]);
    expect(preview).not.toHaveTextContent(/\{\{|<%|\]\(|&nbsp;/);
    expect(plansStore.getState().plans).toEqual([]);

    await user.click(within(preview).getByRole('button', { name: 'Create plan' }));
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Код сааты иш-чарасын кантип өткөзүү керек',
    });
    // Focus moves in an effect once the new page is on screen.
    await waitFor(() => expect(heading).toHaveFocus());
    expect(plansStore.getState().plans).toHaveLength(1);
  });

  it('refuses a README by name and keeps the plans as they were', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, '/');
    const dialog = await chooseGuideFiles(user, [new File([notAGuide], 'README.md')]);
    expect(await within(dialog).findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(
      'README.md: no steps were found.',
    );
    expect(plansStore.getState().plans).toEqual([]);
  });

  it('refuses a 50 MB file as too large, reading no more than the limit', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, '/');
    const huge = new File([new Uint8Array(50 * 1024 * 1024).fill(0x61)], 'huge.md');
    const dialog = await chooseGuideFiles(user, [huge]);
    expect(await within(dialog).findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(
      'huge.md: the file is larger than 1 MB; a guide is much smaller.',
    );
    expect(plansStore.getState().plans).toEqual([]);
  });

  it('tells a dropped plan file from a dropped guide', async () => {
    await renderRoutes(routes, '/');
    const page = (await screen.findByRole('heading', { level: 1, name: 'My plans' })).closest(
      '.drop-target',
    )!;
    const plan = createPlanFromTemplate(
      'blank',
      { title: 'Shared with me', date: '2026-12-07', startTime: '10:00', place: '' },
      browserDeps,
    );
    const file = new File(
      [serializePlan(plan, { appVersion: 'test', now: new Date(), translate: (key) => key })],
      'shared.hocplan.json',
    );
    fireEvent.drop(page, { dataTransfer: { types: ['Files'], files: [file] } });
    expect(
      await screen.findByText('“\u2068Shared with me\u2069” was added to your plans.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    fireEvent.drop(page, {
      dataTransfer: { types: ['Files'], files: [new File([kyEvents], 'ky-events.md')] },
    });
    expect(
      await screen.findByRole('dialog', { name: 'Preview of the new plan' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(plansStore.getState().plans).toHaveLength(1);
  });
});
