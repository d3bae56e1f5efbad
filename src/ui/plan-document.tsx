import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, formatDate } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { stepDueDate } from '@/plan/checklist';
import { parseDay } from '@/plan/dates';
import { computeSchedule } from '@/plan/schedule';
import type { Plan } from '@/plan/schema';
import { SafeLink } from '@/ui/safe-link';
import { StepLinks } from '@/ui/step-links';
import { useGuideText } from '@/ui/hooks/use-guide-text';
import './plan-document.css';

export interface DocumentOptions {
  checklist: boolean;
  doneSteps: boolean;
  notes: boolean;
}

/**
 * The plan as a document: for paper (the print page) and for reading a shared plan. Agenda
 * first, because that is what volunteers need on the day.
 */
export function PlanDocument({ plan, options }: { plan: Plan; options: DocumentOptions }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const text = useGuideText();
  const day = parseDay(plan.event.date);
  const schedule = computeSchedule(plan.event.startTime, plan.runOfShow.items);
  const contact = [plan.event.contactName, plan.event.contactPhone].filter(Boolean).join(', ');
  return (
    <article className="plan-document">
      <h1>{plan.title}</h1>
      <dl className="plan-document__facts">
        <div>
          <dt>{t('details.date')}</dt>
          <dd>{day ? formatDate(day, lang, 'long') : plan.event.date}</dd>
        </div>
        <div>
          <dt>{t('print.time')}</dt>
          <dd>
            {formatClock(schedule.start, lang)}–
            {formatClock(
              schedule.start === schedule.end
                ? schedule.start + plan.event.targetMinutes
                : schedule.end,
              lang,
            )}
          </dd>
        </div>
        {plan.event.place && (
          <div>
            <dt>{t('details.place')}</dt>
            <dd>{plan.event.place}</dd>
          </div>
        )}
        {contact && (
          <div>
            <dt>{t('print.contact')}</dt>
            <dd>{contact}</dd>
          </div>
        )}
        {plan.event.participants !== null && (
          <div>
            <dt>{t('details.participants')}</dt>
            <dd>{plan.event.participants}</dd>
          </div>
        )}
      </dl>

      <section className="plan-document__section" aria-labelledby="doc-ros">
        <h2 id="doc-ros">{t('ros.heading')}</h2>
        {plan.runOfShow.items.length === 0 ? (
          <p className="muted">{t('ros.empty')}</p>
        ) : (
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col">{t('ros.time')}</th>
                <th scope="col">{t('ros.item')}</th>
                <th scope="col">{t('ros.who')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.runOfShow.items.map((item, index) => {
                const slot = schedule.items[index]!;
                // A pinned item leaves free time (or an overlap) before it: on paper as well.
                const gap = index === 0 ? 0 : slot.gapBefore;
                return (
                  <Fragment key={item.id}>
                    {gap > 0 && (
                      <tr className="print-table__gap">
                        <td className="print-table__time">
                          <span>{formatClock(slot.start - gap, lang)}–</span>
                          <span>{formatClock(slot.start, lang)}</span>
                        </td>
                        <td colSpan={2}>{t('print.gap', { count: gap })}</td>
                      </tr>
                    )}
                    <tr>
                      <td className="print-table__time">
                        {/* Each clock stays whole; a narrow screen may wrap after the dash. */}
                        <span>{formatClock(slot.start, lang)}–</span>
                        <span>{formatClock(slot.end, lang)}</span>
                      </td>
                      <td>
                        {text({ key: item.titleKey, text: item.title })}
                        {gap < 0 && (
                          <span className="print-note">{t('print.overlap', { count: -gap })}</span>
                        )}
                        {options.notes && item.note && (
                          <span className="print-note">{item.note}</span>
                        )}
                        {item.link && (
                          <span className="print-note">
                            <SafeLink href={item.link}>{t('checklist.resource')}</SafeLink>
                          </span>
                        )}
                      </td>
                      {/* The label is shown before the name when rows stack on a narrow screen. */}
                      <td data-label={t('ros.who')}>{item.who}</td>
                    </tr>
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      {options.checklist && (
        <section className="plan-document__section" aria-labelledby="doc-checklist">
          <h2 id="doc-checklist">{t('checklist.heading')}</h2>
          {plan.checklist.sections.map((section) => {
            const steps = section.steps.filter(
              (s) => (!s.optional || s.picked) && (options.doneSteps || !s.done),
            );
            if (steps.length === 0) return null;
            return (
              <section key={section.id} className="print-section">
                <h3>{text({ key: section.titleKey, text: section.title })}</h3>
                <ul className="print-steps">
                  {steps.map((step) => {
                    const due = stepDueDate(step, plan.event.date);
                    return (
                      <li key={step.id}>
                        <span className="print-box" aria-hidden="true">
                          {step.done ? '☑' : '☐'}
                        </span>
                        <span className="visually-hidden">
                          {step.done ? t('print.done') : t('print.toDo')}
                        </span>
                        <span className="print-step">
                          {text({ key: step.textKey, text: step.text })}
                          <span className="print-step__meta">
                            {due && (
                              <span>
                                {t('print.due', { date: formatDate(due, lang, 'short') })}
                              </span>
                            )}
                            {step.owner && (
                              <span>{t('checklist.ownerIs', { name: step.owner })}</span>
                            )}
                            {step.link && (
                              <SafeLink href={step.link}>{t('checklist.resource')}</SafeLink>
                            )}
                            <StepLinks links={step.links} />
                          </span>
                          {options.notes && step.note && (
                            <span className="print-note">{step.note}</span>
                          )}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
        </section>
      )}

      {options.notes && plan.notes && (
        <section className="plan-document__section" aria-labelledby="doc-notes">
          <h2 id="doc-notes">{t('details.notes')}</h2>
          <p className="print-notes">{plan.notes}</p>
        </section>
      )}
    </article>
  );
}
