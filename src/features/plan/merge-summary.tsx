import { useTranslation } from 'react-i18next';
import { announce } from '@/ui/announcer';
import { fieldLabel } from '@/i18n/file-error-text';
import { useGuideTranslate } from '@/ui/hooks/use-guide-translate';
import { takeOtherValue, type MergeConflict } from '@/plan/merge';
import {
  conflictValues,
  conflictsToShow,
  mergedAuthors,
  summarizeMerge,
  type SummaryThing,
} from '@/plan/merge-summary';
import type { Plan } from '@/plan/schema';
import { resolveText } from '@/plan/text';
import { mergeReports, useMergeReport } from '@/store/merge-reports';
import { editPlan } from '@/store/plans-store';
import { Button } from '@/ui/button';
import './merge-summary.css';

/**
 * What the last merge of a copy brought into this plan: "From the copy: 5 steps ticked, 2
 * lengths changed, 1 step added; 1 change made on both sides". Each line opens to the things it
 * counts; a change made on both sides offers "Use this one instead".
 */
export function MergeSummary({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const translate = useGuideTranslate();
  const report = useMergeReport(plan.id);
  if (!report) return null;
  const lines = summarizeMerge(report.before, report.after);
  const authors = mergedAuthors(report.before, report.after);
  const conflicts = conflictsToShow(report.conflicts);
  const lineText = (kind: string, count: number) => t(`merge.summary.line.${kind}`, { count });
  const conflictText = conflicts.length
    ? t('merge.summary.conflicts', { count: conflicts.length })
    : '';
  const list = [lines.map((l) => lineText(l.kind, l.things.length)).join(', '), conflictText]
    .filter(Boolean)
    .join('; ');
  const intro =
    list === ''
      ? t('merge.summary.nothing')
      : authors.length > 0
        ? t('merge.summary.fromNamed', { names: authors.join(', '), list })
        : t('merge.summary.from', { list });

  const name = (entry: {
    textKey?: string | null;
    titleKey?: string | null;
    text?: string;
    title?: string;
  }) =>
    resolveText(
      { key: entry.textKey ?? entry.titleKey ?? null, text: entry.text ?? entry.title ?? '' },
      translate,
    );
  const thingLabel = (thing: SummaryThing): string => {
    switch (thing.kind) {
      case 'step':
        return t('merge.summary.thing.step', { name: name(thing.step) });
      case 'item':
        return t('merge.summary.thing.item', { name: name(thing.item) });
      case 'section':
        return t('merge.summary.thing.section', { name: name(thing.section) });
      case 'field':
        if (thing.field === 'sections' || thing.field === 'items')
          return t(`merge.summary.thing.${thing.field}`);
        return fieldLabel(thing.field, t) ?? thing.field;
    }
  };

  const where = (c: MergeConflict): string => {
    const field =
      c.kind === 'order'
        ? t('merge.summary.field.order')
        : c.field === '@in'
          ? t('merge.summary.field.section')
          : (fieldLabel(c.field, t) ?? t('merge.summary.field.other'));
    const sections = plan.checklist.sections;
    let thing: string;
    if (c.kind === 'step' || (c.kind === 'order' && sections.some((s) => s.id === c.id))) {
      const step = sections.flatMap((s) => s.steps).find((s) => s.id === c.id);
      const section = sections.find((s) => s.id === c.id);
      thing = step
        ? t('merge.summary.thing.step', { name: name(step) })
        : section
          ? t('merge.summary.thing.section', { name: name(section) })
          : '';
    } else if (c.kind === 'item') {
      const item = plan.runOfShow.items.find((i) => i.id === c.id);
      thing = item ? t('merge.summary.thing.item', { name: name(item) }) : '';
    } else if (c.kind === 'section') {
      const section = sections.find((s) => s.id === c.id);
      thing = section ? t('merge.summary.thing.section', { name: name(section) }) : '';
    } else if (c.kind === 'order')
      thing = t(`merge.summary.thing.${c.id === 'items' ? 'items' : 'sections'}`);
    else if (c.kind === 'event') thing = t('merge.summary.thing.event');
    else if (c.kind === 'draft') thing = t('merge.summary.thing.draft');
    else thing = t('merge.summary.thing.plan');
    return t('merge.summary.where', { thing, field });
  };

  const show = (c: MergeConflict, value: unknown): string => {
    if (c.kind === 'order') return t('merge.summary.anotherOrder');
    if (value === null || value === undefined || value === '') return t('merge.summary.empty');
    if (typeof value === 'boolean') return value ? t('merge.summary.yes') : t('merge.summary.no');
    if (c.field === '@in') {
      const section = plan.checklist.sections.find((s) => s.id === value);
      return section ? name(section) : String(value);
    }
    if (c.field === 'durationMinutes') return t('ros.minutes', { count: Number(value) });
    if (typeof value === 'object') return t('merge.summary.field.other');
    return String(value);
  };

  const takeOther = (c: MergeConflict) => {
    editPlan(plan.id, (p) => takeOtherValue(p, c));
    mergeReports.getState().settle(plan.id, c.key);
    announce(t('merge.summary.used'));
  };

  return (
    <section
      className="notice notice--info merge-summary no-print"
      aria-labelledby="merge-summary-title"
    >
      <h2 id="merge-summary-title" className="merge-summary__title">
        {t('merge.summary.heading')}
      </h2>
      <p>{intro}</p>
      <ul className="merge-summary__lines">
        {lines.map((line) => (
          <li key={line.kind}>
            <details>
              <summary>{lineText(line.kind, line.things.length)}</summary>
              <ul>
                {line.things.map((thing, i) => (
                  <li key={i}>{thingLabel(thing)}</li>
                ))}
              </ul>
            </details>
          </li>
        ))}
        {conflicts.length > 0 && (
          <li>
            <details open>
              <summary>{conflictText}</summary>
              <p>{t('merge.summary.conflictsIntro')}</p>
              <ul className="merge-summary__conflicts">
                {conflicts.map((c, index) => {
                  const { kept, other, keptHere } = conflictValues(c);
                  const settled = report.settled.includes(c.key);
                  return (
                    <li key={c.key} className="merge-summary__conflict">
                      <strong id={`merge-conflict-${index}`}>{where(c)}</strong>
                      <span>
                        {keptHere
                          ? t('merge.summary.keptYours', { value: show(c, kept) })
                          : t('merge.summary.keptTheirs', { value: show(c, kept) })}
                      </span>
                      <span>
                        {keptHere
                          ? t('merge.summary.otherTheirs', { value: show(c, other) })
                          : t('merge.summary.otherYours', { value: show(c, other) })}
                      </span>
                      {settled ? (
                        <span className="muted">{t('merge.summary.used')}</span>
                      ) : (
                        <Button
                          onClick={() => takeOther(c)}
                          aria-describedby={`merge-conflict-${index}`}
                        >
                          {t('merge.summary.useOther')}
                        </Button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </details>
          </li>
        )}
      </ul>
      <p className="muted">{t('merge.summary.undoHint')}</p>
      <Button onClick={() => mergeReports.getState().dismiss(plan.id)}>
        {t('merge.summary.close')}
      </Button>
    </section>
  );
}
