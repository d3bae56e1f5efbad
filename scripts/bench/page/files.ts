/*
 * Export and import of a large plan with the app's own file code, against bare JSON on the
 * same object. Built by Vite like the app (production mode) and run in Chromium. It also seeds
 * the large plans the typing benchmark opens in the app (same origin, same localStorage).
 */
import { createPlanFromTemplate } from '@/plan/create-plan';
import { createPlanFile, readPlanFile, serializePlan } from '@/plan/file-format';
import { decodeShareFragment, encodeShareFragment } from '@/plan/share-link';
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

async function timeAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** Deflates `size` bytes of spaces after `prefix`, fed in 1 MB pieces, as a share link. */
async function bombLink(prefix: string, size: number): Promise<string> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const out = new Response(stream.readable).arrayBuffer();
  await writer.write(new TextEncoder().encode(prefix));
  const piece = new Uint8Array(2 ** 20).fill(32);
  for (let written = 0; written < size; written += piece.length) await writer.write(piece);
  await writer.close();
  const bytes = new Uint8Array(await out);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `plan=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/**
 * Hostile links and files against good ones, same run: the time to refuse a decompression bomb
 * (1 GiB of spaces after a plan file) and a plan nested 6,000 levels deep, against the time to
 * open a good link of the guide's plan and of a 1,000-item plan.
 */
async function runLinkBench() {
  const deps = { now: () => new Date(), newId: () => crypto.randomUUID() };
  const assembly = createPlanFromTemplate('school-assembly', { title: 'Assembly', date: '2026-12-07', startTime: '10:00', place: 'Hall' }, deps);
  const good = await encodeShareFragment(createPlanFile(assembly, options));
  const large = await encodeShareFragment(createPlanFile(largePlan(1000), options));
  const fileText = serializePlan(assembly, options);
  const bomb = await bombLink(fileText, 2 ** 30);
  const deepText = fileText.replace('"plan": {', `"plan": { "extra": ${'['.repeat(6000)}${']'.repeat(6000)},`);
  const deep = await bombLink(deepText, 0);
  const expect = async (link: string, ok: boolean) => {
    const result = await decodeShareFragment(link);
    if (result.ok !== ok) throw new Error(`a ${ok ? 'good' : 'hostile'} link was ${result.ok ? 'opened' : 'refused'}`);
  };
  const runs = 5;
  return {
    goodLinkMs: await timeAsync(() => expect(good, true), runs),
    goodLinkChars: good.length,
    largeLinkMs: await timeAsync(() => expect(large, true), runs),
    largeLinkChars: large.length,
    bombLinkMs: await timeAsync(() => expect(bomb, false), runs),
    bombLinkChars: bomb.length,
    deepLinkMs: await timeAsync(() => expect(deep, false), runs),
    deepLinkChars: deep.length,
    goodFileMs: time(() => readPlanFile(fileText), 25),
    deepFileMs: time(() => {
      if (readPlanFile(deepText).ok) throw new Error('the deep file was opened');
    }, 25),
  };
}

/** Stores a plan of `n` items and steps where the app reads its plans (same origin). */
function seedPlan(n: number) {
  localStorage.setItem('hoc-planner.plans', JSON.stringify({ state: { plans: [largePlan(n)] }, version: PLAN_FORMAT_VERSION }));
}

Object.assign(window, { runFileBench, runLinkBench, seedPlan });
