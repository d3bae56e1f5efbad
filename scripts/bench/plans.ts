import type { Plan } from '@/plan/schema';

/**
 * A plan far larger than any real event: `n` agenda items and `n` checklist steps. Written as a
 * hand-made file would be, without the fields that have defaults (a step's `originKey` and
 * `links`): restore fills them in. tests/unit/fast-plan.property.test.ts reads it too.
 */
export function largePlan(n: number, id = 'bench'): Plan {
  const stamp = '2026-11-22T10:00:00.000Z';
  return {
    id,
    title: `Benchmark plan (${n})`,
    templateId: 'blank',
    event: { date: '2026-12-07', startTime: '08:00', place: 'Hall', targetMinutes: 60, contactName: 'Ana', contactPhone: '+47 900 00 000', participants: 200 },
    checklist: {
      sections: Array.from({ length: 4 }, (_, s) => ({
        id: `s${s}`,
        titleKey: null,
        title: `Section ${s + 1}`,
        steps: Array.from({ length: Math.ceil(n / 4) }, (_, i) => ({
          id: `s${s}-${i}`,
          textKey: null,
          text: `Step ${s + 1}.${i + 1}: prepare something for the event`,
          done: i % 3 === 0,
          doneAt: i % 3 === 0 ? stamp : null,
          dueOffsetDays: -((i % 30) + 1),
          owner: ['Ana', 'Berit', 'Chyngyz'][i % 3]!,
          note: '',
          link: i % 5 === 0 ? 'https://hourofcode.com/promote' : null,
          optional: false,
          picked: false,
        })),
      })),
    },
    runOfShow: {
      items: Array.from({ length: n }, (_, i) => ({
        id: `i${i}`,
        titleKey: null,
        title: `Agenda item ${i + 1}`,
        durationMinutes: (i % 7) + 1,
        fixedStart: null,
        who: i % 2 ? 'Ana' : '',
        note: i % 4 ? '' : 'A short note',
        link: null,
      })),
    },
    notes: '',
    drafts: {},
    shows: [],
    createdAt: stamp,
    updatedAt: stamp,
  } as unknown as Plan;
}
