import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addDays } from 'date-fns';
import { beforeEach, describe, expect, it } from 'vitest';
import { routes } from '@/app/routes';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { formatDay } from '@/plan/dates';
import { plansStore } from '@/store/plans-store';
import { assemblyDetails } from '../fixtures';
import { renderRoutes } from '../test-utils';

let planId: string;
const firstLoad = { timeout: 5000 };

beforeEach(() => {
  // Made today for an event five days from now: eight of the guide's steps are already late.
  let n = 0;
  const plan = createPlanFromTemplate(
    'school-assembly',
    { ...assemblyDetails, date: formatDay(addDays(new Date(), 5)) },
    { now: () => new Date(), newId: () => `id-${++n}` },
  );
  plansStore.setState({ plans: [plan], history: {} });
  planId = plan.id;
});

const offer = () => screen.queryByRole('region', { name: /This plan starts close to its date/ });

describe('a plan made close to its date', () => {
  it('offers once to spread the late steps, names what matters most, and the spread is undone by Undo', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, `/plans/${planId}/checklist`);
    const region = await screen.findByRole(
      'region',
      { name: 'This plan starts close to its date: 8 steps are already late.' },
      firstLoad,
    );
    expect(
      within(region)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Pick the place, the date and the time of the event.',
      expect.stringMatching(/^Write to the mayor/),
      expect.stringMatching(/^Invite the media by email/),
    ]);
    expect(screen.getByRole('button', { name: '8 steps late' })).toBeInTheDocument();

    await user.click(
      within(region).getByRole('button', { name: 'Spread the late steps over the days left' }),
    );
    expect(offer()).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /steps late/ })).not.toBeInTheDocument();
    // The buttons are gone: focus goes to the note that says what happened, seen on screen.
    const done = screen.getByText(/The late steps now fall between today and the day before/);
    expect(done).toHaveFocus();

    // One action: one Undo brings the dates and the offer back.
    await user.click(
      within(screen.getByRole('group', { name: 'Undo and redo' })).getByRole('button', {
        name: 'Undo',
      }),
    );
    expect(offer()).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '8 steps late' })).toBeInTheDocument();
  });

  it('"Keep the dates" closes the offer for good and changes no date', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, `/plans/${planId}/checklist`);
    await screen.findByRole('region', { name: /This plan starts close/ }, firstLoad);
    const before = plansStore.getState().plans[0]!.checklist;
    await user.click(screen.getByRole('button', { name: 'Keep the dates' }));
    expect(offer()).not.toBeInTheDocument();
    // Not to the page: to the checklist's heading, where the offer was.
    expect(screen.getByRole('heading', { level: 2, name: 'Checklist' })).toHaveFocus();
    expect(plansStore.getState().plans[0]!.checklist).toBe(before);
    expect(plansStore.getState().plans[0]!.catchUpOffered).toBe(true);
    expect(screen.getByRole('button', { name: '8 steps late' })).toBeInTheDocument();
  });
});
