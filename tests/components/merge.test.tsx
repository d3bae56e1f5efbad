import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { routes } from '@/app/routes';
import { removeStep, setStepDone } from '@/plan/checklist';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { serializePlan } from '@/plan/file-format';
import { removeItem, setItemFields } from '@/plan/run-of-show';
import type { Plan } from '@/plan/schema';
import { stampChanges } from '@/plan/stamp-changes';
import { createClock } from '@/plan/stamps';
import { mergeReports } from '@/store/merge-reports';
import { plansStore } from '@/store/plans-store';
import { assemblyDetails, testDeps } from '../fixtures';
import { renderRoutes } from '../test-utils';

let plan: Plan;

beforeEach(() => {
  plan = createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());
  plansStore.setState({ plans: [plan], history: {} });
  mergeReports.setState({ reports: {} });
});

/** The colleague's copy: ticked the first step, the second item 20 minutes, named Kari. */
function colleagueFile(): string {
  const clock = createClock('kari', () => Date.now() + 60_000);
  let copy = stampChanges(
    plan,
    setStepDone(plan, plan.checklist.sections[0]!.steps[0]!.id, true, new Date()),
    clock,
    { name: 'Kari' },
  );
  copy = stampChanges(
    copy,
    setItemFields(copy, plan.runOfShow.items[1]!.id, { durationMinutes: 20 }),
    clock,
    {
      name: 'Kari',
    },
  );
  return serializePlan(copy, {
    translate: (_k, text) => text,
    now: new Date(),
    appVersion: 'test',
  });
}

describe('bringing a copy back', () => {
  it('offers to merge into the plan (the default), then shows what came in', async () => {
    const user = userEvent.setup({ delay: null });
    // This side changed the same length first.
    plansStore
      .getState()
      .updatePlan(plan.id, (p) =>
        setItemFields(p, p.runOfShow.items[1]!.id, { durationMinutes: 12 }),
      );
    const { router } = await renderRoutes(routes, '/');
    await user.click(await screen.findByRole('button', { name: 'Import a plan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import a plan' });
    await user.click(within(dialog).getByLabelText("Or paste the file's text"));
    await user.paste(colleagueFile());
    await user.click(within(dialog).getByRole('button', { name: 'Import the text' }));
    const merge = within(dialog).getByRole('radio', { name: `Merge into “${plan.title}”` });
    // The question takes the file field's place, and its focus.
    expect(merge).toHaveFocus();
    expect(merge).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'Add as a separate plan' })).not.toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));

    expect(router.state.location.pathname).toBe(`/plans/${plan.id}`);
    expect(plansStore.getState().plans).toHaveLength(1);
    const summary = await screen.findByRole('region', { name: 'Merged from a copy' });
    // Focus moves once the page has arrived (an effect after the page's commit, which comes as a
    // transition): wait for it rather than read it in the same moment the summary appears.
    await waitFor(() =>
      expect(within(summary).getByRole('heading', { name: 'Merged from a copy' })).toHaveFocus(),
    );
    expect(summary).toHaveTextContent(
      "From \u2068Kari\u2069's copy: 1 step ticked, 1 length changed; 1 change made on both sides",
    );
    expect(within(summary).getByText('Kept, from the copy: 20 min')).toBeInTheDocument();
    expect(within(summary).getByText('Yours: 12 min')).toBeInTheDocument();
    await user.click(within(summary).getByRole('button', { name: 'Use this one instead' }));
    expect(plansStore.getState().plans[0]!.runOfShow.items[1]!.durationMinutes).toBe(12);
    // Its result takes the button's place, and focus: the kept value is now the other one.
    expect(within(summary).getByText('The other value is in the plan now.')).toHaveFocus();
    expect(within(summary).getByText('Kept, yours: 12 min')).toBeInTheDocument();
    expect(within(summary).getByText('From the copy: 20 min')).toBeInTheDocument();
  });

  it('"Add as a separate plan" keeps the two apart', async () => {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, '/');
    await user.click(await screen.findByRole('button', { name: 'Import a plan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import a plan' });
    await user.click(within(dialog).getByLabelText("Or paste the file's text"));
    await user.paste(colleagueFile());
    await user.click(within(dialog).getByRole('button', { name: 'Import the text' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Add as a separate plan' }));
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    const plans = plansStore.getState().plans;
    expect(plans).toHaveLength(2);
    expect(plans[0]).toEqual(plan);
    expect(plans[1]!.id).not.toBe(plan.id);
    // Named as Duplicate names a copy: the two cards are told apart.
    expect(plans[1]!.title).toBe(`Copy of ${plan.title}`);
  });

  it('Undo closes the summary; the same copy again says where it differs and offers its values', async () => {
    const user = userEvent.setup({ delay: null });
    const file = colleagueFile();
    // The organizer's own work after sending the file: the copy never touched it.
    plansStore
      .getState()
      .updatePlan(plan.id, (p) =>
        setStepDone(p, p.checklist.sections[0]!.steps[1]!.id, true, new Date()),
      );
    // Made in an earlier visit: no undo history of it.
    plansStore.setState({ history: {} });
    const { router } = await renderRoutes(routes, '/');
    const importText = async () => {
      await user.click(await screen.findByRole('button', { name: 'Import a plan' }));
      const dialog = await screen.findByRole('dialog', { name: 'Import a plan' });
      await user.click(within(dialog).getByLabelText("Or paste the file's text"));
      await user.paste(file);
      await user.click(within(dialog).getByRole('button', { name: 'Import the text' }));
      await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    };
    await importText();
    const merged = await screen.findByRole('region', { name: 'Merged from a copy' });
    // The summary's heading takes focus in an effect after the page's commit (a transition):
    // wait for it, or it could take focus back from Redo after the Undo below.
    await waitFor(() =>
      expect(within(merged).getByRole('heading', { name: 'Merged from a copy' })).toHaveFocus(),
    );
    const undo = screen.getByRole('button', { name: /Undo/ });
    await user.click(undo);
    // The plan is as before the merge, and the summary, no longer true, is gone.
    expect(plansStore.getState().plans[0]!.runOfShow.items[1]!.durationMinutes).toBe(
      plan.runOfShow.items[1]!.durationMinutes,
    );
    expect(screen.queryByRole('region', { name: 'Merged from a copy' })).toBeNull();
    // The last Undo disables its button: focus moves to Redo, not to the page.
    expect(undo).toBeDisabled();
    expect(screen.getByRole('button', { name: /Redo/ })).toHaveFocus();

    // The same file again: Undo was later than the copy, so nothing new comes in, and the
    // summary says so and where the copy differs.
    await act(() => router.navigate('/'));
    await importText();
    const summary = await screen.findByRole('region', { name: 'A copy came back' });
    expect(summary).toHaveTextContent(
      'Nothing new came from the copy: this plan was changed after it, for example with Undo. It differs in 2 places',
    );
    expect(summary).not.toHaveTextContent('Undo takes the whole merge back.');
    // Only what the copy changed is offered, not the organizer's own later tick.
    const uses = within(summary).getAllByRole('button', { name: 'Use this one instead' });
    expect(uses).toHaveLength(2);
    // Undo of one choice keeps the summary, and that choice is offered again.
    await user.click(uses[0]!);
    expect(within(summary).getAllByRole('button', { name: 'Use this one instead' })).toHaveLength(
      1,
    );
    await user.click(screen.getByRole('button', { name: /Undo/ }));
    expect(screen.getByRole('region', { name: 'A copy came back' })).toBe(summary);
    for (const use of within(summary).getAllByRole('button', { name: 'Use this one instead' }))
      await user.click(use);
    const after = plansStore.getState().plans[0]!;
    expect(after.runOfShow.items[1]!.durationMinutes).toBe(20);
    expect(after.checklist.sections[0]!.steps[0]!.done).toBe(true);
    expect(after.checklist.sections[0]!.steps[1]!.done).toBe(true);
  });
});

describe('a copy that deleted things', () => {
  function copyWithout(edit: (p: Plan) => Plan): string {
    const clock = createClock('kari', () => Date.now() + 60_000);
    return serializePlan(stampChanges(plan, edit(plan), clock, { name: 'Kari' }), {
      translate: (_k, text) => text,
      now: new Date(),
      appVersion: 'test',
    });
  }

  async function offer(file: string) {
    const user = userEvent.setup({ delay: null });
    await renderRoutes(routes, '/');
    await user.click(await screen.findByRole('button', { name: 'Import a plan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import a plan' });
    await user.click(within(dialog).getByLabelText("Or paste the file's text"));
    await user.paste(file);
    await user.click(within(dialog).getByRole('button', { name: 'Import the text' }));
    return dialog;
  }

  it('says before merging what the merge would remove here', async () => {
    const step = plan.checklist.sections[0]!.steps[0]!;
    const dialog = await offer(copyWithout((p) => removeStep(p, step.id)));
    const merge = within(dialog).getByRole('radio', { name: `Merge into “${plan.title}”` });
    expect(merge).toBeChecked();
    expect(merge).toHaveAccessibleDescription(
      /Merging removes from your plan what the copy deleted: 1 step\./,
    );
  });

  it('a copy that would remove most of the plan is offered as a separate plan by default', async () => {
    const dialog = await offer(
      copyWithout((p) => {
        let next = p;
        for (const s of p.checklist.sections)
          for (const st of s.steps) next = removeStep(next, st.id);
        for (const item of p.runOfShow.items) next = removeItem(next, item.id);
        return next;
      }),
    );
    expect(within(dialog).getByRole('radio', { name: 'Add as a separate plan' })).toBeChecked();
    expect(
      within(dialog).getByRole('radio', { name: `Merge into “${plan.title}”` }),
    ).toHaveAccessibleDescription(/\d+ steps and 6 agenda items\./);
  });
});
