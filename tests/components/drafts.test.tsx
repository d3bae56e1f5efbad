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

describe('drafts', () => {
  it('opens the letter to parents from its step, filled from the plan, with missing details marked', async () => {
    const user = userEvent.setup();
    const { router } = await renderRoutes(routes, `/plans/${planId}/checklist`);
    const prepare = await screen.findByRole('region', { name: 'Prepare' });
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
    const user = userEvent.setup();
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

  it('offers a mail link with subject and body', async () => {
    await renderRoutes(routes, `/plans/${planId}/drafts/pitch`);
    const mail = await screen.findByRole('link', { name: 'Open in mail program' });
    expect(mail.getAttribute('href')).toMatch(/^mailto:\?subject=.+&body=.+/);
    expect(decodeURIComponent(mail.getAttribute('href')!)).toContain('Class 5B');
  });
});
