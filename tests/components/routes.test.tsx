import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Layout } from '@/app/layout';
import { pageFor, routes } from '@/app/routes';
import { renderRoutes } from '../test-utils';

function Broken(): never {
  throw new Error('The page broke');
}

describe('routes', () => {
  it.each([
    ['/', '/'],
    ['/shared', '/shared'],
    ['/plans/abc', '/plans/:planId/*'],
    ['/plans/abc/checklist', '/plans/:planId/*'],
    ['/plans/abc/print', '/plans/:planId/print'],
    ['/plans/abc/live', '/plans/:planId/live/*'],
    ['/plans/abc/live/runs/r1', '/plans/:planId/live/*'],
    ['/plans/abc/stage', '/plans/:planId/stage'],
    ['/nothing/here', '*'],
  ])('preloads the right page for %s', (pathname, page) => {
    expect(pageFor(pathname)?.path).toBe(page);
  });

  it('a page that fails shows the error page inside the frame, and another address recovers', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const user = userEvent.setup({ delay: null });
    const withBrokenPage = [
      {
        path: '/',
        element: <Layout />,
        children: [
          { path: 'broken', element: <Broken /> },
          { path: 'fine', element: <h1>Fine again</h1> },
        ],
      },
    ];
    const { router } = await renderRoutes(withBrokenPage, '/broken');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Something went wrong' }),
    ).toBeVisible();
    expect(screen.getByText('The page broke')).toBeInTheDocument();
    // The frame stays: the language menu and the way home.
    expect(screen.getByRole('banner')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Back to my plans' }));
    expect(router.state.location.pathname).toBe('/');
    expect(screen.queryByText('The page broke')).not.toBeInTheDocument();
    await router.navigate('/fine');
    expect(await screen.findByRole('heading', { level: 1, name: 'Fine again' })).toBeVisible();
  });

  it('the real routes render the plans page at /', async () => {
    await renderRoutes(routes, '/');
    expect(await screen.findByRole('heading', { level: 1, name: 'My plans' })).toBeVisible();
  });
});
