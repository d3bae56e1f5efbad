import { useDeferredValue, useMemo } from 'react';
import { ownersInPlan } from '@/plan/checklist';
import type { Plan } from '@/plan/schema';

const NO_NAMES: readonly string[] = [];

/**
 * The names already used in the plan (step owners, who does an agenda item), for the "who"
 * suggestions and the checklist's filter by person. They come in a background render just after
 * the page's first: sorting them by the language's rules starts the browser's collation, tens of
 * milliseconds on a slow phone, which the page's first render need not wait for. `null`: not
 * wanted yet (none).
 */
export function useOwnerNames(plan: Plan | null): readonly string[] {
  const deferred = useDeferredValue<Plan | null>(plan, null);
  return useMemo(() => (deferred ? ownersInPlan(deferred) : NO_NAMES), [deferred]);
}
