import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { LIMITS } from '@/plan/schema';
import { createClock, newReplicaId, type Clock } from '@/plan/stamps';
import { browserStorage } from '@/data/browser';

/*
 * This tab as a replica of the plans: its clock (every change made here is stamped by it, see
 * plan/stamps.ts) and the person's name, if they gave one, kept in this browser only.
 * One replica per open tab, not per browser: two tabs stamp independently, so the two-tab sync
 * can tell their changes apart.
 */

export const NAME_KEY = 'hoc-planner.name';

const cryptoRandom = () =>
  typeof crypto !== 'undefined' && crypto.getRandomValues
    ? crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32
    : Math.random();

export function newTabClock(): Clock {
  return createClock(newReplicaId(cryptoRandom));
}

function readName(): string {
  try {
    return (browserStorage()?.getItem(NAME_KEY) ?? '').slice(0, LIMITS.ownerLength);
  } catch {
    return '';
  }
}

interface NameState {
  name: string;
  setName: (name: string) => void;
}

/** "Your name": optional, stamped on the changes made in this browser. */
export const yourName = createStore<NameState>()((set) => ({
  name: readName(),
  setName: (value) => {
    const name = value.trim().slice(0, LIMITS.ownerLength);
    try {
      const storage = browserStorage();
      if (name) storage?.setItem(NAME_KEY, name);
      else storage?.removeItem(NAME_KEY);
    } catch {
      // Not kept across visits where storage is blocked or full; still used in this tab.
    }
    set({ name });
  },
}));

export const useYourName = () => useStore(yourName, (s) => s.name);
