import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Layout } from '@/app/layout';
import { lazyPage } from '@/app/routes';
import { renderRoutes } from '../test-utils';

/** Throws while `broken.now` holds, like a page that hit something it could not show. */
function Page({ broken }: { broken: { now: boolean } }) {
  if (broken.now) throw new Error('The page broke');
  return <h1>My plans</h1>;
}

describe('a page that fails', () => {
  it('at /, "Back to my plans" (the same address) tries the page again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = { now: true };
    const user = userEvent.setup({ delay: null });
    await renderRoutes(
      [{ element: <Layout />, children: [{ path: '/', element: <Page broken={broken} /> }] }],
      '/',
    );
    expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toBeVisible();
    expect(screen.getByText('The page broke')).toBeVisible();
    broken.now = false;
    await user.click(screen.getByRole('link', { name: 'Back to my plans' }));
    expect(await screen.findByRole('heading', { name: 'My plans' })).toBeVisible();
  });
});

describe('a page whose code did not download', () => {
  it('says to check the connection, and "Back to my plans" downloads it again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const network = { online: false };
    let downloads = 0;
    const { Page: PlansPage } = lazyPage(async () => {
      downloads += 1;
      if (!network.online)
        throw new TypeError('Failed to fetch dynamically imported module: /assets/plans-route.js');
      return { Component: () => <h1>My plans</h1> };
    });
    const user = userEvent.setup({ delay: null });
    await renderRoutes(
      [{ element: <Layout />, children: [{ path: '/', element: <PlansPage /> }] }],
      '/',
    );
    expect(await screen.findByRole('heading', { name: 'Something went wrong' })).toBeVisible();
    expect(screen.getByText(/Check your connection, then try again/)).toBeVisible();

    network.online = true;
    const failedDownloads = downloads;
    await user.click(screen.getByRole('link', { name: 'Back to my plans' }));
    expect(await screen.findByRole('heading', { name: 'My plans' })).toBeVisible();
    expect(downloads).toBe(failedDownloads + 1);
  });
});
