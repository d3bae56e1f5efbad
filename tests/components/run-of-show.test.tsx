import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '@/app/routes';
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

const stored = () => plansStore.getState().plans[0]!;
/**
 * Each item's times, read from the agenda table's "Time" column (rows of another shape, such as
 * an item's note, are skipped). Times carry a no-break space before AM/PM; the expectations
 * below write a plain one.
 */
const times = () => {
  const table = screen.getByRole('table', { name: /The agenda/ });
  const headers = within(table).getAllByRole('columnheader');
  const column = headers.findIndex((header) => header.textContent === 'Time');
  return within(table)
    .getAllByRole('row')
    .map((row) => within(row).queryAllByRole('cell'))
    .filter((cells) => cells.length === headers.length)
    .map((cells) => cells[column]!.textContent?.replace(/\u00a0/g, ' '));
};
const duration = (n: number) =>
  screen.getByRole('textbox', { name: `Item ${n}: length in minutes` });
const titleBox = (n: number) => screen.getByRole('textbox', { name: `Item ${n}: what happens` });
const history = () => screen.getByRole('group', { name: 'Undo and redo' });
/** The text selected in a field: what typing would replace. */
const selectedText = (field: HTMLElement) => {
  const { value, selectionStart, selectionEnd } = field as HTMLTextAreaElement;
  return value.slice(selectionStart, selectionEnd);
};

async function open() {
  const user = userEvent.setup({ delay: null });
  const view = await renderRoutes(routes, `/plans/${planId}/run-of-show`);
  await screen.findByRole('heading', { level: 2, name: 'Run of show' });
  return { user, ...view };
}

describe('run-of-show editor', () => {
  it("shows the guide's agenda with computed times and the total against the target", async () => {
    await open();
    expect(times()).toEqual([
      '10:00 AM–10:05 AM',
      '10:05 AM–10:15 AM',
      '10:15 AM–10:30 AM',
      '10:30 AM–10:40 AM',
      '10:40 AM–11:00 AM',
      '11:00 AM–11:05 AM',
    ]);
    expect(titleBox(1)).toHaveValue('Opening: an inspiring video');
    // The template plans the guide's own 65 minutes: a new plan starts in line.
    expect(screen.getByText(/Fits the planned 65 minutes exactly/)).toBeInTheDocument();
    expect(screen.queryByText(/over the planned/)).not.toBeInTheDocument();
  });

  it('a new duration moves every later item; Enter confirms, Escape cancels', async () => {
    const { user } = await open();
    await user.clear(duration(2));
    await user.type(duration(2), '15{Enter}');
    expect(times().slice(1)).toEqual([
      '10:05 AM–10:20 AM',
      '10:20 AM–10:35 AM',
      '10:35 AM–10:45 AM',
      '10:45 AM–11:05 AM',
      '11:05 AM–11:10 AM',
    ]);
    expect(screen.getByText(/5 minutes over the planned 65 minutes/)).toBeInTheDocument();

    await user.clear(duration(3));
    await user.type(duration(3), '99{Escape}');
    expect(duration(3)).toHaveValue('15');
    expect(stored().runOfShow.items[2]!.durationMinutes).toBe(15);
  });

  it('reads 1:15 and 1h15 as 75 minutes, and refuses what is not 1 to 720 whole minutes', async () => {
    const { user } = await open();
    await user.clear(duration(1));
    await user.type(duration(1), '1:15{Enter}');
    expect(duration(1)).toHaveValue('75');
    await user.clear(duration(1));
    await user.type(duration(1), '1h15');
    await user.tab();
    expect(duration(1)).toHaveValue('75');

    await user.clear(duration(1));
    await user.type(duration(1), '0{Enter}');
    expect(duration(1)).toHaveAccessibleDescription(
      'Enter whole minutes from 1 to 720, for example 15, 1:15 or 1h15.',
    );
    expect(stored().runOfShow.items[0]!.durationMinutes).toBe(75);
    await user.tab(); // leaving the field puts the last good value back
    expect(duration(1)).toHaveValue('75');
    // …without the message, which would seem to refuse the saved value.
    expect(duration(1)).not.toHaveAccessibleDescription();
    expect(duration(1)).not.toHaveAttribute('aria-invalid');
  });

  it('pinning an item to a time shows the gap or overlap before it', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: /More for item 3/ }));
    const fixed = screen.getByLabelText('Fixed start time');
    await user.type(fixed, '10:20');
    await user.tab();
    expect(screen.getByText('5 min gap before')).toBeInTheDocument();
    await user.clear(fixed);
    await user.type(fixed, '10:10');
    await user.tab();
    expect(screen.getByText('Overlaps the item before by 5 min')).toBeInTheDocument();
  });

  it("names an opened item's details by its item, so the fields of two open rows are told apart", async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: /More for item 2/ }));
    await user.click(screen.getByRole('button', { name: /More for item 3/ }));
    const second = screen.getByRole('group', { name: /^Item 2: \S/ });
    const third = screen.getByRole('group', { name: /^Item 3: \S/ });
    expect(within(second).getByLabelText('Note')).not.toBe(within(third).getByLabelText('Note'));
    expect(within(third).getByRole('group', { name: 'Item actions' })).toBeInTheDocument();
  });

  it('reorders by keyboard with Move up / Move down, and focus stays on the button', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: /More for item 2/ }));
    const down = screen.getByRole('button', { name: 'Move down' });
    down.focus();
    await user.keyboard('{Enter}');
    expect(
      stored()
        .runOfShow.items.map((i) => i.titleKey)
        .slice(0, 3),
    ).toEqual(['item.video', 'item.guest', 'item.principal']);
    expect(screen.getByRole('button', { name: 'Move down' })).toHaveFocus();
    expect(times()[2]).toBe('10:20 AM–10:30 AM');
  });

  it('undoes and redoes an edit, a delete and a reorder', async () => {
    const { user } = await open();
    const original = stored().runOfShow.items;

    await user.clear(duration(2));
    await user.type(duration(2), '15{Enter}');
    await user.click(within(history()).getByRole('button', { name: 'Undo' }));
    expect(stored().runOfShow.items).toEqual(original);
    await user.click(within(history()).getByRole('button', { name: 'Redo' }));
    expect(stored().runOfShow.items[1]!.durationMinutes).toBe(15);
    await user.click(within(history()).getByRole('button', { name: 'Undo' }));

    await user.click(screen.getByRole('button', { name: /More for item 6/ }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(stored().runOfShow.items).toHaveLength(5);
    await user.click(within(history()).getByRole('button', { name: 'Undo' }));
    expect(stored().runOfShow.items).toEqual(original);

    await user.click(screen.getByRole('button', { name: /More for item 1/ }));
    await user.click(screen.getByRole('button', { name: 'Move down' }));
    expect(stored().runOfShow.items[0]!.titleKey).toBe('item.principal');
    await user.click(within(history()).getByRole('button', { name: 'Undo' }));
    expect(stored().runOfShow.items).toEqual(original);
    await user.click(within(history()).getByRole('button', { name: 'Redo' }));
    expect(stored().runOfShow.items[0]!.titleKey).toBe('item.principal');
  });

  it('Ctrl+Z in a field Enter just committed undoes the edit; Ctrl+Shift+Z redoes it', async () => {
    const { user } = await open();
    const before = times();
    await user.clear(duration(2));
    await user.type(duration(2), '15{Enter}');
    expect(duration(2)).toHaveFocus();
    const after = times();
    expect(after[2]).toBe('10:20 AM–10:35 AM');

    await user.keyboard('{Control>}z{/Control}');
    expect(times()).toEqual(before);
    expect(duration(2)).toHaveValue('10');
    expect(duration(2)).toHaveFocus();
    expect(stored().runOfShow.items[1]!.durationMinutes).toBe(10);

    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(times()).toEqual(after);
    expect(duration(2)).toHaveValue('15');
    await user.keyboard('{Control>}z{/Control}');
    await user.keyboard('{Control>}y{/Control}');
    expect(duration(2)).toHaveValue('15');
    expect(stored().runOfShow.items[1]!.durationMinutes).toBe(15);
  });

  it('with uncommitted typing in a field, Ctrl+Z is left to the field', async () => {
    const { user } = await open();
    await user.clear(duration(2));
    await user.type(duration(2), '15{Enter}');
    await user.type(duration(2), '0'); // "150", not committed yet
    await user.keyboard('{Control>}z{/Control}');
    expect(stored().runOfShow.items[1]!.durationMinutes).toBe(15);
    expect(plansStore.getState().history[planId]!.past).toHaveLength(1);
    expect(times()[1]).toBe('10:05 AM–10:20 AM');
    expect(duration(2)).toHaveValue('150');

    // Escape puts the committed value back: the keys undo the plan's edit again.
    await user.keyboard('{Escape}');
    await user.keyboard('{Control>}z{/Control}');
    expect(stored().runOfShow.items[1]!.durationMinutes).toBe(10);
    expect(duration(2)).toHaveValue('10');
  });

  it('typing a title is one undo step, and the edited title stays in every language', async () => {
    const { user, i18n } = await open();
    await user.clear(titleBox(3));
    await user.type(titleBox(3), 'Mayor Hansen speaks{Enter}');
    expect(stored().runOfShow.items[2]).toMatchObject({
      titleKey: null,
      title: 'Mayor Hansen speaks',
    });
    await i18n.changeLanguage('nb');
    expect(await screen.findByRole('textbox', { name: 'Punkt 3: hva skjer' })).toHaveValue(
      'Mayor Hansen speaks',
    );
  });

  it("names each drag handle's role in the page's language, not dnd-kit's English", async () => {
    const { i18n } = await open();
    const handle = screen.getByRole('button', { name: /^Drag to reorder item 1:/ });
    expect(handle).toHaveAttribute('aria-roledescription', 'movable');
    await act(() => i18n.changeLanguage('nb'));
    await waitFor(() => expect(handle).toHaveAttribute('aria-roledescription', 'flyttbar'));
  });

  it('suggests the names already used for "who" once the agenda is in use, not as the page opens', async () => {
    plansStore.getState().updatePlan(planId, (p) => ({
      ...p,
      runOfShow: {
        ...p.runOfShow,
        items: p.runOfShow.items.map((item, i) => (i === 0 ? { ...item, who: 'Ana' } : item)),
      },
    }));
    const { user } = await open();
    const who = screen.getByRole('combobox', { name: 'Item 2: who' });
    const list = document.getElementById(who.getAttribute('list')!)!;
    // Sorting the names starts the browser's collation: not paid for on opening the page.
    expect(within(list).queryAllByRole('option', { hidden: true })).toHaveLength(0);
    await user.click(who);
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('option', { hidden: true })
          .map((option) => option.getAttribute('value')),
      ).toEqual(['Ana']),
    );
  });

  it('inserts, duplicates and deletes items with Undo', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: /More for item 1/ }));
    await user.click(screen.getByRole('button', { name: 'Insert below' }));
    expect(stored().runOfShow.items).toHaveLength(7);
    expect(titleBox(2)).toHaveValue('New item');
    expect(titleBox(2)).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Duplicate' }));
    expect(stored().runOfShow.items[1]!.titleKey).toBe('item.video');
    expect(stored().runOfShow.items).toHaveLength(8);

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(stored().runOfShow.items).toHaveLength(7);
    const bar = screen.getByText('The item was deleted.').parentElement!;
    // The row and its Delete are gone: focus goes to Undo, then back to the item's title.
    const undo = within(bar).getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(undo).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(stored().runOfShow.items).toHaveLength(8);
    // The deleted item was the first (its menu was open), back in its place, its title as it
    // was: not selected, so a key typed next does not replace it.
    await waitFor(() => expect(titleBox(1)).toHaveFocus());
    expect(titleBox(1)).toHaveValue('Opening: an inspiring video');
    expect(selectedText(titleBox(1))).toBe('');
  });

  it("Ctrl+Z puts the deleted item back: the bar goes, and its focus goes to the item's title", async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: /More for item 5/ }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const bar = screen.getByText('The item was deleted.').parentElement!;
    const undo = within(bar).getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(undo).toHaveFocus());
    await user.keyboard('{Control>}z{/Control}');
    expect(stored().runOfShow.items).toHaveLength(6);
    // Nothing left for the bar to undo: it goes, and the title takes the focus it had.
    expect(screen.queryByText('The item was deleted.')).not.toBeInTheDocument();
    await waitFor(() => expect(titleBox(5)).toHaveFocus());
    expect(selectedText(titleBox(5))).toBe('');

    // Deleted again, focus taken elsewhere, then Ctrl+Z: the bar goes, focus stays where it is.
    await user.click(screen.getByRole('button', { name: /More for item 5/ }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const moreSecond = screen.getByRole('button', { name: /More for item 2/ });
    moreSecond.focus();
    await user.keyboard('{Control>}z{/Control}');
    expect(stored().runOfShow.items).toHaveLength(6);
    expect(screen.queryByText('The item was deleted.')).not.toBeInTheDocument();
    expect(moreSecond).toHaveFocus();
    // Nothing left to take focus later: redo and undo the delete, focus stays where it is.
    const moreFirst = screen.getByRole('button', { name: /More for item 1/ });
    moreFirst.focus();
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(stored().runOfShow.items).toHaveLength(5);
    await user.keyboard('{Control>}z{/Control}');
    expect(stored().runOfShow.items).toHaveLength(6);
    expect(moreFirst).toHaveFocus();
  });

  it('Dismiss on the "was deleted" bar puts focus on the item now in its place, not on the page', async () => {
    const { user } = await open();
    const fourth = (titleBox(4) as HTMLTextAreaElement).value;
    await user.click(screen.getByRole('button', { name: /More for item 3/ }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const bar = screen.getByText('The item was deleted.').parentElement!;
    await waitFor(() => expect(within(bar).getByRole('button', { name: 'Undo' })).toHaveFocus());
    await user.tab();
    await user.keyboard('{Enter}');
    expect(screen.queryByText('The item was deleted.')).not.toBeInTheDocument();
    expect(titleBox(3)).toHaveFocus();
    expect(titleBox(3)).toHaveValue(fourth);

    // The last item deleted and dismissed: the one before it, now the last.
    await user.click(screen.getByRole('button', { name: /More for item 5/ }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(titleBox(4)).toHaveFocus();
  });

  it('Redo deleting the item whose title has focus moves focus to the item now in its place', async () => {
    const { user } = await open();
    const third = (titleBox(3) as HTMLTextAreaElement).value;
    await user.click(screen.getByRole('button', { name: /More for item 2/ }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.keyboard('{Control>}z{/Control}');
    expect(stored().runOfShow.items).toHaveLength(6);
    titleBox(2).focus();
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(stored().runOfShow.items).toHaveLength(5);
    await waitFor(() => expect(titleBox(2)).toHaveFocus());
    expect(titleBox(2)).toHaveValue(third);
  });

  it('a new item\'s title is selected as it takes focus: typing replaces "New item"', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: '+ Add an item' }));
    expect(titleBox(7)).toHaveFocus();
    expect(selectedText(titleBox(7))).toBe('New item');
    await user.keyboard('Coffee break{Enter}');
    expect(stored().runOfShow.items[6]!.title).toBe('Coffee break');

    await user.click(screen.getByRole('button', { name: /More for item 1/ }));
    await user.click(screen.getByRole('button', { name: 'Insert below' }));
    expect(titleBox(2)).toHaveFocus();
    await user.keyboard('Welcome song{Enter}');
    expect(stored().runOfShow.items[1]!.title).toBe('Welcome song');
  });

  it('shows a long title whole, and keeps it one line: Enter saves, a pasted line break is a space', async () => {
    const { user } = await open();
    const title = titleBox(3);
    expect(title.tagName).toBe('TEXTAREA');
    expect(title).toHaveValue(
      'A special guest talks about their path and how technology and computer science shape their day',
    );
    await user.clear(title);
    await user.type(title, 'Guest talk');
    await user.paste('\nwith questions');
    await user.keyboard('{Enter}');
    expect(stored().runOfShow.items[2]!.title).toBe('Guest talk with questions');
    expect(title).toHaveValue('Guest talk with questions');
  });

  it('a timeline bar tells its times and title when the pointer reaches it, after a change too', async () => {
    const { user } = await open();
    const bar = () => document.querySelector<HTMLElement>('[data-bar="2"]')!;
    await user.hover(bar());
    expect(bar()).toHaveAttribute(
      'title',
      expect.stringMatching(/^10:15\u00a0AM–10:30\u00a0AM A special guest/),
    );
    await user.clear(duration(2));
    await user.type(duration(2), '15{Enter}');
    await user.unhover(bar());
    await user.hover(bar());
    expect(bar()).toHaveAttribute(
      'title',
      expect.stringMatching(/^10:20\u00a0AM–10:35\u00a0AM A special guest/),
    );
  });

  it("printed from the browser's menu, the tab becomes the whole plan document", async () => {
    await open();
    expect(screen.queryByRole('article')).toBeNull();
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    const printed = screen.getByRole('article');
    expect(printed.closest('.print-only')).not.toBeNull();
    expect(
      within(printed).getByRole('heading', { level: 1, name: 'Assembly' }),
    ).toBeInTheDocument();
    expect(within(printed).getByText('Opening: an inspiring video')).toBeInTheDocument();
    // The editor itself is kept off the paper.
    expect(screen.getByRole('table', { name: /The agenda/ }).closest('.no-print')).not.toBeNull();
    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
    expect(screen.queryByRole('article')).toBeNull();
  });

  describe('the timeline while it is off screen', () => {
    // jsdom lays nothing out: a stand-in IntersectionObserver lets the test say what is visible.
    let report: ((near: boolean) => void) | null = null;
    beforeEach(() => {
      vi.stubGlobal(
        'IntersectionObserver',
        class {
          constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
            report = (near) => act(() => callback([{ isIntersecting: near }]));
          }
          observe() {}
          disconnect() {}
        },
      );
    });
    afterEach(() => {
      vi.unstubAllGlobals();
      report = null;
    });
    const barStart = (n: number) =>
      document.querySelector<HTMLElement>(`[data-bar="${n - 1}"]`)!.style.getPropertyValue('--at');

    it('catches up with a change when it comes near the screen', async () => {
      const { user } = await open();
      // The timeline follows the table (a deferred render): wait for its bars.
      await waitFor(() => expect(barStart(3)).toBe(String(10 * 60 + 15)));
      report!(false);
      await user.clear(duration(2));
      await user.type(duration(2), '15{Enter}');
      // The table and the summary follow at once; the bars below the fold wait.
      expect(times()[2]).toBe('10:20 AM–10:35 AM');
      expect(
        screen.getByRole('img', { name: /10:00\u00a0AM to 11:10\u00a0AM/ }),
      ).toBeInTheDocument();
      expect(barStart(3)).toBe(String(10 * 60 + 15));
      report!(true);
      expect(barStart(3)).toBe(String(10 * 60 + 20));
    });
  });
});
