import { afterAll, beforeAll } from 'vitest';
import { WRITE_DELAY_MS } from '@/data/plans-sync';
import { realTimers, type Timers } from '@/data/ports';

/*
 * The unit files that need a DOM (`*.dom.test.ts`) share the page of the component tests (project
 * `dom`) and make stores of their own on its storage. A store writes 300 ms after its last change:
 * after each such file, a write still pending is let land and then wiped, so that it does not
 * land in the next file's storage (where a new store would read it as its own). The component
 * tests need no wait: they set the app's one store in `beforeEach`. But the app's store may still
 * have a write pending when a component file ends, so a unit file that follows one (only in a
 * shuffled order: tests/sequencer.ts runs the unit files first) waits for it before it starts.
 *
 * Stores write through `realTimers` (data/ports.ts), the app's and the tests' alike: its timers
 * are counted here while they are pending, so that a file waits only when a write is still to
 * come (most files leave none; a blind 350 ms after each file cost the suite seconds).
 */
/*
 * Kept on the page, by the timers object: this file runs again for every test file, in the same
 * worker and (files are not isolated) the same modules, which are patched once.
 */
const page = globalThis as { pendingWrites?: WeakMap<Timers, Set<unknown>> };
page.pendingWrites ??= new WeakMap();
let pendingWrites = page.pendingWrites.get(realTimers);
if (!pendingWrites) {
  const pending = new Set<unknown>();
  page.pendingWrites.set(realTimers, pending);
  const { set, clear } = realTimers;
  realTimers.set = (callback, ms) => {
    const handle = set(() => {
      pending.delete(handle);
      callback();
    }, ms);
    pending.add(handle);
    return handle;
  };
  realTimers.clear = (handle) => {
    pending.delete(handle);
    clear(handle);
  };
  pendingWrites = pending;
}
const pending = pendingWrites;

const isUnitFile = (suite: { file: { filepath: string } }) =>
  /\.dom\.test\.tsx?$/.test(suite.file.filepath);

async function letPendingWritesLand() {
  // A write sets no timer of its own: this ends at most a write delay after the last change. A
  // timer still counted after that was a fake clock's (vi.useFakeTimers), dropped with it.
  const until = Date.now() + WRITE_DELAY_MS + 200;
  while (pending.size > 0 && Date.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 10));
  pending.clear();
  localStorage.clear();
}

// The hooks take the file from their second argument; Vitest asks for a pattern as the first.
// eslint-disable-next-line no-empty-pattern
beforeAll(async ({}, suite) => {
  if (isUnitFile(suite)) await letPendingWritesLand();
});

// eslint-disable-next-line no-empty-pattern
afterAll(async ({}, suite) => {
  if (isUnitFile(suite)) await letPendingWritesLand();
});
