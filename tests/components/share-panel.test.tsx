import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '@/app/routes';
import * as calendar from '@/plan/calendar';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { plansStore } from '@/store/plans-store';
import { assemblyDetails, testDeps } from '../fixtures';
import { renderRoutes } from '../test-utils';

let planId: string;

beforeEach(() => {
  const plan = createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());
  plansStore.setState({ plans: [plan], history: {} });
  planId = plan.id;
});

describe('share panel', () => {
  it('says so on screen when the calendar file cannot be made, and changes nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(calendar, 'planToIcs').mockRejectedValue(new Error('ics refused the events'));
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, `/plans/${planId}/share`);
    const before = plansStore.getState().plans;
    await user.click(await screen.findByRole('button', { name: 'Download calendar file (.ics)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The calendar file could not be made. Try again',
    );
    expect(plansStore.getState().plans).toBe(before);
  });

  it('in Norwegian, the same message in Bokmål', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(calendar, 'planToIcs').mockRejectedValue(new Error('ics refused the events'));
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, `/plans/${planId}/share`, 'nb');
    await user.click(await screen.findByRole('button', { name: /Last ned kalenderfil/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Kalenderfilen kunne ikke lages');
  });

  it('warns when a link is longer than chat apps keep, with the advice to send the file', async () => {
    // Notes that don't compress: the link grows past 8,000 characters.
    const bytes = crypto.getRandomValues(new Uint8Array(9000));
    const notes = Array.from(bytes, (b) => b.toString(36)).join('');
    plansStore.setState({
      plans: [{ ...plansStore.getState().plans[0]!, notes }],
      history: {},
    });
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, `/plans/${planId}/share`);
    await user.click(await screen.findByRole('button', { name: 'Copy link' }));
    const link = (await screen.findByLabelText(/Paste it into a message/)) as HTMLInputElement;
    expect(link.value.length).toBeGreaterThan(8000);
    const warning = await screen.findByRole('alert');
    expect(warning).toHaveTextContent(
      `This link is ${link.value.length.toLocaleString('en-US')} characters long`,
    );
    expect(warning).toHaveTextContent(
      'longer than 8,000 characters, so send the plan file instead',
    );
  });

  it('a short link gets no warning', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, `/plans/${planId}/share`);
    await user.click(await screen.findByRole('button', { name: 'Copy link' }));
    const link = (await screen.findByLabelText(/Paste it into a message/)) as HTMLInputElement;
    expect(link.value).toMatch(/\/shared#/);
    expect(link.value.length).toBeLessThan(8000);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  }, 20_000);
});
