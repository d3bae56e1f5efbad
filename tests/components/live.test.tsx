import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '@/app/routes';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { finishShow, nextItem, startShow } from '@/plan/live-show';
import type { Plan } from '@/plan/schema';
import { plansStore } from '@/store/plans-store';
import { assemblyDetails, testDeps } from '../fixtures';
import { renderRoutes } from '../test-utils';

const T0 = Date.parse('2026-12-07T10:00:00');
const MIN = 60_000;
let plan: Plan;
const stored = () => plansStore.getState().plans[0]!;

beforeEach(() => {
  plan = createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());
  const rehearsal = finishShow(
    nextItem(startShow(plan, T0 - 24 * 60 * MIN, { kind: 'rehearsal', id: 'r1' }), T0 - 1435 * MIN),
    T0 - 1420 * MIN,
  );
  const event = finishShow(startShow(plan, T0 + 3 * MIN, { id: 'e1' }), T0 + 70 * MIN);
  plan = { ...plan, shows: [rehearsal, event] };
  plansStore.setState({ plans: [plan], history: {} });
});

describe('runs of the show', () => {
  it('lists every earlier run with its report, and removing one can be undone', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, `/plans/${plan.id}/live`);
    const runs = await screen.findByRole('region', { name: 'Earlier runs' });
    const items = within(runs).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Rehearsal 1 · .* · took 20 min/),
      expect.stringMatching(/^The event · .* · took 67 min/),
    ]);
    await user.click(within(runs).getByRole('button', { name: 'Remove Rehearsal 1' }));
    expect(stored().shows.map((r) => r.id)).toEqual(['e1']);
    expect(screen.getByText('Rehearsal 1 removed.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(stored().shows.map((r) => r.id)).toEqual(['r1', 'e1']);
    expect(within(runs).getAllByRole('listitem')).toHaveLength(2);
  });

  it("opens a run's report with the event's date, the run and how late it started", async () => {
    await renderRoutes(routes, `/plans/${plan.id}/live/runs/e1`);
    expect(await screen.findByRole('heading', { level: 1, name: 'How it went' })).toBeVisible();
    expect(screen.getByText(/event on Monday, December 7, 2026/)).toBeInTheDocument();
    expect(
      screen.getByText(
        /The event: run on Monday, December 7, 2026 at 10:03 AM · started 3 min late/,
      ),
    ).toBeInTheDocument();
  });

  it('says so for a run that does not exist', async () => {
    await renderRoutes(routes, `/plans/${plan.id}/live/runs/nope`);
    expect(await screen.findByRole('heading', { level: 1 })).not.toHaveTextContent('How it went');
  });
});

describe('the start screen, days before the event', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Opens `page` of the plan (no runs yet) with the clock at `at`. */
  async function openAt(at: string, page: 'live' | 'stage') {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(at));
    plansStore.setState({ plans: [{ ...plan, shows: [] }], history: {} });
    await renderRoutes(routes, `/plans/${plan.id}/${page}`);
  }

  it("says when the event is planned, with no countdown to this morning's start, and offers a rehearsal", async () => {
    // A week early, 45 minutes before the day's start time.
    await openAt('2026-11-30T09:15:00', 'live');
    expect(
      await screen.findByRole('heading', { level: 2, name: /^Scheduled for .*December/ }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Starts in/ })).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /A rehearsal/ })).toBeChecked();
  });

  it("names the first item apart from its sentence: a title's right-to-left override stays in it", async () => {
    const [first, ...rest] = plan.runOfShow.items;
    plan = {
      ...plan,
      runOfShow: {
        ...plan.runOfShow,
        items: [{ ...first!, titleKey: null, title: '\u202eevil' }, ...rest],
      },
    };
    await openAt('2026-11-30T09:15:00', 'live');
    expect(await screen.findByText(/^Scheduled start/)).toHaveTextContent(
      /· First: \u2068\u202eevil\u2069$/,
    );
  });

  it('the stage screen too says when the event is planned, with no countdown', async () => {
    await openAt('2026-11-30T09:15:00', 'stage');
    expect(
      await screen.findByRole('heading', { level: 1, name: /^Scheduled for .*December/ }),
    ).toBeInTheDocument();
    expect(screen.queryByText('44:45')).not.toBeInTheDocument();
  });

  it('on the day, counts down and takes the run for the event', async () => {
    await openAt('2026-12-07T09:15:00', 'live');
    expect(await screen.findByRole('heading', { level: 2, name: /45 min/ })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /The event/ })).toBeChecked();
  });
});
