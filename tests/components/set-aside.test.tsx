import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_KEY_PREFIX } from '@/data/backup';
import { PlanList, SetAsideSlot } from '@/features/plans/plan-list';
import { plansStore } from '@/store/plans-store';
import * as download from '@/ui/download';
import { createTestI18n, renderWithI18n } from '../test-utils';

/*
 * The plans page lists the copies of unreadable data the browser kept aside, for as long as
 * there are any: each can be downloaded and deleted (with Undo), so they neither get lost nor
 * fill the browser's storage for good.
 */

const OLDER = `${BACKUP_KEY_PREFIX}2026-11-30T08:00:00.000Z`;
const NEWER = `${BACKUP_KEY_PREFIX}2026-12-02T10:15:00.000Z`;

beforeEach(() => {
  plansStore.setState({ plans: [] });
});

async function renderList(lng: 'en' | 'nb' = 'en') {
  const i18n = await createTestI18n(lng);
  renderWithI18n(
    <MemoryRouter>
      <main tabIndex={-1}>
        <PlanList />
        <SetAsideSlot />
      </main>
    </MemoryRouter>,
    i18n,
  );
}

describe('data set aside', () => {
  it('shows nothing when no copy is kept aside', async () => {
    localStorage.setItem('hoc-planner.plans', '[]');
    await renderList();
    // The list has rendered (its undo region is there), and no section with it.
    await waitFor(() => expect(screen.getAllByRole('status').length).toBeGreaterThan(0));
    expect(screen.queryByRole('region', { name: 'Data set aside' })).not.toBeInTheDocument();
  });

  it('lists each copy, newest first, with when it was kept and its size, and downloads it', async () => {
    localStorage.setItem(OLDER, 'x'.repeat(2048));
    localStorage.setItem(NEWER, '{"damaged":');
    const save = vi.spyOn(download, 'downloadFile').mockImplementation(() => {});
    const user = userEvent.setup({ delay: null });
    await renderList();

    const section = await screen.findByRole('region', { name: 'Data set aside' });
    const copies = within(section).getAllByRole('listitem');
    // Oslo time (the tests' zone): 10:15 UTC is 11:15.
    expect(copies.map((c) => c.textContent)).toEqual([
      expect.stringContaining('Copy from Dec 2, 2026, 11:15\u00a0AM'),
      expect.stringContaining('Copy from Nov 30, 2026, 9:00\u00a0AM'),
    ]);
    // Two bytes a character, as browsers count the storage quota.
    expect(copies[1]).toHaveTextContent('4.0 KB');

    await user.click(
      within(section).getByRole('button', {
        name: 'Download the copy from Dec 2, 2026, 11:15\u00a0AM',
      }),
    );
    expect(save).toHaveBeenCalledWith(
      // In the user's own time, as the row shows it (11:15 in Oslo).
      'hour-of-code-set-aside-2026-12-02-11-15-00-000.txt',
      '{"damaged":',
      'text/plain',
    );
  });

  it('deletes a copy, focuses Undo, and Undo puts the same text back', async () => {
    localStorage.setItem(OLDER, 'older text');
    localStorage.setItem(NEWER, 'newer text');
    const user = userEvent.setup({ delay: null });
    await renderList();
    const section = await screen.findByRole('region', { name: 'Data set aside' });

    await user.click(
      within(section).getByRole('button', {
        name: 'Delete the copy from Nov 30, 2026, 9:00\u00a0AM',
      }),
    );
    expect(localStorage.getItem(OLDER)).toBeNull();
    expect(localStorage.getItem(NEWER)).toBe('newer text');
    expect(within(section).getAllByRole('listitem')).toHaveLength(1);
    expect(section).toHaveTextContent('The copy from Nov 30, 2026, 9:00 AM was deleted.');
    const undo = within(section).getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(undo).toHaveFocus());

    await user.click(undo);
    expect(localStorage.getItem(OLDER)).toBe('older text');
    expect(within(section).getAllByRole('listitem')).toHaveLength(2);
    expect(within(section).getByRole('heading', { name: 'Data set aside' })).toHaveFocus();
  });

  it('two copies deleted: Undo brings both back, latest first', async () => {
    localStorage.setItem(OLDER, 'older text');
    localStorage.setItem(NEWER, 'newer text');
    const user = userEvent.setup({ delay: null });
    await renderList();
    const section = await screen.findByRole('region', { name: 'Data set aside' });
    await user.click(within(section).getByRole('button', { name: /^Delete the copy from Nov 30/ }));
    await user.click(within(section).getByRole('button', { name: /^Delete the copy from Dec 2/ }));
    expect(localStorage.getItem(OLDER)).toBeNull();
    expect(localStorage.getItem(NEWER)).toBeNull();
    expect(section).toHaveTextContent('The copy from Dec 2, 2026, 11:15 AM was deleted.');

    const undo = within(section).getByRole('button', { name: 'Undo' });
    await user.click(undo);
    expect(localStorage.getItem(NEWER)).toBe('newer text');
    expect(section).toHaveTextContent('The copy from Nov 30, 2026, 9:00 AM was deleted.');
    expect(undo).toHaveFocus();
    await user.click(undo);
    expect(localStorage.getItem(OLDER)).toBe('older text');
    expect(within(section).getAllByRole('listitem')).toHaveLength(2);
    expect(within(section).queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
  });

  it('the last copy deleted: the message stays with Undo; dismissed, the section goes', async () => {
    localStorage.setItem(NEWER, 'only copy');
    const user = userEvent.setup({ delay: null });
    await renderList();
    const section = await screen.findByRole('region', { name: 'Data set aside' });
    await user.click(within(section).getByRole('button', { name: /^Delete the copy/ }));
    expect(localStorage.getItem(NEWER)).toBeNull();
    expect(within(section).queryByRole('listitem')).not.toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Data set aside' })).not.toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('a delete the browser refuses is said, and the copy stays listed', async () => {
    localStorage.setItem(NEWER, 'kept');
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(() => {
      throw new DOMException('refused', 'SecurityError');
    });
    const user = userEvent.setup({ delay: null });
    await renderList();
    const section = await screen.findByRole('region', { name: 'Data set aside' });
    await user.click(within(section).getByRole('button', { name: /^Delete the copy/ }));
    expect(within(section).getByRole('alert')).toHaveTextContent(
      'The copy could not be deleted: the browser refused. Try again, or reload the page.',
    );
    expect(within(section).getAllByRole('listitem')).toHaveLength(1);
    expect(localStorage.getItem(NEWER)).toBe('kept');
  });

  it('an Undo the browser refuses (storage full) still lets the deleted text be downloaded', async () => {
    localStorage.setItem(NEWER, 'the only copy of it');
    const save = vi.spyOn(download, 'downloadFile').mockImplementation(() => {});
    const user = userEvent.setup({ delay: null });
    await renderList();
    const section = await screen.findByRole('region', { name: 'Data set aside' });
    await user.click(within(section).getByRole('button', { name: /^Delete the copy/ }));
    // Another tab (or this one) takes the space the delete freed.
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await user.click(within(section).getByRole('button', { name: 'Undo' }));
    expect(within(section).getByRole('alert')).toHaveTextContent(
      'The copy could not be put back: the browser refused to save it (its storage may be full). Download it to keep it, or try Undo again.',
    );
    expect(localStorage.getItem(NEWER)).toBeNull();
    await user.click(
      within(section).getByRole('button', {
        name: 'Download the deleted copy from Dec 2, 2026, 11:15\u00a0AM',
      }),
    );
    expect(save).toHaveBeenCalledWith(
      // In the user's own time, as the row shows it (11:15 in Oslo).
      'hour-of-code-set-aside-2026-12-02-11-15-00-000.txt',
      'the only copy of it',
      'text/plain',
    );
    // Once storage has room again, Undo still works.
    setItem.mockRestore();
    await user.click(within(section).getByRole('button', { name: 'Undo' }));
    expect(localStorage.getItem(NEWER)).toBe('the only copy of it');
    expect(within(section).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('a delete refused by a browser that no longer reads storage is said, not hidden', async () => {
    localStorage.setItem(NEWER, 'kept');
    const user = userEvent.setup({ delay: null });
    await renderList();
    const section = await screen.findByRole('region', { name: 'Data set aside' });
    // From now on every read of storage throws: the list, read again, comes back empty.
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('refused', 'SecurityError');
    });
    await user.click(within(section).getByRole('button', { name: /^Delete the copy/ }));
    expect(within(section).getByRole('alert')).toHaveTextContent(
      'The copy could not be deleted: the browser refused.',
    );
    expect(section).toBeInTheDocument();
    vi.restoreAllMocks();
    expect(localStorage.getItem(NEWER)).toBe('kept');
  });

  it('a copy another tab deleted first just goes from the list when deleted here, no error', async () => {
    localStorage.setItem(OLDER, 'older text');
    localStorage.setItem(NEWER, 'newer text');
    const user = userEvent.setup({ delay: null });
    await renderList();
    const section = await screen.findByRole('region', { name: 'Data set aside' });
    // Gone from storage before this tab heard of it (its storage event not yet delivered).
    localStorage.removeItem(OLDER);
    await user.click(within(section).getByRole('button', { name: /^Delete the copy from Nov 30/ }));
    expect(within(section).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(section).getAllByRole('listitem')).toHaveLength(1);
    expect(localStorage.getItem(NEWER)).toBe('newer text');
  });

  it('a copy kept aside by another tab appears without a reload, in Bokmål', async () => {
    localStorage.setItem(NEWER, 'first');
    await renderList('nb');
    const section = await screen.findByRole('region', { name: 'Data lagt til side' });
    expect(within(section).getAllByRole('listitem')).toHaveLength(1);
    localStorage.setItem(OLDER, 'from the other tab');
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: OLDER }));
    });
    expect(within(section).getAllByRole('listitem')).toHaveLength(2);
    expect(section).toHaveTextContent('Kopi fra 30. nov. 2026, 09:00');
  });

  it('names the plans each copy holds, and tells apart copies kept in the same minute', async () => {
    const at = (stamp: string) => `${BACKUP_KEY_PREFIX}2026-12-02T10:15:${stamp}`;
    const save = JSON.stringify({
      state: { plans: [{ title: 'School assembly' }, { title: 'Coding club' }] },
      version: 3,
    });
    localStorage.setItem(at('07.000Z'), save);
    localStorage.setItem(at('42.000Z'), JSON.stringify({ id: 'p1', title: 'Robot day' }));
    localStorage.setItem(at('42.000Z#2'), 'not even JSON');
    const saved = vi.spyOn(download, 'downloadFile').mockImplementation(() => {});
    const user = userEvent.setup({ delay: null });
    await renderList();
    const section = await screen.findByRole('region', { name: 'Data set aside' });

    const rows = within(section).getAllByRole('listitem');
    // Of one minute: to the second. Of one second: with the plan it holds, where it names one.
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('Copy from Dec 2, 2026, 11:15:42\u00a0AM, “\u2068Robot day\u2069”'),
      expect.stringMatching(/^Copy from Dec 2, 2026, 11:15:42\u00a0AM\d/),
      expect.stringContaining('Copy from Dec 2, 2026, 11:15:07\u00a0AM'),
    ]);
    expect(rows[0]).toHaveTextContent('Holds one plan: “\u2068Robot day\u2069”');
    expect(rows[1]).toHaveTextContent('What it holds cannot be read as plans.');
    expect(rows[2]).toHaveTextContent(
      'Holds 2 plans: “\u2068School assembly\u2069” and “\u2068Coding club\u2069”',
    );
    // A screen reader hears what a copy holds with its buttons.
    expect(
      within(rows[2]!).getByRole('button', { name: /^Download the copy from .*:07/ }),
    ).toHaveAccessibleDescription(
      'Holds 2 plans: “\u2068School assembly\u2069” and “\u2068Coding club\u2069”',
    );

    // Every button has a name of its own, and every file too.
    const names = within(section)
      .getAllByRole('button')
      .map((button) => button.getAttribute('aria-label'));
    expect(new Set(names).size).toBe(names.length);
    await user.click(
      within(section).getByRole('button', {
        name: 'Download the copy from Dec 2, 2026, 11:15:42\u00a0AM',
      }),
    );
    expect(saved).toHaveBeenCalledWith(
      'hour-of-code-set-aside-2026-12-02-11-15-42-000-2.txt',
      'not even JSON',
      'text/plain',
    );

    await user.click(within(section).getByRole('button', { name: /^Delete the copy from .*:07/ }));
    expect(section).toHaveTextContent('The copy from Dec 2, 2026, 11:15:07 AM was deleted.');
    expect(localStorage.getItem(at('07.000Z'))).toBeNull();
  });

  it('in Bokmål, a copy of many plans names three and counts the rest', async () => {
    const plans = ['Kodetime', 'Robotdag', 'Foreldremøte', 'Skoleball', ''].map((title) => ({
      title,
    }));
    localStorage.setItem(NEWER, JSON.stringify({ state: { plans }, version: 3 }));
    await renderList('nb');
    const section = await screen.findByRole('region', { name: 'Data lagt til side' });
    expect(within(section).getByRole('listitem')).toHaveTextContent(
      'Inneholder 5 planer: «\u2068Kodetime\u2069», «\u2068Robotdag\u2069», «\u2068Foreldremøte\u2069» og 2 til',
    );
  });

  it('a key written again by another tab after a delete: its row is named apart from the message', async () => {
    localStorage.setItem(NEWER, 'deleted here');
    const user = userEvent.setup({ delay: null });
    await renderList();
    const section = await screen.findByRole('region', { name: 'Data set aside' });
    await user.click(within(section).getByRole('button', { name: /^Delete the copy/ }));
    expect(section).toHaveTextContent('The copy from Dec 2, 2026, 11:15 AM was deleted.');
    localStorage.setItem(NEWER, 'written by the other tab');
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: NEWER }));
    });
    const row = within(section).getByRole('listitem');
    expect(row.textContent).toMatch(/^Copy from Dec 2, 2026, 11:15:00\u00a0AM \(no\. 1\)/);
    expect(section).toHaveTextContent('The copy from Dec 2, 2026, 11:15 AM was deleted.');
    // Undo puts the deleted text back beside it, never over it.
    await user.click(within(section).getByRole('button', { name: 'Undo' }));
    expect(localStorage.getItem(NEWER)).toBe('written by the other tab');
    expect(localStorage.getItem(`${NEWER}#2`)).toBe('deleted here');
    expect(within(section).getAllByRole('listitem')).toHaveLength(2);
  });

  it("counts the plans of a big save in the language's own way", async () => {
    const plans = Array.from({ length: 1234 }, (_, i) => ({ title: `Plan ${i + 1}` }));
    localStorage.setItem(NEWER, JSON.stringify({ state: { plans } }));
    await renderList('nb');
    const section = await screen.findByRole('region', { name: 'Data lagt til side' });
    // A no-break space between thousands, as Bokmål writes them.
    expect(within(section).getByRole('listitem').textContent).toContain(
      'Inneholder 1\u00a0234 planer: «\u2068Plan 1\u2069», «\u2068Plan 2\u2069», «\u2068Plan 3\u2069» og 1\u00a0231 til',
    );
  });

  it('copies alike to the second, holding no plan to tell them by, are numbered oldest first', async () => {
    localStorage.setItem(`${BACKUP_KEY_PREFIX}2026-12-02T10:15:42.900Z`, 'later');
    localStorage.setItem(`${BACKUP_KEY_PREFIX}2026-12-02T10:15:42.100Z`, 'earlier');
    const user = userEvent.setup({ delay: null });
    await renderList();
    const section = await screen.findByRole('region', { name: 'Data set aside' });
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((row) => row.textContent),
    ).toEqual([
      expect.stringContaining('Copy from Dec 2, 2026, 11:15:42\u00a0AM (no. 2)'),
      expect.stringContaining('Copy from Dec 2, 2026, 11:15:42\u00a0AM (no. 1)'),
    ]);
    await user.click(within(section).getByRole('button', { name: /^Delete .*\(no\. 2\)$/ }));
    expect(section).toHaveTextContent(
      'The copy from Dec 2, 2026, 11:15:42 AM (no. 2) was deleted.',
    );
    expect(localStorage.getItem(`${BACKUP_KEY_PREFIX}2026-12-02T10:15:42.900Z`)).toBeNull();
    // While the delete can be undone, the other copy keeps its name: no row reads as the one the
    // message speaks of. Once the message is gone, alone in its second, it needs no number.
    expect(within(section).getByRole('listitem')).toHaveTextContent('(no. 1)');
    await user.click(within(section).getByRole('button', { name: 'Dismiss' }));
    expect(within(section).getByRole('listitem')).not.toHaveTextContent('no.');
  });

  it('a copy another tab rewrote (the same size) is read again, and shows what it holds now', async () => {
    localStorage.setItem(NEWER, JSON.stringify({ title: 'Alpha' }));
    await renderList();
    const section = await screen.findByRole('region', { name: 'Data set aside' });
    expect(within(section).getByRole('listitem')).toHaveTextContent(
      'Holds one plan: “\u2068Alpha\u2069”',
    );
    localStorage.setItem(NEWER, JSON.stringify({ title: 'Omega' }));
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: NEWER }));
    });
    expect(within(section).getByRole('listitem')).toHaveTextContent(
      'Holds one plan: “\u2068Omega\u2069”',
    );
  });

  it('right-to-left titles keep their place in the list', async () => {
    localStorage.setItem(
      NEWER,
      JSON.stringify({ state: { plans: [{ title: 'שלום' }, { title: '123' }, { title: 'abc' }] } }),
    );
    await renderList();
    const section = await screen.findByRole('region', { name: 'Data set aside' });
    // Each title is isolated (U+2068 … U+2069): its direction does not reorder its neighbours.
    expect(within(section).getByRole('listitem')).toHaveTextContent(
      'Holds 3 plans: “\u2068שלום\u2069”, “\u2068123\u2069”, and “\u2068abc\u2069”',
      { normalizeWhitespace: false },
    );
  });
});
