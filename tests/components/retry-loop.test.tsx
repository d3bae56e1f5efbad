import { Suspense } from 'react';
import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { LoadWhenOpened, retryableLazy } from '@/ui/lazy-dialog';
import { preloadable } from '@/ui/preloadable';
import { RouteErrorBoundary } from '@/app/route-error';
import { createTestI18n, renderWithI18n } from '../test-utils';

// Code that fails to download the way a network fails (after a moment, not at once) must be shown
// as failed, and asked for again only when the user asks: React retrying the part that suspended
// once met a fresh attempt each time (a review saw some 150 requests a second, and no message).
const offline = () =>
  new Promise<never>((_, reject) =>
    setTimeout(() => reject(new TypeError('Failed to fetch dynamically imported module')), 20),
  );

describe('a download that fails like a network does', () => {
  it('retryableLazy: says so once, without asking again by itself', async () => {
    let calls = 0;
    const Banners = retryableLazy(() => {
      calls += 1;
      return offline();
    });
    renderWithI18n(
      <LoadWhenOpened open>
        <Banners />
      </LoadWhenOpened>,
      await createTestI18n(),
    );
    expect(await screen.findByRole('alert', {}, { timeout: 1500 })).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toBeLessThanOrEqual(2);
  });

  it('preloadable (the plan list): the route error shows, without asking again by itself', async () => {
    let calls = 0;
    const { Component: List } = preloadable(() => {
      calls += 1;
      return offline();
    });
    renderWithI18n(
      <MemoryRouter>
        <RouteErrorBoundary resetKey="a">
          <Suspense fallback={<p>Loading</p>}>
            <List />
          </Suspense>
        </RouteErrorBoundary>
      </MemoryRouter>,
      await createTestI18n(),
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(calls).toBeLessThanOrEqual(2);
    expect(screen.queryByText('Loading')).not.toBeInTheDocument();
    // The error page says so, with the way back (which asks again).
    expect(screen.getByRole('link', { name: 'Back to my plans' })).toBeInTheDocument();
  });
});
