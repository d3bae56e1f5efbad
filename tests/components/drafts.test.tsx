import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { routes } from '@/app/routes';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { plansStore } from '@/store/plans-store';
import { assemblyDetails, testDeps } from '../fixtures';
import { renderRoutes } from '../test-utils';

let planId: string;

beforeEach(() => {
  const plan = createPlanFromTemplate(
    'school-assembly',
    { ...assemblyDetails, title: 'Class 5B' },
    testDeps(),
  );
  plansStore.setState({ plans: [plan], history: {} });
  planId = plan.id;
});

const stored = () => plansStore.getState().plans[0]!;
const steps = () => stored().checklist.sections.flatMap((section) => section.steps);
const stepWithKey = (key: string) => steps().find((step) => step.textKey === key)!;
const stepWithId = (id: string) => steps().find((step) => step.id === id)!;
/** A page's first render loads its lazy chunk, which can pass a second on a busy machine. */
const firstLoad = { timeout: 5000 };
/** The checklist row of the step whose checkbox is named `name`. */
const row = (name: string) => screen.getByRole('checkbox', { name }).closest('li')!;

describe('drafts', () => {
  it('opens the letter to parents from its step, filled from the plan, with missing details marked', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = await renderRoutes(routes, `/plans/${planId}/checklist`);
    const prepare = await screen.findByRole('region', { name: 'Prepare' }, firstLoad);
    await user.click(within(prepare).getByRole('link', { name: 'Letter to parents' }));
    expect(router.state.location.pathname).toBe(`/plans/${planId}/drafts/parents`);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Letter to parents' }),
    ).toBeInTheDocument();
    const text = screen.getByLabelText<HTMLTextAreaElement>('Text');
    expect(text.value).toContain('Class 5B');
    expect(text.value).toContain('Monday, December 7, 2026');
    expect(text.value).toContain('Hall');
    expect(text.value).toContain("[add a contact phone in the plan's details]");
    expect(screen.getByText(/Some details are missing/)).toBeInTheDocument();
    expect(screen.getByLabelText<HTMLInputElement>('Subject').value).toContain('Class 5B');
  });

  it('keeps the edit, copies the text, and marks the step sent', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = await renderRoutes(routes, `/plans/${planId}/drafts/parents`);
    const text = await screen.findByLabelText<HTMLTextAreaElement>('Text');
    await user.type(text, '\nP.S. Bring a laptop if you can.');
    expect(stored().drafts.parents!.body).toMatch(/P\.S\. Bring a laptop if you can\.$/);

    await user.click(screen.getByRole('button', { name: 'Copy text' }));
    expect(await navigator.clipboard.readText()).toContain('P.S. Bring a laptop if you can.');
    expect(screen.getByText('Copied. Paste it into your e-mail or post.')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Sent' }));
    const step = stored().checklist.sections[0]!.steps.find(
      (s) => s.textKey === 'step.prepareParents',
    )!;
    expect(step.done).toBe(true);

    // Leave and come back: the edited text is still there, and no longer follows the plan.
    await router.navigate(`/plans/${planId}/checklist`);
    await router.navigate(`/plans/${planId}/drafts/parents`);
    expect((await screen.findByLabelText<HTMLTextAreaElement>('Text')).value).toContain(
      'P.S. Bring a laptop',
    );
    expect(screen.getByText(/This is your own version of the draft/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start again from the original draft' }));
    expect(stored().drafts.parents).toBeUndefined();
  });

  it('a reworded step still opens its draft, and "Sent" ticks it', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = await renderRoutes(routes, `/plans/${planId}/checklist`);
    const prepare = await screen.findByRole('region', { name: 'Prepare' }, firstLoad);
    const letter = stepWithKey('step.prepareParents').id;
    await user.click(
      within(
        within(prepare).getByRole('group', { name: /Actions for: Send a letter to parents/ }),
      ).getByRole('button', { name: 'Edit' }),
    );
    const text = within(prepare).getByLabelText('Step');
    await user.clear(text);
    await user.type(text, 'Write to the parents of 5B');
    await user.click(within(prepare).getByRole('button', { name: 'Save' }));
    expect(stepWithId(letter)).toMatchObject({
      textKey: null,
      text: 'Write to the parents of 5B',
    });

    await user.click(
      within(row('Write to the parents of 5B')).getByRole('link', { name: 'Letter to parents' }),
    );
    expect(router.state.location.pathname).toBe(`/plans/${planId}/drafts/parents`);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Letter to parents' }),
    ).toBeInTheDocument();
    const sent = screen.getByRole('checkbox', { name: 'Sent' });
    expect(sent).toHaveAccessibleDescription(
      'Ticks the step “Write to the parents of 5B” in the checklist.',
    );
    await user.click(sent);
    expect(stepWithId(letter).done).toBe(true);
  });

  it('opened from the "follow up" step, "Sent" ticks that step only', async () => {
    const user = userEvent.setup({ delay: null });
    const { router } = await renderRoutes(routes, `/plans/${planId}/checklist`);
    await screen.findByRole('region', { name: 'Media' }, firstLoad);
    const followUp = stepWithKey('step.mediaFollowUp');
    await user.click(
      within(row('No answer yet? Follow up by email and by phone.')).getByRole('link', {
        name: 'Media pitch',
      }),
    );
    expect(router.state.location.pathname).toBe(`/plans/${planId}/drafts/pitch`);

    const sent = await screen.findByRole('checkbox', { name: 'Sent' });
    expect(sent).not.toBeChecked();
    await user.click(sent);
    expect(sent).toBeChecked();
    expect(stepWithKey('step.mediaFollowUp').done).toBe(true);
    expect(stepWithKey('step.mediaInvite').done).toBe(false);
    expect(sent).toHaveAccessibleDescription(
      'Ticks the step “No answer yet? Follow up by email and by phone.” in the checklist.',
    );

    await user.click(sent);
    expect(stepWithKey('step.mediaFollowUp').done).toBe(false);
    expect(new URLSearchParams(router.state.location.search).get('step')).toBe(followUp.id);
  });

  it('opened without a step, "Sent" names and ticks the first open step, and stays on it', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, `/plans/${planId}/drafts/pitch`);
    const sent = await screen.findByRole('checkbox', { name: 'Sent' }, firstLoad);
    const before = `Ticks the step “${'Invite the media by email two weeks ahead. Keep it short, say why people should care, and give the phone number of the person who will be on site.'}” in the checklist.`;
    expect(sent).toHaveAccessibleDescription(before);
    await user.click(sent);
    expect(sent).toBeChecked();
    expect(sent).toHaveAccessibleDescription(before);
    expect(stepWithKey('step.mediaInvite').done).toBe(true);
    expect(stepWithKey('step.mediaFollowUp').done).toBe(false);
  });

  it('gives each social post its own box and copy button, and offers no mail or "Sent"', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, `/plans/${planId}/drafts/social`);
    await screen.findByRole('textbox', { name: 'Post 1' }, firstLoad);
    const boxes = [1, 2, 3].map((n) =>
      screen.getByRole<HTMLTextAreaElement>('textbox', { name: `Post ${n}` }),
    );
    for (const box of boxes) {
      expect(box.value).toContain('#HourOfCode');
      expect(box.value).not.toContain('---');
    }
    expect(boxes[0]!.value).toContain('Class 5B');
    expect(screen.queryByRole('textbox', { name: 'Post 4' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Open in mail program' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Open in mail program' })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Sent' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Copy text' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Copy post 2' }));
    expect(await navigator.clipboard.readText()).toBe(boxes[1]!.value);
    expect(screen.getByText('Post 2 copied. Paste it into your post.')).toBeInTheDocument();

    // Editing one post keeps the others as they were.
    await user.type(boxes[2]!, ' See you next year!');
    const saved = stored().drafts.social!.body.split('\n---\n');
    expect(saved).toHaveLength(3);
    expect(saved[2]).toMatch(/See you next year!$/);
    expect(saved[0]).toBe(boxes[0]!.value);
  });

  it('marks the checklist tab as the current part while a draft is open', async () => {
    await renderRoutes(routes, `/plans/${planId}/drafts/parents`);
    await screen.findByRole('heading', { level: 2, name: 'Letter to parents' }, firstLoad);
    const tabs = screen.getByRole('navigation', { name: /parts/i });
    expect(within(tabs).getByRole('link', { name: 'Checklist' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    expect(within(tabs).getByRole('link', { name: 'Details' })).not.toHaveAttribute('aria-current');
  });

  it('offers a mail link with subject and body', async () => {
    await renderRoutes(routes, `/plans/${planId}/drafts/pitch`);
    const mail = await screen.findByRole('link', { name: 'Open in mail program' });
    expect(mail.getAttribute('href')).toMatch(/^mailto:\?subject=.+&body=.+/);
    expect(decodeURIComponent(mail.getAttribute('href')!)).toContain('Class 5B');
  });
});
