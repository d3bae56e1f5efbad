/*
 * Merging two copies of a 1,000-item plan (1,000 agenda items and 1,000 steps) with the app's
 * own merge, as a colleague's file coming back would: each copy edited on its own (ticks,
 * lengths, owners, added and deleted things, some of the same fields on both sides), then
 * `mergePlans`, schema check included. Run in Chromium, production build.
 */
import { setStepDone, setStepFields, removeStep } from '@/plan/checklist';
import { newItem } from '@/plan/create-plan';
import { mergePlans } from '@/plan/merge';
import { insertItem, removeItem, setItemFields } from '@/plan/run-of-show';
import type { Plan } from '@/plan/schema';
import { stampChanges } from '@/plan/stamp-changes';
import { createClock } from '@/plan/stamps';
import { largePlan } from '../plans';

function edited(start: Plan, replica: string, offset: number): Plan {
  let t = Date.parse('2026-11-25T10:00:00Z') + offset;
  const clock = createClock(replica, () => (t += 1000));
  let plan = start;
  const edit = (recipe: (p: Plan) => Plan) => {
    plan = stampChanges(plan, recipe(plan), clock);
  };
  const steps = start.checklist.sections.flatMap((s) => s.steps);
  const items = start.runOfShow.items;
  for (let i = offset; i < 100 + offset; i += 1) edit((p) => setStepDone(p, steps[i * 3]!.id, true, new Date(t)));
  for (let i = offset; i < 50 + offset; i += 1) edit((p) => setItemFields(p, items[i * 7]!.id, { durationMinutes: 9 }));
  for (let i = 0; i < 30; i += 1) edit((p) => setStepFields(p, steps[i * 11]!.id, { owner: replica }));
  for (let i = 0; i < 20; i += 1)
    edit((p) => insertItem(p, newItem({ now: () => new Date(t), newId: () => `${replica}-${i}` }, { title: `Added ${i}` }), i * 40));
  for (let i = 0; i < 10; i += 1) edit((p) => removeItem(p, items[900 + offset + i]!.id));
  for (let i = 0; i < 10; i += 1) edit((p) => removeStep(p, steps[950 + offset + i]!.id));
  return plan;
}

function runMergeBench() {
  const start = largePlan(1000);
  const a = edited(start, 'organizer', 0);
  const b = edited(start, 'colleague', 20);
  const samples: number[] = [];
  let conflicts = 0;
  for (let i = 0; i < 5; i += 1) mergePlans(a, b); // warm up
  for (let i = 0; i < 60; i += 1) {
    const begin = performance.now();
    const result = i % 2 ? mergePlans(a, b) : mergePlans(b, a);
    samples.push(performance.now() - begin);
    if (!result.ok) throw new Error('the benchmark copies did not merge');
    conflicts = result.conflicts.length;
  }
  samples.sort((x, y) => x - y);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)]!;
  return { p50: at(50), p95: at(95), conflicts, runs: samples.length };
}

Object.assign(window, { runMergeBench });
