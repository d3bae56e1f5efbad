import { newItem, newStep } from '@/plan/create-plan';
import type { Plan } from '@/plan/schema';
import { emptySync, stampAt } from '@/plan/stamps';

/** When the copies of the merge tests part: the start plan's creation and first stamp. */
export const MERGE_T0 = '2026-11-22T09:00:00.000Z';

/**
 * The plan two copies start from in the merge tests: two sections (steps p1, p2 and p3), the
 * agenda items named, stamped once by replica `v1`.
 */
export function startPlan(itemIds: readonly string[] = ['i1', 'i2']): Plan {
  const deps = { now: () => new Date(MERGE_T0), newId: () => 'x' };
  const step = (id: string) => newStep(deps, { id, text: `Step ${id}` });
  const item = (id: string) => newItem(deps, { id, title: `Item ${id}` });
  return {
    id: 'plan-1',
    title: 'Assembly',
    templateId: 'blank',
    event: {
      date: '2026-12-07',
      startTime: '10:00',
      place: 'Hall',
      targetMinutes: 60,
      contactName: '',
      contactPhone: '',
      participants: null,
    },
    checklist: {
      sections: [
        { id: 's1', titleKey: null, title: 'Before', steps: [step('p1'), step('p2')] },
        { id: 's2', titleKey: null, title: 'On the day', steps: [step('p3')] },
      ],
    },
    runOfShow: { items: itemIds.map(item) },
    notes: '',
    drafts: {},
    shows: [],
    createdAt: MERGE_T0,
    updatedAt: MERGE_T0,
    sync: emptySync(stampAt(MERGE_T0, 'v1')),
  };
}
