import type { ParseKeys } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { announce } from '@/ui/announcer';
import { fieldLabel } from '@/ui/file-error-text';
import { useGuideTranslate } from '@/ui/hooks/use-guide-translate';
import { holdsOtherValue, takeOtherValue, type MergeConflict } from '@/plan/merge';
import {
  conflictValues,
  conflictsToShow,
  mergedAuthors,
  summarizeMerge,
  type SummaryKind,
  type SummaryThing,
} from '@/plan/merge-summary';
import type { Plan } from '@/plan/schema';
import { resolveText } from '@/plan/text';
import { mergeReports, useMergeReport } from '@/store/merge-reports';
import { editPlan } from '@/store/plans-store';
import { Button } from '@/ui/button';
import './merge-summary.css';

/** A line of the summary, by what it counts (each a plural: "5 steps ticked"). */
const LINE_KEYS: Readonly<Record<SummaryKind, ParseKeys>> = {
  ticked: 'merge.summary.line.ticked',
  unticked: 'merge.summary.line.unticked',
  stepsAdded: 'merge.summary.line.stepsAdded',
  stepsRemoved: 'merge.summary.line.stepsRemoved',
  itemsAdded: 'merge.summary.line.itemsAdded',
  itemsRemoved: 'merge.summary.line.itemsRemoved',
  sectionsAdded: 'merge.summary.line.sectionsAdded',
  sectionsRemoved: 'merge.summary.line.sectionsRemoved',
  lengths: 'merge.summary.line.lengths',
  times: 'merge.summary.line.times',
  owners: 'merge.summary.line.owners',
  dueDates: 'merge.summary.line.dueDates',
  texts: 'merge.summary.line.texts',
  notes: 'merge.summary.line.notes',
  details: 'merge.summary.line.details',
  order: 'merge.summary.line.order',
  drafts: 'merge.summary.line.drafts',
  other: 'merge.summary.line.other',
};

/**
 * What the last merge of a copy brought into this plan: "From the copy: 5 steps ticked, 2
 * lengths changed, 1 step added; 1 change made on both sides". Each line opens to the things it
 * counts; a change made on both sides offers "Use this one instead".
 */
/** A copy's differences shown one by one, at most; the rest is counted (a copy may hold thousands). */
const SHOWN_DIFFERENCES = 50;

export function MergeSummary({
  plan,
  focusOnArrival = false,
  onClosed,
}: {
  plan: Plan;
  /** Arriving from a merge: focus lands on the summary's heading, so it is read out first. */
  focusOnArrival?: boolean;
  /** After "Close the summary": where focus goes is the page's choice. */
  onClosed?: () => void;
}) {
  const { t } = useTranslation();
  const translate = useGuideTranslate();
  const report = useMergeReport(plan.id);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const usedRef = useRef<HTMLSpanElement>(null);
  const [justUsed, setJustUsed] = useState<string | null>(null);
  const shown = report !== undefined;
  useEffect(() => {
    if (focusOnArrival && shown) headingRef.current?.focus();
  }, [focusOnArrival, shown]);
  // "Use this one instead" is replaced by its result: focus goes there, not to the page.
  useEffect(() => {
    if (justUsed) usedRef.current?.focus();
  }, [justUsed]);
  if (!report) return null;
  const lines = summarizeMerge(report.before, report.after);
  const authors = mergedAuthors(report.before, report.after);
  const conflicts = conflictsToShow(report.conflicts);
  const lineText = (kind: SummaryKind, count: number) => t(LINE_KEYS[kind], { count });
  const conflictText = conflicts.length
    ? t('merge.summary.conflicts', { count: conflicts.length })
    : '';
  const list = [lines.map((l) => lineText(l.kind, l.things.length)).join(', '), conflictText]
    .filter(Boolean)
    .join('; ');
  const differences = report.differences;
  const intro =
    list === ''
      ? differences.length > 0
        ? t('merge.summary.changedSince', { count: differences.length })
        : t('merge.summary.nothing')
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
        if (thing.field === 'sections') return t('merge.summary.thing.sections');
        if (thing.field === 'items') return t('merge.summary.thing.items');
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
      thing = c.id === 'items' ? t('merge.summary.thing.items') : t('merge.summary.thing.sections');
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
    setJustUsed(c.key);
    announce(t('merge.summary.used'));
  };

  /** Changes with two values: the one kept and the other, which "Use this one instead" takes. */
  const choices = (list: MergeConflict[], idPrefix: string) => (
    <ul className="merge-summary__conflicts">
      {list.map((c, index) => {
        // Taken when the plan holds the other value now (Undo may have put the first one back).
        const settled = holdsOtherValue(plan, c);
        // Once the other value is taken, it is the one kept.
        const { kept, other, keptHere } = conflictValues(
          settled ? { ...c, kept: c.kept === 'a' ? 'b' : 'a' } : c,
        );
        const labelId = `${idPrefix}-${index}`;
        return (
          <li key={c.key} className="merge-summary__conflict">
            <strong id={labelId}>{where(c)}</strong>
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
              <span className="muted" tabIndex={-1} ref={justUsed === c.key ? usedRef : undefined}>
                {t('merge.summary.used')}
              </span>
            ) : (
              <Button onClick={() => takeOther(c)} aria-describedby={labelId}>
                {t('merge.summary.useOther')}
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );

  return (
    <section
      className="notice notice--info merge-summary no-print"
      aria-labelledby="merge-summary-title"
    >
      <h2 id="merge-summary-title" className="merge-summary__title" ref={headingRef} tabIndex={-1}>
        {list === '' ? t('merge.summary.headingNothing') : t('merge.summary.heading')}
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
              {choices(conflicts, 'merge-conflict')}
            </details>
          </li>
        )}
      </ul>
      {differences.length > 0 && list === '' && (
        <>
          {choices(differences.slice(0, SHOWN_DIFFERENCES), 'merge-difference')}
          {differences.length > SHOWN_DIFFERENCES && (
            <p className="muted">
              {t('merge.summary.more', { count: differences.length - SHOWN_DIFFERENCES })}
            </p>
          )}
        </>
      )}
      {list !== '' && <p className="muted">{t('merge.summary.undoHint')}</p>}
      <Button
        onClick={() => {
          mergeReports.getState().dismiss(plan.id);
          onClosed?.();
        }}
      >
        {t('merge.summary.close')}
      </Button>
    </section>
  );
}
