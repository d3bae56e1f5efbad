import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundPage } from '@/components/not-found-page';
import { useDocumentTitle } from '@/components/use-document-title';
import { useGuideText } from '@/components/use-guide-text';
import { formatClock, formatDate } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { dueDate, parseDay } from '@/plan/dates';
import { computeSchedule } from '@/plan/schedule';
import { usePlan } from '@/store/plans-store';

/** The plan on paper: agenda first (what volunteers need on the day), then the checklist. */
export function PrintPage() {
  const { planId } = useParams();
  const plan = usePlan(planId);
  const { t } = useTranslation();
  const lang = useLanguage();
  const text = useGuideText();
  useDocumentTitle(plan ? t('print.documentTitle', { title: plan.title }) : undefined);
  if (!plan) return <NotFoundPage kind="plan" />;
  const day = parseDay(plan.event.date);
  const schedule = computeSchedule(plan.event.startTime, plan.runOfShow.items);
  return (
    <article className="print-page">
      <div className="print-toolbar no-print">
        <Link to={`/plans/${plan.id}`}>{t('print.back')}</Link>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('print.print')}
        </button>
      </div>
      <h1>{plan.title}</h1>
      <p className="print-meta">
        {day && formatDate(day, lang, 'long')} · {formatClock(schedule.start, lang)}–
        {formatClock(schedule.end, lang)}
        {plan.event.place && ` · ${plan.event.place}`}
      </p>
      <section aria-labelledby="print-ros">
        <h2 id="print-ros">{t('ros.heading')}</h2>
        <table className="print-table">
          <thead>
            <tr>
              <th scope="col">{t('ros.time')}</th>
              <th scope="col">{t('ros.item')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.runOfShow.items.map((item, index) => (
              <tr key={item.id}>
                <td>
                  {formatClock(schedule.items[index]!.start, lang)}–
                  {formatClock(schedule.items[index]!.end, lang)}
                </td>
                <td>{text({ key: item.titleKey, text: item.title })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="print-checklist">
        <h2 id="print-checklist">{t('checklist.heading')}</h2>
        {plan.checklist.sections.map((section) => (
          <section key={section.id} className="print-section">
            <h3>{text({ key: section.titleKey, text: section.title })}</h3>
            <ul className="print-steps">
              {section.steps.map((step) => {
                const due =
                  step.dueOffsetDays === null ? null : dueDate(plan.event.date, step.dueOffsetDays);
                return (
                  <li key={step.id}>
                    <span className="print-box" aria-hidden="true">
                      {step.done ? '☑' : '☐'}
                    </span>{' '}
                    {text({ key: step.textKey, text: step.text })}
                    {due && <span className="print-due"> ({formatDate(due, lang, 'short')})</span>}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </section>
    </article>
  );
}
