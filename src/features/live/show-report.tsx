import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '@/ui/icon';
import { useDocumentTitle } from '@/ui/hooks/use-document-title';
import { useGuideText } from '@/ui/hooks/use-guide-text';
import { formatDate, formatTimeOfDate } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { parseDay } from '@/plan/dates';
import { draftPath, postsDraftFor, stepsForDraft } from '@/plan/drafts';
import { showReport } from '@/plan/live-show';
import { planPath } from '@/plan/paths';
import type { Plan, ShowRecord } from '@/plan/schema';
import { useRunName } from './run-name';
import { Button } from '@/ui/button';
import '@/ui/plan-document.css';
import './live.css';

/** After the event: each item planned against actual, the total, and the guide's last step. */
export function ShowReport({
  plan,
  show,
  focusHeading = false,
}: {
  plan: Plan;
  show: ShowRecord;
  /** Just ended at the desk: focus lands on the report's heading, not on the page's body. */
  focusHeading?: boolean;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);
  const { t } = useTranslation();
  const lang = useLanguage();
  const text = useGuideText();
  useDocumentTitle(t('report.documentTitle', { title: plan.title }));
  const runName = useRunName();
  const report = showReport(show);
  const day = parseDay(plan.event.date);
  const planned = (minutes: number) =>
    formatTimeOfDate(new Date(report.plannedStart + minutes * 60_000), lang);
  const late = report.lateStartMinutes;
  const clock = (ms: number | null) => (ms === null ? '–' : formatTimeOfDate(new Date(ms), lang));
  const over = report.overMinutes ?? 0;
  const posts = postsDraftFor(plan);
  const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
  return (
    <div className="page report">
      <p className="breadcrumb no-print">
        <Link to={planPath(plan.id)}>
          <Icon name="back" className="icon--before" />
          {t('live.backToPlan')}
        </Link>
      </p>
      <div className="page-head">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {t('report.title')}
          </h1>
          <p className="page-head__sub">
            {plan.title}
            {day && ` · ${t('runs.eventDate', { date: formatDate(day, lang, 'long') })}`}
          </p>
          <p className="report__run">
            {t(show.kind === 'rehearsal' ? 'runs.reportRehearsal' : 'runs.reportEvent', {
              name: runName(plan.shows, show),
              date: formatDate(new Date(show.startedAt), lang, 'long'),
              time: formatTimeOfDate(new Date(show.startedAt), lang),
            })}
            {show.kind === 'event' &&
              late !== 0 &&
              ` · ${late > 0 ? t('runs.startedLate', { count: late }) : t('runs.startedEarly', { count: -late })}`}
          </p>
        </div>
        <Button className="no-print" onClick={() => window.print()}>
          {t('report.print')}
        </Button>
      </div>
      <p className={over > 0 ? 'badge badge--warn' : 'badge'}>
        {over > 0
          ? t('report.over', { count: over })
          : over < 0
            ? t('report.under', { count: -over })
            : t('report.onTime')}
        {' · '}
        {t('report.totals', { planned: report.plannedMinutes, actual: report.actualMinutes ?? 0 })}
      </p>
      <table className="print-table report__table">
        <caption className="visually-hidden">{t('report.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ros.item')}</th>
            <th scope="col">{t('report.planned')}</th>
            <th scope="col">{t('report.actual')}</th>
            <th scope="col">{t('report.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => {
            const entry = show.entries[row.index]!;
            return (
              <tr key={entry.itemId}>
                <th scope="row">
                  {text({ key: entry.titleKey, text: entry.title }) || t('ros.untitled')}
                </th>
                {/* Each cell names itself when rows stack on a narrow screen. */}
                <td className="print-table__time" data-label={t('report.planned')}>
                  {planned(row.plannedOffset)}–{planned(row.plannedOffset + row.plannedDuration)}
                  <span className="print-note">
                    {t('ros.minutes', { count: row.plannedDuration })}
                  </span>
                </td>
                <td className="print-table__time" data-label={t('report.actual')}>
                  {row.actualStart === null ? (
                    t('report.notRun')
                  ) : (
                    <>
                      {clock(row.actualStart)}–{clock(row.actualEnd)}
                      <span className="print-note">
                        {row.skipped
                          ? t('report.skipped')
                          : t('ros.minutes', { count: row.actualMinutes ?? 0 })}
                      </span>
                    </>
                  )}
                </td>
                <td className="report__diff" data-label={t('report.difference')}>
                  {row.differenceMinutes === null
                    ? '–'
                    : t('report.minutesSigned', { value: signed(row.differenceMinutes) })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <section className="notice notice--info report__share" aria-labelledby="report-share">
        <h2 id="report-share">{t('report.shareTitle')}</h2>
        <p>{t('report.shareBody')}</p>
        <p className="no-print">
          <Link to={draftPath(plan.id, posts, stepsForDraft(plan, posts).at(-1))}>
            {t('report.openPosts')}
          </Link>
        </p>
      </section>
    </div>
  );
}
