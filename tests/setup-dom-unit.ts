import { afterAll, beforeAll } from 'vitest';
import { WRITE_DELAY_MS } from '@/data/plans-sync';

/*
 * The unit files that need a DOM (`*.dom.test.ts`) share the page of the component tests (project
 * `dom`) and make stores of their own on its storage. A store writes 300 ms after its last change:
 * after each such file, wait that long, so that a write still pending lands now and is wiped, not
 * in the next file's storage (where a new store would read it as its own). The component tests
 * need no wait: they set the app's one store in `beforeEach`. But the app's store may still have
 * a write pending when a component file ends, so a unit file that follows one (only in a
 * shuffled order: tests/sequencer.ts runs the unit files first) waits before it starts.
 */
const isUnitFile = (suite: { file: { filepath: string } }) =>
  /\.dom\.test\.tsx?$/.test(suite.file.filepath);
// Kept on the page: this file runs again for every test file.
const state = globalThis as { appStoreMayWrite?: boolean };

async function letPendingWritesLand() {
  await new Promise((resolve) => setTimeout(resolve, WRITE_DELAY_MS + 50));
  localStorage.clear();
}

// The hooks take the file from their second argument; Vitest asks for a pattern as the first.
// eslint-disable-next-line no-empty-pattern
beforeAll(async ({}, suite) => {
  if (!isUnitFile(suite) || !state.appStoreMayWrite) return;
  state.appStoreMayWrite = false;
  await letPendingWritesLand();
});

// eslint-disable-next-line no-empty-pattern
afterAll(async ({}, suite) => {
  if (isUnitFile(suite)) await letPendingWritesLand();
  else state.appStoreMayWrite = true;
});
