/*
 * Export and import of a large plan with the app's own file code, against bare JSON on the
 * same object. Built by Vite like the app (production mode) and run in Chromium. It also seeds
 * the large plans the typing benchmark opens in the app (same origin, same localStorage).
 */
import { readPlanFile, serializePlan } from '@/plan/file-format';
import { PLAN_FORMAT_VERSION } from '@/plan/schema';
import { largePlan } from '../plans';

const options = { translate: (_key: string, fallback: string) => fallback, now: new Date(), appVersion: 'bench' };

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => unknown, runs: number): number {
  for (let i = 0; i < 3; i += 1) fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function runFileBench() {
  const plan = largePlan(1000);
  const text = serializePlan(plan, options);
  const file = JSON.parse(text);
  const runs = 25;
  return {
    exportMs: time(() => serializePlan(plan, options), runs),
    stringifyMs: time(() => JSON.stringify(file, null, 2), runs),
    importMs: time(() => {
      if (!readPlanFile(text).ok) throw new Error('the benchmark plan did not read back');
    }, runs),
    parseMs: time(() => JSON.parse(text), runs),
    bytes: text.length,
  };
}

/** Stores a plan of `n` items and steps where the app reads its plans (same origin). */
function seedPlan(n: number) {
  localStorage.setItem('hoc-planner.plans', JSON.stringify({ state: { plans: [largePlan(n)] }, version: PLAN_FORMAT_VERSION }));
}

Object.assign(window, { runFileBench, seedPlan });
