import { afterAll } from 'vitest';
import { WRITE_DELAY_MS } from '@/data/plans-sync';

/*
 * The unit files that need a DOM share a page (project `dom-unit`) and make stores of their own
 * on its storage. A store writes 300 ms after its last change: after each file, wait that long,
 * so that a write still pending lands now and is wiped, not in the next file's storage (where a
 * new store would read it as its own).
 */
afterAll(async () => {
  await new Promise((resolve) => setTimeout(resolve, WRITE_DELAY_MS + 50));
  localStorage.clear();
});
