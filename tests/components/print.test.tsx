import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '@/app/routes';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { finishShow, nextItem, startShow } from '@/plan/live-show';
import { setItemFields } from '@/plan/run-of-show';
import { plansStore } from '@/store/plans-store';
import { assemblyDetails, testDeps } from '../fixtures';
import { renderRoutes } from '../test-utils';

let planId: string;
const firstLoad = { timeout: 5000 };

beforeEach(() => {
  let plan = createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());
  const [, , guest, demo] = plan.runOfShow.items;
  // The guest is pinned at 10:20: five minutes of free time after the principal (10:05–10:15).
  plan = setItemFields(plan, guest!.id, { fixedStart: '10:20', note: 'Meet at the front door' });
  // The demo is pinned at 10:30, while the guest runs to 10:35: an overlap of 5 minutes.
  plan = setItemFields(plan, demo!.id, { fixedStart: '10:30' });
  plansStore.setState({ plans: [plan], history: {} });
  planId = plan.id;
});

const agenda = () => screen.getByRole('region', { name: 'Run of show' });

describe('printable plan', () => {
  it('puts the free time a pinned item leaves on paper, and an overlap beside its item', async () => {
    await renderRoutes(routes, `/plans/${planId}/print`);
    await screen.findByRole('heading', { level: 1 }, firstLoad);
    const rows = within(agenda()).getAllByRole('row');
    const gap = rows.find((row) => /Free time: 5 min/.test(row.textContent ?? ''))!;
    expect(gap).toHaveTextContent('10:15 AM–10:20 AM');
    // The free time sits between the principal's row and the guest's.
    expect(rows[rows.indexOf(gap) - 1]).toHaveTextContent('principal');
    expect(rows[rows.indexOf(gap) + 1]).toHaveTextContent('10:20 AM–10:35 AM');
    expect(within(agenda()).getByText('Overlaps the item before by 5 min')).toBeInTheDocument();
  });

  it('prints item notes only while "include notes" is on', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, `/plans/${planId}/print`);
    await screen.findByRole('heading', { level: 1 }, firstLoad);
    expect(within(agenda()).getByText('Meet at the front door')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /notes/i }));
    expect(within(agenda()).queryByText('Meet at the front door')).not.toBeInTheDocument();
  });
});

describe('show report', () => {
  it("names the event's date", async () => {
    const plan = plansStore.getState().plans[0]!;
    const at = Date.parse('2026-12-07T09:00:00Z');
    let show = startShow(plan, at);
    show = nextItem(show, at + 5 * 60_000);
    show = finishShow(show, at + 10 * 60_000);
    plansStore.setState({ plans: [{ ...plan, shows: [show] }], history: {} });
    await renderRoutes(routes, `/plans/${planId}/live/runs/${show.id}`);
    await screen.findByRole('heading', { level: 1, name: 'How it went' }, firstLoad);
    expect(screen.getByText(/Assembly · event on Monday, December 7, 2026/)).toBeInTheDocument();
  });
});

describe('the print dialog', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("opens on arrival from the plan's Print button, once, and not again on a reload", async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const user = userEvent.setup({ delay: null });
    const { router } = await renderRoutes(routes, `/plans/${planId}`);
    await user.click(await screen.findByRole('link', { name: 'Print' }, firstLoad));
    await screen.findByRole('checkbox', { name: 'Checklist' }, firstLoad);
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    // The state that asked for it is gone: a reload (the same history entry) asks nothing.
    expect(router.state.location.state).toBeNull();
  });

  it('an address alone never opens it (a link from elsewhere, the old ?dialog=1)', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    await renderRoutes(routes, `/plans/${planId}/print?dialog=1`);
    await screen.findByRole('heading', { level: 1 }, firstLoad);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(print).not.toHaveBeenCalled();
  });
});
