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

/**
 * Cells a spreadsheet could run as a formula get a leading apostrophe (Papa Parse's
 * `escapeFormulae`, whose default looks at the first character only). Checked in LibreOffice
 * Calc 7.4 (Debian 12, CSV import, headless): with "Evaluate formulas" on it runs `=1+1`, also
 * quoted, and with "Trim spaces" also on it runs ` =1+1` (leading spaces); it leaves
 * full-width `＝1+1`, `=1+1` after an ideographic space (U+3000), and `+`, `-`, `@` starts as
 * text (an apostrophe-prefixed cell stays text). Excel and Google Sheets do run `+`, `-` and `@` starts. So: any run of white space (the
 * ideographic and no-break spaces too), then a formula sign, ASCII or full-width (kept out of
 * caution for other programs); or a cell starting with a tab or carriage return.
 */
export const FORMULA_START = /^(?:[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r])/;

export async function runOfShowCsv(plan: Plan, texts: CsvTexts): Promise<string> {
  const { unparse } = await import('papaparse');
  const csv = unparse([texts.headers, ...runOfShowRows(plan, texts)], {
    delimiter: texts.delimiter,
    newline: '\r\n',
    quotes: false,
    escapeFormulae: FORMULA_START,
  });
  return `\uFEFF${csv}\r\n`;
}
