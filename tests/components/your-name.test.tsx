import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { YourNameField } from '@/features/share/your-name-field';
import { yourName } from '@/store/replica';
import { createTestI18n, renderWithI18n } from '../test-utils';

beforeEach(() => {
  yourName.getState().setName('');
});
// Component files share a worker: no name is left behind for the next file.
afterEach(() => {
  yourName.getState().setName('');
});

describe('Your name', () => {
  it('is kept when the field is left, without pressing Save, and says so on screen', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithI18n(
      <>
        <YourNameField />
        <button type="button">Elsewhere</button>
      </>,
      await createTestI18n('en'),
    );
    const field = screen.getByRole('textbox', { name: 'Your name (optional)' });
    await user.type(field, 'Kari');
    expect(screen.queryByText('Your name is saved in this browser.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(yourName.getState().name).toBe('Kari');
    expect(screen.getByText('Your name is saved in this browser.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Save name' })).toBeDisabled();
  });

  it('is saved with Enter too', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithI18n(<YourNameField />, await createTestI18n('en'));
    await user.type(screen.getByRole('textbox', { name: 'Your name (optional)' }), 'Olga{Enter}');
    expect(yourName.getState().name).toBe('Olga');
  });
});
