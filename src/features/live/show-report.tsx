import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '@/components/use-document-title';
import { useGuideText } from '@/components/use-guide-text';
import { formatClock, formatDate, formatTimeOfDate } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { parseDay } from '@/plan/dates';
import { draftPath, postsDraftFor, stepsForDraft } from '@/plan/drafts';
import { showReport } from '@/plan/live-show';
import { parseTimeOfDay } from '@/plan/schedule';
import type { Plan, ShowRecord } from '@/plan/schema';
import { planPath } from '@/plan/paths';

/** After the event: each item planned against actual, the total, and the guide's last step. */
export function ShowReport({ plan, show }: { plan: Plan; show: ShowRecord }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const text = useGuideText();
  useDocumentTitle(t('report.documentTitle', { title: plan.title }));
  const report = showReport(show);
  const start = parseTimeOfDay(plan.event.startTime) ?? 0;
  const clock = (ms: number | null) => (ms === null ? '–' : formatTimeOfDate(new Date(ms), lang));
  const over = report.overMinutes ?? 0;
  const posts = postsDraftFor(plan);
  const day = parseDay(plan.event.date);
  const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
  return (
    <div className="page report">
      <p className="breadcrumb no-print">
        <Link to={planPath(plan.id)}>{t('live.backToPlan')}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{t('report.title')}</h1>
          <p className="page-head__sub">
            {plan.title}
            {/* The report is about one day: say which, on screen and on paper. */}
            {day && ` · ${formatDate(day, lang, 'long')}`}
          </p>
        </div>
        <button type="button" className="button no-print" onClick={() => window.print()}>
          {t('report.print')}
        </button>
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
                <td className="print-table__time">
                  {formatClock(start + row.plannedOffset, lang)}–
                  {formatClock(start + row.plannedOffset + row.plannedDuration, lang)}
                  <span className="print-note">
                    {t('ros.minutes', { count: row.plannedDuration })}
                  </span>
                </td>
                <td className="print-table__time">
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
                <td className="report__diff">
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
