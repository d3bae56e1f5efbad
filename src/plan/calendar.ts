import type { EventAttributes } from 'ics';
import { stepDueDate } from './checklist';
import { parseDay } from './dates';
import { computeSchedule } from './schedule';
import type { Plan } from './schema';
import type { GuideTranslate } from './text';

/*
 * The event and every dated checklist step as calendar entries (.ics). The event is in local
 * ("floating") time: 10:00 means 10:00 wherever the calendar is. Steps are all-day entries on
 * their due day. The `ics` package writes the file (escaping, folding, UIDs); it is loaded
 * only when the user asks for a calendar file.
 */

export interface CalendarTexts {
  /** The run-of-show or target length, whichever is longer, is the event's length. */
  stepPrefix: string;
  translate: GuideTranslate;
}

const dayArray = (date: Date): [number, number, number] => [
  date.getFullYear(),
  date.getMonth() + 1,
  date.getDate(),
];

export function calendarEvents(plan: Plan, texts: CalendarTexts): EventAttributes[] {
  const day = parseDay(plan.event.date);
  if (!day) return [];
  const schedule = computeSchedule(plan.event.startTime, plan.runOfShow.items);
  const minutes = Math.max(schedule.totalMinutes, plan.event.targetMinutes, 1);
  const [hour, minute] = plan.event.startTime.split(':').map(Number) as [number, number];
  const events: EventAttributes[] = [
    {
      uid: `${plan.id}@hour-of-code-planner`,
      title: plan.title,
      start: [...dayArray(day), hour, minute],
      startInputType: 'local',
      startOutputType: 'local',
      duration: { hours: Math.floor(minutes / 60), minutes: minutes % 60 },
      ...(plan.event.place ? { location: plan.event.place } : {}),
      ...(plan.event.contactName || plan.event.contactPhone
        ? {
            description: [plan.event.contactName, plan.event.contactPhone]
              .filter(Boolean)
              .join(', '),
          }
        : {}),
    },
  ];
  for (const section of plan.checklist.sections) {
    for (const step of section.steps) {
      if (step.optional && !step.picked) continue;
      const due = stepDueDate(step, plan.event.date);
      if (!due) continue;
      const next = new Date(due.getFullYear(), due.getMonth(), due.getDate() + 1);
      const text = step.textKey ? texts.translate(step.textKey, step.text) : step.text;
      events.push({
        uid: `${step.id}@hour-of-code-planner`,
        title: `${texts.stepPrefix}${text}`,
        start: dayArray(due),
        end: dayArray(next),
        ...(step.owner ? { description: step.owner } : {}),
        transp: 'TRANSPARENT',
      });
    }
  }
  return events;
}

export async function planToIcs(plan: Plan, texts: CalendarTexts): Promise<string> {
  const { createEvents } = await import('ics');
  const { error, value } = createEvents(calendarEvents(plan, texts), {
    productId: 'hour-of-code-planner',
    calName: plan.title,
  });
  if (error || !value) throw error ?? new Error('The calendar file could not be made.');
  return value;
}
