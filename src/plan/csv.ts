import { computeSchedule } from './schedule';
import type { Plan } from './schema';
import type { GuideTranslate } from './text';

/*
 * The run of show as CSV for spreadsheets. Papa Parse writes it (quoting, line breaks, and
 * neutralising cells that a spreadsheet would run as formulas). A byte-order mark makes Excel
 * read UTF-8 (Cyrillic, æøå). The separator follows the language: spreadsheets in Norway and
 * Kyrgyzstan expect ";" because "," is their decimal mark.
 */

export interface CsvTexts {
  headers: [start: string, end: string, duration: string, title: string, who: string, note: string];
  formatTime: (minutes: number) => string;
  translate: GuideTranslate;
  delimiter: ',' | ';';
}

export function runOfShowRows(plan: Plan, texts: CsvTexts): string[][] {
  const schedule = computeSchedule(plan.event.startTime, plan.runOfShow.items);
  return plan.runOfShow.items.map((item, index) => {
    const slot = schedule.items[index]!;
    return [
      texts.formatTime(slot.start),
      texts.formatTime(slot.end),
      String(item.durationMinutes),
      item.titleKey ? texts.translate(item.titleKey, item.title) : item.title,
      item.who,
      item.note,
    ];
  });
}

export async function runOfShowCsv(plan: Plan, texts: CsvTexts): Promise<string> {
  const { unparse } = await import('papaparse');
  const csv = unparse([texts.headers, ...runOfShowRows(plan, texts)], {
    delimiter: texts.delimiter,
    newline: '\r\n',
    quotes: false,
    escapeFormulae: true,
  });
  return `\uFEFF${csv}\r\n`;
}
