import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '@/app/routes';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { plansStore } from '@/store/plans-store';
import { assemblyDetails, testDeps } from '../fixtures';
import { serviceWorker } from '../stubs/pwa-register';
import { renderRoutes } from '../test-utils';

const updateServiceWorker = vi.fn(async () => {});

beforeEach(() => {
  // A new version is waiting: the notice shows, and "Reload now" would hand over to it.
  updateServiceWorker.mockClear();
  serviceWorker.needRefresh = true;
  serviceWorker.updateServiceWorker = updateServiceWorker;
  const plan = createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());
  plansStore.setState({ plans: [plan], history: {} });
});

describe('the update notice', () => {
  it('does not reload over unsaved typing: it sends the user back to it, then reloads', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, '/');
    await user.click((await screen.findAllByRole('button', { name: 'Rename' }))[0]!);
    const name = screen.getByLabelText('Plan name');
    await user.clear(name);
    await user.type(name, 'Kodetimen 5B');

    // The notice loads once the page is up and the browser idle (app/app-status.tsx).
    await user.click(await screen.findByRole('button', { name: 'Reload now' }));
    expect(updateServiceWorker).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'You have an edit open that is not saved yet',
    );
    expect(name).toHaveFocus();
    expect(name).toHaveValue('Kodetimen 5B');

    await user.keyboard('{Enter}');
    expect(plansStore.getState().plans[0]!.title).toBe('Kodetimen 5B');
    await user.click(screen.getByRole('button', { name: 'Reload now' }));
    // Pending edits are written first, then the new version takes over.
    await waitFor(() => expect(updateServiceWorker).toHaveBeenCalledWith(true));
  });

  it('reloads at once when nothing is being typed', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, '/');
    await user.click(await screen.findByRole('button', { name: 'Reload now' }));
    await waitFor(() => expect(updateServiceWorker).toHaveBeenCalledWith(true));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
