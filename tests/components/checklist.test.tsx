import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addDays } from 'date-fns';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '@/app/routes';
import { moveStep, removeStep, setStepDone } from '@/plan/checklist';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { formatDay } from '@/plan/dates';
import * as drafts from '@/plan/drafts';
import type { Step } from '@/plan/schema';
import { editPlan } from '@/store/app-store';
import { plansStore } from '@/store/plans-store';
import { assemblyDetails, testDeps } from '../fixtures';
import { renderRoutes } from '../test-utils';

let planId: string;

beforeEach(() => {
  const plan = createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());
  plansStore.setState({ plans: [plan], history: {} });
  planId = plan.id;
});

const overall = () => screen.getByRole('progressbar', { name: 'Checklist progress' });
const stored = () => plansStore.getState().plans[0]!;
const section = (name: string) => screen.getByRole('region', { name });
/** The boxes of the steps shown: not the boxes that add an idea (described by the ideas' hint). */
const stepBoxes = () => {
  const pickers = screen.queryAllByRole('checkbox', { description: /^Tick an idea to add it/ });
  return screen.getAllByRole('checkbox').filter((box) => !pickers.includes(box));
};

async function open() {
  const user = userEvent.setup({ delay: null });
  const view = await renderRoutes(routes, `/plans/${planId}/checklist`);
  await screen.findByRole('heading', { level: 2, name: 'Checklist' });
  return { user, ...view };
}

describe('checklist', () => {
  it('ticks and unticks a step, and the progress bars follow', async () => {
    const { user } = await open();
    expect(overall()).toHaveAttribute('aria-valuenow', '0');
    expect(overall()).toHaveAttribute('aria-valuetext', '0 of 14 done');
    const step = screen.getByRole('checkbox', {
      name: 'Pick the place, the date and the time of the event.',
    });
    await user.click(step);
    expect(step).toBeChecked();
    expect(overall()).toHaveAttribute('aria-valuetext', '1 of 14 done');
    expect(within(section('Prepare')).getByRole('progressbar')).toHaveAttribute(
      'aria-valuetext',
      '1 of 4 done',
    );
    expect(screen.getByText('1 of 14 done')).toBeInTheDocument();
    expect(stored().checklist.sections[0]!.steps[0]!.doneAt).toEqual(expect.any(String));
    await user.click(step);
    expect(overall()).toHaveAttribute('aria-valuetext', '0 of 14 done');
  });

  it('ticking a step renders that row again and no other', async () => {
    const { user } = await open();
    // Every step row asks which drafts its step offers, once per render, and nothing else does.
    const rendered = vi.spyOn(drafts, 'draftsForStep');
    const renderedRows = () => new Set(rendered.mock.calls.map(([step]) => (step as Step).id));
    const [first, second] = stored().checklist.sections[0]!.steps;
    await user.click(
      screen.getByRole('checkbox', { name: 'Pick the place, the date and the time of the event.' }),
    );
    expect(stored().checklist.sections[0]!.steps[0]!.done).toBe(true);
    expect(renderedRows()).toEqual(new Set([first!.id]));

    rendered.mockClear();
    await user.click(stepBoxes()[1]!);
    expect(stored().checklist.sections[0]!.steps[1]!.done).toBe(true);
    expect(renderedRows()).toEqual(new Set([second!.id]));
  });

  it('Undo of a step the filter hides puts focus on the checklist heading, not the page', async () => {
    const { user } = await open();
    const prepare = section('Prepare');
    await user.click(stepBoxes()[0]!);
    await user.click(
      within(within(prepare).getByRole('group', { name: /Actions for: Pick the place/ })).getByRole(
        'button',
        { name: 'Delete' },
      ),
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'todo');
    const bar = screen.getByText('The step was deleted.').parentElement!;
    await user.click(within(bar).getByRole('button', { name: 'Undo' }));
    expect(stored().checklist.sections[0]!.steps[0]!.done).toBe(true);
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2, name: 'Checklist' })).toHaveFocus(),
    );
  });

  it('in a filtered view, Move up and Move down pass the next step shown, not a hidden one', async () => {
    const { user } = await open();
    const [a, b, c] = stored().checklist.sections[0]!.steps;
    // b done, and the view shows only what is still to do: a, c, d in "Prepare".
    await user.click(stepBoxes()[1]!);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'todo');
    const prepare = section('Prepare');
    const moveDown = within(prepare).getAllByRole('button', { name: /Move down/ });
    expect(moveDown).toHaveLength(3);
    // The first shown of the first section can't go up.
    expect(within(prepare).getAllByRole('button', { name: /Move up/ })[0]).toBeDisabled();
    await user.click(moveDown[0]!);
    // a passed c (b, hidden, stays where it was): on screen, c then a.
    expect(
      stored()
        .checklist.sections[0]!.steps.slice(0, 3)
        .map((s) => s.id),
    ).toEqual([b!.id, c!.id, a!.id]);
    expect(stored().checklist.sections[0]!.steps[1]!.done).toBe(false);
    expect(within(prepare).getAllByRole('checkbox')[1]).toHaveAccessibleName(
      'Pick the place, the date and the time of the event.',
    );
  });

  it('gives each idea one box, named by the idea, that picks it and then ticks it', async () => {
    const { user } = await open();
    const ideas = section('More ideas for the event (optional)');
    const name = 'A local politician visits, and students teach them to code.';
    const boxes = within(ideas).getAllByRole('checkbox');
    expect(boxes).toHaveLength(5);
    expect(new Set(boxes.map((box) => box.getAttribute('id') ?? box))).toHaveProperty('size', 5);
    const idea = within(ideas).getByRole('checkbox', { name });
    expect(idea).toHaveAccessibleDescription(/Tick an idea to add it to the plan/);
    await user.click(idea);
    // Picked: still one box, the same name, now the step's own tick.
    expect(within(ideas).getAllByRole('checkbox')).toHaveLength(5);
    const picked = within(ideas).getByRole('checkbox', { name });
    expect(picked).not.toBeChecked();
    expect(overall()).toHaveAttribute('aria-valuetext', '0 of 15 done');
    await user.click(picked);
    expect(picked).toBeChecked();
    expect(overall()).toHaveAttribute('aria-valuetext', '1 of 15 done');
    // Dropping the idea takes it out of the count and clears its tick.
    await user.click(
      within(within(ideas).getByRole('group', { name: `Actions for: ${name}` })).getByRole(
        'button',
        { name: 'Drop idea' },
      ),
    );
    expect(overall()).toHaveAttribute('aria-valuetext', '0 of 14 done');
    expect(within(ideas).getByRole('checkbox', { name })).not.toBeChecked();
    // The button went with the pick: focus stays on the idea's box, not the page.
    expect(within(ideas).getByRole('checkbox', { name })).toHaveFocus();
  });

  it('adds a step, edits its text and owner, deletes it and brings it back', async () => {
    const { user } = await open();
    const after = section('After the event');
    await user.click(within(after).getByRole('button', { name: '+ Add a step' }));
    await user.type(
      within(after).getByLabelText('New step in After the event'),
      'Thank the guest speaker{Enter}',
    );
    expect(
      within(after).getByRole('checkbox', { name: 'Thank the guest speaker' }),
    ).toBeInTheDocument();
    expect(overall()).toHaveAttribute('aria-valuetext', '0 of 15 done');

    const actions = within(after).getByRole('group', {
      name: 'Actions for: Thank the guest speaker',
    });
    await user.click(within(actions).getByRole('button', { name: 'Edit' }));
    const text = within(after).getByLabelText('Step');
    await user.clear(text);
    await user.type(text, 'Send a thank-you card');
    await user.type(within(after).getByLabelText('Who does it'), 'Ana');
    await user.click(within(after).getByRole('button', { name: 'Save' }));
    expect(
      within(after).getByRole('checkbox', { name: 'Send a thank-you card' }),
    ).toBeInTheDocument();
    expect(within(after).getByText('Who: Ana')).toBeInTheDocument();

    const before = stored().checklist.sections[4]!.steps;
    await user.click(
      within(
        within(after).getByRole('group', { name: 'Actions for: Send a thank-you card' }),
      ).getByRole('button', { name: 'Delete' }),
    );
    expect(
      within(after).queryByRole('checkbox', { name: 'Send a thank-you card' }),
    ).not.toBeInTheDocument();
    const bar = screen.getByText('The step was deleted.').parentElement!;
    // The row and its Delete are gone: focus goes to Undo, then back to the step's box.
    const undo = within(bar).getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(undo).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(stored().checklist.sections[4]!.steps).toEqual(before);
    await waitFor(() =>
      expect(within(after).getByRole('checkbox', { name: 'Send a thank-you card' })).toHaveFocus(),
    );
  });

  it("a step's text is edited on several lines, yet stays one line: Enter saves, a pasted line break is a space", async () => {
    const { user } = await open();
    const prepare = section('Prepare');
    await user.click(
      within(within(prepare).getByRole('group', { name: /Actions for: Pick the place/ })).getByRole(
        'button',
        { name: 'Edit' },
      ),
    );
    const text = within(prepare).getByRole('textbox', { name: 'Step' });
    expect(text.tagName).toBe('TEXTAREA');
    expect(text).toHaveFocus();
    await user.clear(text);
    await user.type(text, 'Book the hall');
    await user.paste('\nand the projector');
    await user.keyboard('{Enter}');
    expect(stored().checklist.sections[0]!.steps[0]).toMatchObject({
      textKey: null,
      text: 'Book the hall and the projector',
    });
    expect(
      within(prepare).getByRole('checkbox', { name: 'Book the hall and the projector' }),
    ).toBeInTheDocument();
  });

  it('Escape cancels an edit and a guide step keeps following the language unless its text changed', async () => {
    const { user, i18n } = await open();
    const prepare = section('Prepare');
    await user.click(
      within(within(prepare).getByRole('group', { name: /Actions for: Pick the place/ })).getByRole(
        'button',
        { name: 'Edit' },
      ),
    );
    await user.type(within(prepare).getByLabelText('Who does it'), 'Ana');
    await user.click(within(prepare).getByRole('button', { name: 'Save' }));
    expect(stored().checklist.sections[0]!.steps[0]).toMatchObject({
      textKey: 'step.prepareVenue',
      owner: 'Ana',
    });

    await user.click(
      within(within(prepare).getByRole('group', { name: /Actions for: Pick the place/ })).getByRole(
        'button',
        { name: 'Edit' },
      ),
    );
    await user.type(within(prepare).getByLabelText('Step'), ' Now!');
    await user.keyboard('{Escape}');
    expect(stored().checklist.sections[0]!.steps[0]!.textKey).toBe('step.prepareVenue');

    await i18n.changeLanguage('nb');
    expect(
      await screen.findByRole('checkbox', {
        name: 'Velg sted, dato og klokkeslett for arrangementet.',
      }),
    ).toBeInTheDocument();
  });

  it('reorders with the keyboard, within a section and into the next one', async () => {
    const { user } = await open();
    const prepare = section('Prepare');
    const last = within(prepare).getByRole('group', { name: /Actions for: Plan group activities/ });
    const down = within(last).getByRole('button', { name: /Move down/ });
    down.focus();
    await user.keyboard('{Enter}');
    expect(stored().checklist.sections[1]!.steps[0]!.textKey).toBe('step.prepareActivities');
    const media = section('Media');
    expect(within(media).getAllByRole('listitem')[0]).toHaveTextContent('Plan group activities');
    // Focus follows the step, so the user can keep moving it.
    expect(document.activeElement).toHaveAccessibleName(/Move down \(step 1 in Media\)/);
    await user.keyboard('{Enter}');
    expect(stored().checklist.sections[1]!.steps[1]!.textKey).toBe('step.prepareActivities');
    const up = within(
      within(media).getByRole('group', { name: /Actions for: Plan group activities/ }),
    ).getByRole('button', { name: /Move up/ });
    await user.click(up);
    expect(stored().checklist.sections[1]!.steps[0]!.textKey).toBe('step.prepareActivities');
  });

  it('gives every step a drag handle named by the step and its place, with instructions', async () => {
    await open();
    const prepare = section('Prepare');
    const handles = within(prepare).getAllByRole('button', { name: /^Drag to move step/ });
    expect(handles).toHaveLength(4);
    const handle = within(prepare).getByRole('button', {
      name: 'Drag to move step 1 in Prepare: Pick the place, the date and the time of the event.',
    });
    // dnd-kit describes every handle with the instructions, kept out of view; picking up,
    // moving and dropping by keyboard run in a real browser (tests/e2e/checklist.spec.ts).
    await waitFor(() =>
      expect(document.getElementById(handle.getAttribute('aria-describedby')!)).toHaveTextContent(
        /press Space or Enter on its handle/,
      ),
    );
    expect(handle).toHaveAttribute('aria-roledescription', 'movable');
  });

  it('filters what is due this week: due today is in it, due a week from now is not', async () => {
    // The event 14 days from today: the letter to parents (14 days before) is due today.
    const inFourteenDays = formatDay(addDays(new Date(), 14));
    plansStore.setState({
      plans: [{ ...stored(), event: { ...stored().event, date: inFourteenDays } }],
      history: {},
    });
    const { user } = await open();
    const filter = screen.getByRole('combobox', { name: 'Show' });
    await user.selectOptions(filter, 'Due this week');
    expect(filter).toHaveValue('week');
    expect(screen.getByRole('checkbox', { name: /Send a letter to parents/ })).toBeInTheDocument();
    // Due 21 days before (a week ago: late) and 7 days before (a week from now: next week).
    expect(
      screen.queryByRole('checkbox', { name: /Write to the mayor, a member of parliament/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('checkbox', { name: /Plan group activities/ }),
    ).not.toBeInTheDocument();
  });

  it('filters: still to do, late, by person', async () => {
    // The page's "today" is the real clock: the event is put 20 days ahead of it, so the steps
    // due 28 and 21 days before are late, the one due 14 days before is not due yet.
    const inTwentyDays = formatDay(addDays(new Date(), 20));
    plansStore.setState({
      plans: [{ ...stored(), event: { ...stored().event, date: inTwentyDays } }],
      history: {},
    });
    const { user } = await open();
    await user.click(
      screen.getByRole('checkbox', { name: 'Pick the place, the date and the time of the event.' }),
    );
    const filter = screen.getByRole('combobox', { name: 'Show' });
    const shownSteps = () =>
      stepBoxes().map((box) => (box as HTMLInputElement).labels![0]!.textContent);

    await user.selectOptions(filter, 'late');
    expect(filter).toHaveValue('late');
    // Late and not done: inviting a speaker (-21) and finding reporters (-21). Not the venue
    // (-28, late but done), not the letter to parents (-14, still ahead).
    expect(shownSteps()).toEqual([
      expect.stringMatching(/^Write to the mayor, a member of parliament/),
      expect.stringMatching(/^Find the reporters who cover education/),
    ]);
    expect(
      screen.queryByRole('checkbox', {
        name: 'Pick the place, the date and the time of the event.',
      }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('checkbox', { name: /Send a letter to parents/ }),
    ).not.toBeInTheDocument();
    // Due 21 days before an event 20 days ahead: yesterday.
    expect(screen.getAllByText('1 day late')).toHaveLength(2);

    await user.selectOptions(filter, 'todo');
    expect(
      screen.queryByRole('checkbox', {
        name: 'Pick the place, the date and the time of the event.',
      }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /Send a letter to parents/ })).toBeInTheDocument();

    await user.selectOptions(filter, 'all');
    const prepare = section('Prepare');
    await user.click(
      within(within(prepare).getByRole('group', { name: /Actions for: Send a letter/ })).getByRole(
        'button',
        { name: 'Edit' },
      ),
    );
    await user.type(within(prepare).getByLabelText('Who does it'), 'Berit');
    await user.click(within(prepare).getByRole('button', { name: 'Save' }));
    await user.selectOptions(filter, 'owner:Berit');
    expect(stepBoxes()).toHaveLength(1);
    expect(screen.getByRole('checkbox', { name: /Send a letter to parents/ })).toBeInTheDocument();
  });
});

describe('undo and redo on the plan page', () => {
  it('undoes a tick and a delete with the buttons and the keyboard', async () => {
    const { user } = await open();
    await user.click(
      screen.getByRole('checkbox', { name: 'Pick the place, the date and the time of the event.' }),
    );
    const history = screen.getByRole('group', { name: 'Undo and redo' });
    await user.click(within(history).getByRole('button', { name: 'Undo' }));
    expect(overall()).toHaveAttribute('aria-valuetext', '0 of 14 done');
    await user.click(within(history).getByRole('button', { name: 'Redo' }));
    expect(overall()).toHaveAttribute('aria-valuetext', '1 of 14 done');

    const prepare = section('Prepare');
    await user.click(
      within(within(prepare).getByRole('group', { name: /Actions for: Send a letter/ })).getByRole(
        'button',
        { name: 'Delete' },
      ),
    );
    expect(stored().checklist.sections[0]!.steps).toHaveLength(3);
    await user.keyboard('{Control>}z{/Control}');
    expect(stored().checklist.sections[0]!.steps).toHaveLength(4);
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(stored().checklist.sections[0]!.steps).toHaveLength(3);
  });

  it('Ctrl+Z puts the deleted step back: the bar goes, and its focus goes to the step', async () => {
    const { user } = await open();
    const letter = /^Send a letter/;
    await user.click(
      within(
        within(section('Prepare')).getByRole('group', { name: /Actions for: Send a letter/ }),
      ).getByRole('button', { name: 'Delete' }),
    );
    const bar = screen.getByText('The step was deleted.').parentElement!;
    await waitFor(() => expect(within(bar).getByRole('button', { name: 'Undo' })).toHaveFocus());
    await user.keyboard('{Control>}z{/Control}');
    expect(stored().checklist.sections[0]!.steps).toHaveLength(4);
    // Nothing left for the bar to undo: it goes, and the step takes the focus it had.
    expect(screen.queryByText('The step was deleted.')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('checkbox', { name: letter })).toHaveFocus());
  });
});

describe('focus when what had it goes', () => {
  /** The step whose element has focus, by id. */
  const focusedStep = () =>
    (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-step]')?.dataset
      .step;

  /** Opens the parents' letter's editor with its Edit button. */
  const editLetter = (user: ReturnType<typeof userEvent.setup>) =>
    user.click(
      within(screen.getByRole('group', { name: /Actions for: Send a letter/ })).getByRole(
        'button',
        { name: 'Edit' },
      ),
    );

  /** Where the parents' letter is in Prepare (its third step). */
  const letterPlace = () =>
    stored().checklist.sections[0]!.steps.findIndex((s) => s.textKey === 'step.prepareParents');

  it('Dismiss on the "was deleted" bar puts focus where the step was, not on the page', async () => {
    const { user } = await open();
    const prepare = section('Prepare');
    const place = letterPlace();
    await user.click(
      within(within(prepare).getByRole('group', { name: /Actions for: Send a letter/ })).getByRole(
        'button',
        { name: 'Delete' },
      ),
    );
    const bar = screen.getByText('The step was deleted.').parentElement!;
    await waitFor(() => expect(within(bar).getByRole('button', { name: 'Undo' })).toHaveFocus());
    await user.tab();
    expect(within(bar).getByRole('button', { name: 'Dismiss' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByText('The step was deleted.')).not.toBeInTheDocument();
    // The step after it took its place: its box has focus.
    const inItsPlace = stored().checklist.sections[0]!.steps[place]!;
    expect(focusedStep()).toBe(inItsPlace.id);
    expect(document.activeElement).toHaveRole('checkbox');
  });

  it('Redo deleting the step that has focus moves focus to its neighbour; focus moved away stays', async () => {
    const { user } = await open();
    const prepare = section('Prepare');
    const place = letterPlace();
    const letter = stored().checklist.sections[0]!.steps[place]!;
    await user.click(
      within(within(prepare).getByRole('group', { name: /Actions for: Send a letter/ })).getByRole(
        'button',
        { name: 'Delete' },
      ),
    );
    await user.keyboard('{Control>}z{/Control}');
    expect(stored().checklist.sections[0]!.steps[place]!.id).toBe(letter.id);
    const box = () => screen.getByRole('checkbox', { name: /^Send a letter to parents/ });
    box().focus();
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(stored().checklist.sections[0]!.steps).toHaveLength(3);
    const next = stored().checklist.sections[0]!.steps[place]!;
    await waitFor(() => expect(focusedStep()).toBe(next.id));

    // Focus taken elsewhere before the step goes is left there.
    await user.keyboard('{Control>}z{/Control}');
    box().focus();
    const filter = screen.getByRole('combobox', { name: 'Show' });
    filter.focus();
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(stored().checklist.sections[0]!.steps).toHaveLength(3);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(filter).toHaveFocus();
  });

  it('a step taken to another section while it has focus keeps focus on the same control there', async () => {
    const { user } = await open();
    const letter = stored().checklist.sections[0]!.steps[letterPlace()]!;
    const edit = within(
      screen.getByRole('group', { name: /Actions for: Send a letter/ }),
    ).getByRole('button', { name: 'Edit' });
    edit.focus();
    // What a pointer drag into Media does: the step's row is drawn anew in the other section.
    const media = stored().checklist.sections[1]!.id;
    act(() => editPlan(planId, (p) => moveStep(p, letter.id, media, 0)));
    await waitFor(() => expect(focusedStep()).toBe(letter.id));
    expect(document.activeElement).toHaveAccessibleName('Edit');
    expect(within(section('Media')).getAllByRole('listitem')[0]).toContainElement(
      document.activeElement as HTMLElement,
    );
    await user.keyboard('{Enter}');
    expect(within(section('Media')).getByLabelText('Step')).toHaveFocus();
  });

  it('a step moved to another section while its editor is open keeps the editor, what was typed and the field with focus', async () => {
    const { user } = await open();
    const letter = stored().checklist.sections[0]!.steps[letterPlace()]!;
    await editLetter(user);
    const prepare = section('Prepare');
    await user.type(within(prepare).getByLabelText('Note'), 'Ask Berit');
    await user.type(within(prepare).getByLabelText('Who does it'), 'Ana Lund');
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    // Another tab drags the step into Media: its row is drawn anew there.
    const media = stored().checklist.sections[1]!.id;
    act(() => editPlan(planId, (p) => moveStep(p, letter.id, media, 0)));
    const owner = within(section('Media')).getByLabelText('Who does it');
    expect(owner).toHaveValue('Ana Lund');
    expect(within(section('Media')).getByLabelText('Note')).toHaveValue('Ask Berit');
    expect(within(section('Prepare')).queryByLabelText('Who does it')).toBeNull();
    // Focus comes back to the field the user was typing in, the caret where it was.
    await waitFor(() => expect(owner).toHaveFocus());
    expect((owner as HTMLInputElement).selectionStart).toBe(4);
    await user.keyboard('B. {Enter}');
    const saved = stored().checklist.sections[1]!.steps[0]!;
    expect(saved).toMatchObject({ id: letter.id, owner: 'Ana B. Lund', note: 'Ask Berit' });
    expect(within(section('Media')).queryByLabelText('Who does it')).toBeNull();
  });

  it('a step with its editor open stays in sight whatever the filter: ticked in another tab, or the filter changed', async () => {
    const { user } = await open();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'todo');
    const letter = stored().checklist.sections[0]!.steps[letterPlace()]!;
    await editLetter(user);
    const note = within(section('Prepare')).getByLabelText('Note');
    await user.type(note, 'Ask Berit');
    // Another tab ticks it: done, so "Still to do" would hide it, with the editor and the typing.
    act(() => editPlan(planId, (p) => setStepDone(p, letter.id, true, new Date())));
    expect(within(section('Prepare')).getByLabelText('Note')).toBe(note);
    expect(note).toHaveFocus();
    // Typing goes on in the note, never into another step's box.
    await user.type(note, ' and Kari');
    expect(note).toHaveValue('Ask Berit and Kari');
    expect(stored().checklist.sections[0]!.steps.filter((s) => s.done)).toHaveLength(1);
    // A filter it does not match leaves it in sight too.
    fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), { target: { value: 'late' } });
    expect(within(section('Prepare')).getByLabelText('Note')).toHaveValue('Ask Berit and Kari');
    // Saved, it stays in sight with focus on its Edit button, not on another step's box.
    await user.click(within(section('Prepare')).getByRole('button', { name: 'Save' }));
    expect(stored().checklist.sections[0]!.steps[letterPlace()]).toMatchObject({
      done: true,
      note: 'Ask Berit and Kari',
    });
    const actions = screen.getByRole('group', { name: /Actions for: Send a letter/ });
    await waitFor(() =>
      expect(within(actions).getByRole('button', { name: 'Edit' })).toHaveFocus(),
    );
    // The next filter chosen shows what it says.
    fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), { target: { value: 'todo' } });
    await waitFor(() =>
      expect(screen.queryByRole('checkbox', { name: /^Send a letter/ })).toBeNull(),
    );
  });

  it("an edit under way is there again after going to the plan's details and back", async () => {
    const { user, router } = await open();
    await editLetter(user);
    await user.type(within(section('Prepare')).getByLabelText('Who does it'), 'Ana');
    await router.navigate(`/plans/${planId}`);
    await screen.findByRole('heading', { level: 2, name: 'Event details' });
    await router.navigate(`/plans/${planId}/checklist`);
    await screen.findByRole('heading', { level: 2, name: 'Checklist' });
    const owner = within(section('Prepare')).getByLabelText('Who does it');
    expect(owner).toHaveValue('Ana');
    // Back on the page, focus is where the user puts it: the editor does not take it.
    expect(owner).not.toHaveFocus();
    await user.click(within(section('Prepare')).getByRole('button', { name: 'Cancel' }));
    expect(within(section('Prepare')).queryByLabelText('Who does it')).toBeNull();
    // Closed, it stays closed the next time.
    await router.navigate(`/plans/${planId}`);
    await screen.findByRole('heading', { level: 2, name: 'Event details' });
    await router.navigate(`/plans/${planId}/checklist`);
    await screen.findByRole('heading', { level: 2, name: 'Checklist' });
    expect(within(section('Prepare')).queryByLabelText('Who does it')).toBeNull();
  });

  it('an editor kept through a move still cancels: nothing typed is saved', async () => {
    const { user } = await open();
    const letter = stored().checklist.sections[0]!.steps[letterPlace()]!;
    await editLetter(user);
    await user.type(within(section('Prepare')).getByLabelText('Step'), ' Soon.');
    const media = stored().checklist.sections[1]!.id;
    act(() => editPlan(planId, (p) => moveStep(p, letter.id, media, 0)));
    const text = within(section('Media')).getByLabelText('Step');
    expect((text as HTMLTextAreaElement).value).toMatch(/^Send a letter.* Soon\.$/);
    await waitFor(() => expect(text).toHaveFocus());
    await user.keyboard('{Escape}');
    expect(stored().checklist.sections[1]!.steps[0]).toEqual(letter);
    const row = within(section('Media')).getAllByRole('listitem')[0]!;
    expect(within(row).getByRole('button', { name: 'Edit' })).toHaveFocus();
  });

  it('a step deleted in another tab while this window was in the background: its neighbour', async () => {
    await open();
    const place = letterPlace();
    const letter = stored().checklist.sections[0]!.steps[place]!;
    const box = screen.getByRole('checkbox', { name: /^Send a letter to parents/ });
    box.focus();
    // The window loses focus (the user goes to the other tab): the box is blurred with it.
    const hasFocus = vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    fireEvent.focusOut(box);
    // Time passes before the other tab's change arrives.
    await new Promise((resolve) => setTimeout(resolve, 0));
    hasFocus.mockRestore();
    act(() => editPlan(planId, (p) => removeStep(p, letter.id)));
    const next = stored().checklist.sections[0]!.steps[place]!;
    await waitFor(() => expect(focusedStep()).toBe(next.id));
  });

  it('the last section loses its last step: the last step shown in the section before takes focus', async () => {
    const { user } = await open();
    const after = section('After the event');
    const steps = () => stored().checklist.sections.at(-1)!.steps;
    // Leave one step in the last section, then delete it and Dismiss.
    while (steps().length > 1) act(() => editPlan(planId, (p) => removeStep(p, steps()[0]!.id)));
    const before = stored().checklist.sections.at(-2)!;
    await user.click(within(after).getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    // No section after it: the last step shown in the one before.
    expect(focusedStep()).toBe(before.steps.at(-1)!.id);
  });

  it('closing the form for a new step hands focus back to its button', async () => {
    const { user } = await open();
    const after = section('After the event');
    await user.click(within(after).getByRole('button', { name: '+ Add a step' }));
    await user.keyboard('{Escape}');
    expect(within(after).getByRole('button', { name: '+ Add a step' })).toHaveFocus();
    await user.click(within(after).getByRole('button', { name: '+ Add a step' }));
    await user.click(within(after).getByRole('button', { name: 'Close' }));
    expect(within(after).getByRole('button', { name: '+ Add a step' })).toHaveFocus();
  });
});

describe('a step with several links', () => {
  it('shows each further link by its label, opening in a new tab; an unsafe one as text', async () => {
    const plan = stored();
    const first = plan.checklist.sections[0]!;
    plansStore.setState({
      plans: [
        {
          ...plan,
          checklist: {
            sections: [
              {
                ...first,
                steps: [
                  {
                    ...first.steps[0]!,
                    links: [
                      {
                        url: 'https://hourofcode.com/us/promote/resources',
                        labelKey: null,
                        label: 'Sample emails',
                      },
                      { url: 'https://code.org/files/one-pager.pdf', labelKey: null, label: '' },
                      { url: 'javascript:alert(1)', labelKey: null, label: 'Trap' },
                    ],
                  },
                  ...first.steps.slice(1),
                ],
              },
              ...plan.checklist.sections.slice(1),
            ],
          },
        },
      ],
    });
    await open();
    const emails = screen.getByRole('link', { name: /Sample emails/ });
    expect(emails).toHaveAttribute('href', 'https://hourofcode.com/us/promote/resources');
    expect(emails).toHaveAttribute('target', '_blank');
    expect(emails).toHaveAttribute('rel', 'noopener noreferrer');
    // No label: the link is named by its host.
    expect(screen.getByRole('link', { name: /^code\.org/ })).toHaveAttribute(
      'href',
      'https://code.org/files/one-pager.pdf',
    );
    expect(screen.queryByRole('link', { name: /Trap/ })).not.toBeInTheDocument();
    expect(screen.getByText('javascript:alert(1)')).toBeInTheDocument();
  });
});
