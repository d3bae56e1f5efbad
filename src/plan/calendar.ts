import type { EventAttributes } from 'ics';
import { stepDueDate } from './checklist';
import { parseDay } from './dates';
import { computeSchedule } from './schedule';
import type { Plan } from './schema';
import type { GuideTranslate } from './text';

/*
 * The event and every dated checklist step still to do as calendar entries (.ics). The event is
 * in local ("floating") time: 10:00 means 10:00 wherever the calendar is, because the plan holds
 * a day and a clock time, not a time zone (an assembly at 10:00 is at 10:00 where the school
 * is). Steps are all-day entries on their due day, each with a reminder that morning. The `ics`
 * package writes the file (escaping, UIDs); it folds long lines by characters, so the result is
 * folded again here by octets (RFC 5545 §3.1). It is loaded only when the user asks for the file.
 */

export interface CalendarTexts {
  /** Put before a step's text in its entry's title ("Hour of Code: "). */
  stepPrefix: string;
  translate: GuideTranslate;
  /** A time of day (minutes after midnight) as the user's language writes it. */
  formatTime: (minutes: number) => string;
  /** Heading of the agenda in the event's description ("Run of show"). */
  agendaLabel: string;
  /** Label of the contact line in the event's description ("Contact"). */
  contactLabel: string;
  /** Text of a step's reminder ("Due today"). */
  reminder: string;
}

/** A step's reminder: 9:00 on its due day (all-day entries start at midnight). */
export const REMINDER_HOURS_INTO_DAY = 9;

const dayArray = (date: Date): [number, number, number] => [
  date.getFullYear(),
  date.getMonth() + 1,
  date.getDate(),
];

/** The event's description: its agenda, one line an item, then the contact. */
export function eventDescription(plan: Plan, texts: CalendarTexts): string {
  const schedule = computeSchedule(plan.event.startTime, plan.runOfShow.items);
  const lines: string[] = [];
  if (plan.runOfShow.items.length > 0) {
    lines.push(`${texts.agendaLabel}:`);
    plan.runOfShow.items.forEach((item, index) => {
      const slot = schedule.items[index]!;
      const title = item.titleKey ? texts.translate(item.titleKey, item.title) : item.title;
      const who = item.who ? ` (${item.who})` : '';
      lines.push(
        `${texts.formatTime(slot.start)}–${texts.formatTime(slot.end)} ${title}${who}`.trimEnd(),
      );
    });
  }
  const contact = [plan.event.contactName, plan.event.contactPhone].filter(Boolean).join(', ');
  if (contact) {
    if (lines.length > 0) lines.push('');
    lines.push(`${texts.contactLabel}: ${contact}`);
  }
  return lines.join('\n');
}

export function calendarEvents(plan: Plan, texts: CalendarTexts): EventAttributes[] {
  const day = parseDay(plan.event.date);
  if (!day) return [];
  const schedule = computeSchedule(plan.event.startTime, plan.runOfShow.items);
  const minutes = Math.max(schedule.totalMinutes, plan.event.targetMinutes, 1);
  const [hour, minute] = plan.event.startTime.split(':').map(Number) as [number, number];
  const description = eventDescription(plan, texts);
  const events: EventAttributes[] = [
    {
      uid: `${plan.id}@hour-of-code-planner`,
      title: plan.title,
      start: [...dayArray(day), hour, minute],
      startInputType: 'local',
      startOutputType: 'local',
      duration: { hours: Math.floor(minutes / 60), minutes: minutes % 60 },
      ...(plan.event.place ? { location: plan.event.place } : {}),
      ...(description ? { description } : {}),
    },
  ];
  for (const section of plan.checklist.sections) {
    for (const step of section.steps) {
      // Done steps are no longer deadlines; unpicked ideas never were.
      if (step.done || (step.optional && !step.picked)) continue;
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
        alarms: [
          {
            action: 'display',
            description: `${texts.reminder}: ${text}`,
            trigger: { hours: REMINDER_HOURS_INTO_DAY, before: false },
          },
        ],
      });
    }
  }
  return events;
}

/** RFC 5545 §3.1: content lines are folded so that none is longer than 75 octets. */
export const MAX_LINE_OCTETS = 75;

const utf8 = new TextEncoder();

/**
 * Unfolds `text` (CRLF followed by a space or tab) and folds every content line again so that no
 * line, its CRLF not counted, is longer than 75 octets of UTF-8; a continuation line starts with
 * one space, which counts. A character is never split: a line breaks before a character that
 * would not fit whole (Kyrgyz letters take 2 octets, emoji 4).
 */
export function foldLinesByOctets(text: string): string {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  return lines
    .map((line) => {
      if (utf8.encode(line).length <= MAX_LINE_OCTETS) return line;
      const parts: string[] = [];
      let current = '';
      let octets = 0;
      for (const char of line) {
        const size = utf8.encode(char).length;
        // Continuation lines carry a leading space: one octet less room.
        const room = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
        if (octets + size > room) {
          parts.push(current);
          current = '';
          octets = 0;
        }
        current += char;
        octets += size;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}

export async function planToIcs(plan: Plan, texts: CalendarTexts): Promise<string> {
  const { createEvents } = await import('ics');
  const { error, value } = createEvents(calendarEvents(plan, texts), {
    productId: 'hour-of-code-planner',
    calName: plan.title,
  });
  if (error || !value) throw error ?? new Error('The calendar file could not be made.');
  return foldLinesByOctets(value);
}
