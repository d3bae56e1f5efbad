import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Layout } from '@/app/layout';
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
    const user = userEvent.setup();
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
