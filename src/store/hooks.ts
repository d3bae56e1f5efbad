import { useStore } from 'zustand';
import type { Plan } from '@/plan/schema';
import { plansStore } from './app-store';
import type { PlansState } from './create-plans-store';

/* The React side of the plans store: components read it through these. */

export function usePlans<T>(selector: (state: PlansState) => T): T {
  return useStore(plansStore, selector);
}

export function usePlan(id: string | undefined): Plan | undefined {
  return useStore(plansStore, (state) => (id ? state.plans.find((p) => p.id === id) : undefined));
}

export function usePlanHistory(id: string): { canUndo: boolean; canRedo: boolean } {
  const canUndo = useStore(plansStore, (state) => (state.history[id]?.past.length ?? 0) > 0);
  const canRedo = useStore(plansStore, (state) => (state.history[id]?.future.length ?? 0) > 0);
  return { canUndo, canRedo };
}
