import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LoadWhenOpened, retryableLazy } from '@/ui/lazy-dialog';
import { createTestI18n, renderWithI18n } from '../test-utils';

/** A dialog whose code downloads only while `network.online`. */
function dialogOver(network: { online: boolean }) {
  let calls = 0;
  const Dialog = retryableLazy(async () => {
    calls += 1;
    if (!network.online) throw new TypeError('Failed to fetch dynamically imported module');
    return { default: ({ title }: { title: string }) => <p>{title}</p> };
  });
  return { Dialog, calls: () => calls };
}

describe('LoadWhenOpened with a retryable lazy dialog', () => {
  it('loads the code only when first opened', async () => {
    const { Dialog, calls } = dialogOver({ online: true });
    const i18n = await createTestI18n();
    const { rerender } = renderWithI18n(
      <LoadWhenOpened open={false}>
        <Dialog title="New plan" />
      </LoadWhenOpened>,
      i18n,
    );
    expect(calls()).toBe(0);
    rerender(
      <LoadWhenOpened open>
        <Dialog title="New plan" />
      </LoadWhenOpened>,
    );
    expect(await screen.findByText('New plan')).toBeInTheDocument();
    expect(calls()).toBe(1);
  });

  it('says so when the code does not download, and tries again on request', async () => {
    const network = { online: false };
    const { Dialog, calls } = dialogOver(network);
    renderWithI18n(
      <main>
        <h1>My plans</h1>
        <LoadWhenOpened open>
          <Dialog title="New plan" />
        </LoadWhenOpened>
      </main>,
      await createTestI18n(),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('could not be downloaded');
    // The page around it stays.
    expect(screen.getByRole('heading', { name: 'My plans' })).toBeInTheDocument();

    // Still offline: tried again, and said again.
    const before = calls();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(calls()).toBeGreaterThan(before);

    network.online = true;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('New plan')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
