import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importGuidesUnguarded, type GuideRefusalCode } from '@/guide/import-guide';
import { safeHref } from '@/plan/links';
import { restorePlan } from '@/plan/restore';
import { fixtureText, GUIDE_FIXTURES, guideOptions, planLinks, residueIn } from '../guide-helpers';
import { propertyRuns } from '../property-runs';

/*
 * The seed guides, damaged the way real translations and copies are: lines lost or doubled,
 * template tags broken, numbers stripped, agenda times written otherwise, scripts mixed (Arabic
 * right-to-left text among them). Whatever the damage, the importer gives a plan with no markup
 * in it, or a clear refusal; it never throws.
 */

/*
 * Parsing takes about a millisecond per kilobyte: to keep 1,000 runs within seconds, the seeds'
 * table padding is collapsed and their long prose lines are cut (to 120 characters), which
 * keeps every structure the importer reads.
 */
const SEEDS = Object.values(GUIDE_FIXTURES).map((file) =>
  fixtureText(file)
    .split('\n')
    .map((line) =>
      line
        .replace(/ {2,}\|/g, ' |')
        .replace(/-{4,}/g, '---')
        .slice(0, 120),
    ),
);
const REFUSALS: GuideRefusalCode[] = [
  'empty',
  'binary',
  'tooLarge',
  'encoding',
  'noSteps',
  'planFile',
];

const TAG_BREAKS: [RegExp, string[]][] = [
  [/<%=/, ['< % =', '%=', '<%', '{{', '', '<%= <%=']],
  [/%>/, ['%', '% >', '', '}}', '>']],
  [/\{\{/, ['{', '{ {', '<%=', '']],
  [/\}\}/, ['}', '', '%>', '} }']],
  [/\(/, ['', '((']],
];
const INSERTS = [
  'خطوة مهمة: ادعُ أولياء الأمور',
  'שעת קוד בבית הספר',
  'Пригласите родителей',
  '编程一小时',
  'コードの時間',
  'नमस्ते',
  '**',
  '](',
  '<br>',
  '</br>',
  '&nbsp;',
  '&amp',
  '# ',
  '<img src="x.png">',
  '{{ campaign_date/start_short }}',
  "<%= resolve_url('/x') %>",
  '| 10:00 - 10:05 | Open |',
  '1. ',
  '- ',
  '\u202e',
];

type Mutation =
  | { kind: 'delete' | 'repeat' | 'stripNumber'; at: number }
  | { kind: 'breakTag'; at: number; which: number; variant: number }
  | { kind: 'time'; at: number; variant: number }
  | { kind: 'insert'; at: number; which: number; column: number };

const at = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete', 'repeat', 'stripNumber'), at }),
  fc.record({
    kind: fc.constant('breakTag'),
    at,
    which: fc.nat(TAG_BREAKS.length - 1),
    variant: fc.nat(5),
  }),
  fc.record({ kind: fc.constant('time'), at, variant: fc.nat(4) }),
  fc.record({
    kind: fc.constant('insert'),
    at,
    which: fc.nat(INSERTS.length - 1),
    column: fc.nat(200),
  }),
) as fc.Arbitrary<Mutation>;

function retime(line: string, variant: number): string {
  return line.replace(/(\d{1,2})[:.](\d{2})/g, (_m, h: string, m: string) => {
    const hour = Number(h);
    switch (variant) {
      case 0:
        return `${h}.${m}`;
      case 1:
        return `${h}h${m}`;
      case 2:
        return `${hour % 12 || 12}:${m} ${hour < 12 ? 'am' : 'pm'}`;
      case 3:
        return `${h}${m}`;
      default:
        return '';
    }
  });
}

function mutate(lines: string[], mutations: Mutation[]): string {
  const out = [...lines];
  for (const change of mutations) {
    if (out.length === 0) break;
    const i = change.at % out.length;
    const line = out[i] ?? '';
    switch (change.kind) {
      case 'delete':
        out.splice(i, 1);
        break;
      case 'repeat':
        out.splice(i, 0, line);
        break;
      case 'stripNumber':
        out[i] = line.replace(/^(\s*(?:#+\s*)?(?:\*\*)?)\d{1,2}[.)]\s*/, '$1');
        break;
      case 'breakTag': {
        const [pattern, variants] = TAG_BREAKS[change.which]!;
        out[i] = line.replace(pattern, variants[change.variant % variants.length]!);
        break;
      }
      case 'time':
        out[i] = retime(line, change.variant);
        break;
      case 'insert': {
        const column = change.column % (line.length + 1);
        out[i] = `${line.slice(0, column)}${INSERTS[change.which]}${line.slice(column)}`;
        break;
      }
    }
  }
  return out.join('\n');
}

const damagedFile = fc.tuple(fc.nat(SEEDS.length - 1), fc.array(mutation, { maxLength: 14 }));

const PAGE = fixtureText('ar-events.html').split('\n');
const HTML_INSERTS = [
  '<p>',
  '</li>',
  '<ul><li>',
  '</table>',
  '<b>**</b>',
  '&nbsp;',
  '&#1575;',
  '</br>',
  '<img src=x onerror=alert(1)>',
  '<script>1</script>',
  '<a href="javascript:x">y</a>',
  '<!--',
  '{{ signup_button }}',
  '<h2>3. خطوة</h2>',
  '<td>10h05 - 10h15</td>',
  '<',
  '>',
];

describe('importing damaged guides (property)', () => {
  it('a damaged HTML guide: always a clean, valid plan or a clear refusal, never a throw', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constantFrom('delete', 'repeat'), at }),
            fc.record({
              kind: fc.constant('insert'),
              at,
              which: fc.nat(HTML_INSERTS.length - 1),
              column: fc.nat(200),
            }),
          ),
          { maxLength: 10 },
        ),
        (changes) => {
          const lines = [...PAGE];
          for (const change of changes) {
            const i = change.at % lines.length;
            const line = lines[i] ?? '';
            if (change.kind === 'delete') lines.splice(i, 1);
            else if (change.kind === 'repeat') lines.splice(i, 0, line);
            else if ('column' in change) {
              const column = change.column % (line.length + 1);
              lines[i] =
                `${line.slice(0, column)}${HTML_INSERTS[change.which]}${line.slice(column)}`;
            }
          }
          const result = importGuidesUnguarded(
            [{ name: 'page.html', text: lines.join('\n') }],
            guideOptions(),
          );
          if (!result.ok) {
            for (const refusal of result.refusals) expect(REFUSALS).toContain(refusal.code);
            return;
          }
          expect(restorePlan(result.plan).ok).toBe(true);
          expect(residueIn(result.plan)).toEqual([]);
          for (const link of planLinks(result.plan)) expect(safeHref(link)).not.toBeNull();
        },
      ),
      {
        numRuns: propertyRuns(200),
        examples: [
          // Seen once in a deep run: in the page's <title> (text to the parser, so the tag stays
          // as written), "<img src=x onerror=alert(1)>" with a "<" typed in survived cleaning.
          [
            [
              { kind: 'insert', at: 0, which: 8, column: 54 },
              { kind: 'insert', at: 0, which: 15, column: 78 },
            ],
          ],
          // Seen once: a tag broken across two lines ("<y" … "td>") survived into a step's text.
          [
            [
              { kind: 'insert', at: 771234294, which: 0, column: 149 },
              { kind: 'insert', at: 1008370500, which: 10, column: 15 },
              { kind: 'delete', at: 771982215 },
              { kind: 'repeat', at: 431758067 },
            ],
          ],
        ],
      },
    );
  }, 60_000);

  it.each([
    // Parsing a guide takes a few milliseconds: 1,000 single files and 100 pairs of files in the
    // deep run, a tenth of that in the unit suite (tests/property-runs.ts).
    ['one damaged guide', 1, propertyRuns(1000)],
    ['two damaged guides into one plan', 2, propertyRuns(100)],
  ])(
    '%s: always a clean, valid plan or a clear refusal, never a throw',
    (_name, files, numRuns) => {
      fc.assert(
        fc.property(fc.array(damagedFile, { minLength: files, maxLength: files }), (files) => {
          const sources = files.map(([seed, mutations], index) => ({
            name: `guide-${index}.md`,
            text: mutate(SEEDS[seed]!, mutations),
          }));
          const result = importGuidesUnguarded(sources, guideOptions());
          if (!result.ok) {
            expect(result.refusals.length).toBeGreaterThan(0);
            for (const refusal of result.refusals) expect(REFUSALS).toContain(refusal.code);
            return;
          }
          expect(restorePlan(result.plan).ok).toBe(true);
          expect(residueIn(result.plan)).toEqual([]);
          for (const link of planLinks(result.plan)) expect(safeHref(link)).not.toBeNull();
          const steps = result.plan.checklist.sections.flatMap((section) => section.steps);
          expect(steps.some((step) => !step.optional)).toBe(true);
          expect(steps.every((step) => step.text.trim() !== '')).toBe(true);
          expect(result.guides).toHaveLength(sources.length);
        }),
        {
          numRuns,
          // Seen once in CI: "](" inserted into "[кат](<%" gave "<](%", whose "](" was removed
          // after the "<%" check had passed, leaving "< %" in the step's note.
          examples:
            files === 1
              ? [[[[1, [{ kind: 'insert', at: 1105100238, which: 7, column: 119 }]]]]]
              : [],
        },
      );
    },
    60_000,
  );
});
