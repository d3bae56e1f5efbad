import { useTranslation } from 'react-i18next';
import { ProgressMeter } from '@/components/progress-meter';
import { SafeLink } from '@/components/safe-link';
import { useGuideText } from '@/components/use-guide-text';
import { useRelativeDay } from '@/components/use-relative-day';
import { formatDate } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { daysFromToday, dueDate } from '@/plan/dates';
import { planProgress, sectionProgress } from '@/plan/progress';
import type { Plan, Step } from '@/plan/schema';
import { plansStore } from '@/store/plans-store';

export function ChecklistView({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const text = useGuideText();
  const sections = plan.checklist.sections;
  return (
    <section className="panel" aria-labelledby="checklist-heading">
      <div className="panel__head">
        <h2 id="checklist-heading">{t('checklist.heading')}</h2>
        <ProgressMeter progress={planProgress(plan)} label={t('checklist.progressLabel')} />
      </div>
      {sections.length === 0 && <p className="muted">{t('checklist.empty')}</p>}
      {sections.map((section) => {
        const title = text({ key: section.titleKey, text: section.title });
        return (
          <section key={section.id} className="checklist-section" aria-label={title}>
            <div className="checklist-section__head">
              <h3>{title}</h3>
              <ProgressMeter
                compact
                progress={sectionProgress(section)}
                label={t('checklist.sectionProgressLabel', { section: title })}
              />
            </div>
            <ul className="steps">
              {section.steps.map((step) => (
                <StepRow key={step.id} planId={plan.id} eventDate={plan.event.date} step={step} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

function StepRow({ planId, eventDate, step }: { planId: string; eventDate: string; step: Step }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const text = useGuideText();
  const relativeDay = useRelativeDay();
  const label = text({ key: step.textKey, text: step.text });
  const due = step.dueOffsetDays === null ? null : dueDate(eventDate, step.dueOffsetDays);
  const days = due ? daysFromToday(due, new Date()) : null;
  const late = !step.done && days !== null && days < 0;
  const toggle = (done: boolean) =>
    plansStore.getState().updatePlan(planId, (plan) => ({
      ...plan,
      checklist: {
        ...plan.checklist,
        sections: plan.checklist.sections.map((section) =>
          section.steps.some((s) => s.id === step.id)
            ? {
                ...section,
                steps: section.steps.map((s) =>
                  s.id === step.id
                    ? { ...s, done, doneAt: done ? new Date().toISOString() : null }
                    : s,
                ),
              }
            : section,
        ),
      },
    }));
  return (
    <li className={late ? 'step step--late' : 'step'}>
      <label className="step__check">
        <input type="checkbox" checked={step.done} onChange={(e) => toggle(e.target.checked)} />
        <span className="step__text">{label}</span>
      </label>
      <div className="step__meta">
        {due && days !== null && (
          <span className="step__due">
            {formatDate(due, lang, 'short')} ·{' '}
            {late ? t('relative.daysLate', { count: -days }) : relativeDay(days)}
          </span>
        )}
        {step.link && <SafeLink href={step.link}>{t('checklist.resource')}</SafeLink>}
      </div>
    </li>
  );
}
