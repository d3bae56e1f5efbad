import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as download from '@/ui/download';
import { StorageBanner } from '@/app/storage-banner';
import { plansStore } from '@/store/plans-store';
import { storageStatus } from '@/store/storage-status';
import { heavyPlan } from '../fixtures';
import { createTestI18n, renderWithI18n } from '../test-utils';

afterEach(() => storageStatus.setState({ problems: [] }));

// A problem no save clears (a save pending from another test file would clear `quota`).
const NEWER_TITLE = 'Your plans were saved by a newer version';
const planA = '{"id":"a","title":""}';
const planB = '{"id":"b","runOfShow":"x"}';

describe('storage banner', () => {
  it('is not in the page until saving has a problem, then says so', async () => {
    renderWithI18n(<StorageBanner />, await createTestI18n('en'));
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => storageStatus.getState().report({ kind: 'newer', version: 99, raw: '{}' }));
    expect(await screen.findByRole('alert', { name: NEWER_TITLE })).toBeInTheDocument();
  });

  it('says how many stored plans could not be read, and offers them for download', async () => {
    const user = userEvent.setup({ delay: null });
    const save = vi.spyOn(download, 'downloadFile').mockImplementation(() => {});
    storageStatus.getState().report({
      kind: 'rejected',
      plans: [
        { raw: planA, backupKey: 'hoc-planner.backup.1' },
        { raw: planB, backupKey: 'hoc-planner.backup.2' },
      ],
    });
    renderWithI18n(<StorageBanner />, await createTestI18n('en'));
    const banner = await screen.findByRole('alert', { name: '2 saved plans could not be read' });
    expect(banner).toHaveTextContent('They have been kept aside, untouched');
    expect(within(banner).queryByRole('button', { name: 'Download a backup' })).toBeNull();
    await user.click(within(banner).getByRole('button', { name: 'Download the damaged data' }));
    expect(save).toHaveBeenCalledTimes(1);
    const [fileName, content] = save.mock.calls[0]!;
    expect(fileName).toMatch(/^hour-of-code-unreadable-plans-.*\.json$/);
    expect(JSON.parse(content)).toEqual([JSON.parse(planA), JSON.parse(planB)]);
    await user.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('uses the singular for one plan, in every language', async () => {
    storageStatus.getState().report({
      kind: 'rejected',
      plans: [{ raw: planA, backupKey: 'hoc-planner.backup.1' }],
    });
    const titles = {
      en: '1 saved plan could not be read',
      ky: 'Сакталган 1 планды окуу мүмкүн болгон жок',
      nb: '1 lagret plan kunne ikke leses',
      nn: '1 lagra plan kunne ikkje lesast',
    } as const;
    for (const [lng, title] of Object.entries(titles)) {
      const { unmount } = renderWithI18n(
        <StorageBanner />,
        await createTestI18n(lng as keyof typeof titles),
      );
      expect(await screen.findByRole('alert', { name: title })).toBeInTheDocument();
      unmount();
    }
  });

  it('when a copy could not be kept aside: says saving stopped and offers a backup', async () => {
    const user = userEvent.setup({ delay: null });
    const save = vi.spyOn(download, 'downloadFile').mockImplementation(() => {});
    storageStatus.getState().report({
      kind: 'rejected',
      plans: [{ raw: planA, backupKey: null }],
    });
    storageStatus.getState().report({ kind: 'damaged', raw: 'garbage', backupKey: null });
    renderWithI18n(<StorageBanner />, await createTestI18n('en'));

    const rejected = await screen.findByRole('alert', { name: '1 saved plan could not be read' });
    expect(rejected).toHaveTextContent('a copy of it could not be kept aside');
    expect(rejected).toHaveTextContent('changes you make now are not kept');
    expect(rejected).toHaveClass('banner--error');
    expect(within(rejected).queryByRole('button', { name: 'Dismiss' })).toBeNull();
    await user.click(within(rejected).getByRole('button', { name: 'Download a backup' }));
    // The backup's code (the file format) loads when it is first asked for.
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save.mock.calls[0]![0]).toMatch(/^hour-of-code-plans-backup-.*\.json$/);

    const damaged = await screen.findByRole('alert', { name: 'Some saved data could not be read' });
    expect(damaged).toHaveTextContent('a copy of it could not be kept aside');
    expect(damaged).not.toHaveTextContent('It has been kept aside');
    expect(within(damaged).getByRole('button', { name: 'Download a backup' })).toBeInTheDocument();
    await user.click(within(damaged).getByRole('button', { name: 'Download the damaged data' }));
    expect(save.mock.calls[1]!.slice(1)).toEqual(['garbage', 'text/plain']);
  });

  it('storage full: "Try saving again" keeps the banner until the plans are saved', async () => {
    const user = userEvent.setup({ delay: null });
    const title = 'Your latest changes are not saved';
    // The banner as each save attempt finds it: it must still be up while a save is tried.
    const bannerAtSave: boolean[] = [];
    let full = true;
    const flush = vi.spyOn(plansStore, 'flush').mockImplementation(() => {
      bannerAtSave.push(screen.queryByRole('alert', { name: title }) !== null);
      if (full) {
        storageStatus.getState().report({ kind: 'quota' });
        return 'quota';
      }
      storageStatus.getState().clear('quota');
      return 'saved';
    });
    storageStatus.getState().report({ kind: 'quota' });
    renderWithI18n(<StorageBanner />, await createTestI18n('en'));
    const banner = await screen.findByRole('alert', { name: title });
    const retry = within(banner).getByRole('button', { name: 'Try saving again' });

    await user.click(retry);
    await waitFor(() => expect(flush).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('alert', { name: title })).toBeInTheDocument();

    full = false;
    await user.click(
      within(screen.getByRole('alert', { name: title })).getByRole('button', {
        name: 'Try saving again',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('alert', { name: title })).toBeNull());
    expect(flush).toHaveBeenCalledTimes(2);
    expect(bannerAtSave).toEqual([true, true]);
  });

  it('storage full: names the plans that take the most room, largest first, in the language shown', async () => {
    plansStore.setState({
      plans: [
        heavyPlan('Small', 0),
        heavyPlan('Huge', 1_450_000),
        heavyPlan('Tiny', 0),
        heavyPlan('Medium', 60_000),
      ],
      history: {},
    });
    storageStatus.getState().report({ kind: 'quota' });
    const { unmount } = renderWithI18n(<StorageBanner />, await createTestI18n('en'));
    const banner = await screen.findByRole('alert', { name: 'Your latest changes are not saved' });
    expect(banner).toHaveTextContent('The plans that take the most room here:');
    const items = within(banner)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^“\u2068Huge\u2069”: 2\.8\u00a0MB$/);
    expect(items[1]).toMatch(/^“\u2068Medium\u2069”: \d+\.\d\u00a0KB$/);
    unmount();

    renderWithI18n(<StorageBanner />, await createTestI18n('nb'));
    const nb = await screen.findByRole('alert', {
      name: 'De siste endringene dine er ikke lagret',
    });
    expect(within(nb).getAllByRole('listitem')[0]).toHaveTextContent(
      /^«\u2068Huge\u2069»: 2,8 MB$/,
    );
  });

  it('storage full: a title with a right-to-left override keeps to itself in the list', async () => {
    plansStore.setState({
      plans: [{ ...heavyPlan('Evil', 0), title: '\u202eevil' }],
      history: {},
    });
    storageStatus.getState().report({ kind: 'quota' });
    renderWithI18n(<StorageBanner />, await createTestI18n('en'));
    const banner = await screen.findByRole('alert', { name: 'Your latest changes are not saved' });
    expect(within(banner).getByRole('listitem').textContent).toMatch(
      /^“\u2068\u202eevil\u2069”: \d+\.\d\u00a0KB$/,
    );
  });
});
