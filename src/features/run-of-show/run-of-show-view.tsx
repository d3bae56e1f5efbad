import { useTranslation } from 'react-i18next';
import { SafeLink } from '@/components/safe-link';
import { useGuideText } from '@/components/use-guide-text';
import { formatClock } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { computeSchedule, overTarget } from '@/plan/schedule';
import type { Plan } from '@/plan/schema';

export function RunOfShowView({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const text = useGuideText();
  const items = plan.runOfShow.items;
  const schedule = computeSchedule(plan.event.startTime, items);
  const over = overTarget(schedule, plan.event.targetMinutes);
  return (
    <section className="panel" aria-labelledby="ros-heading">
      <div className="panel__head">
        <h2 id="ros-heading">{t('ros.heading')}</h2>
        {items.length > 0 && (
          <p className={over > 0 ? 'badge badge--warn' : 'badge'} role="status">
            {over > 0
              ? t('ros.over', { count: over, target: plan.event.targetMinutes })
              : over < 0
                ? t('ros.under', { count: -over, target: plan.event.targetMinutes })
                : t('ros.onTarget', { target: plan.event.targetMinutes })}
          </p>
        )}
      </div>
      {items.length === 0 ? (
        <p className="muted">{t('ros.empty')}</p>
      ) : (
        <table className="ros-table">
          <caption className="visually-hidden">{t('ros.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ros.time')}</th>
              <th scope="col">{t('ros.item')}</th>
              <th scope="col">{t('ros.duration')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => {
              const slot = schedule.items[index]!;
              return (
                <tr key={item.id}>
                  <td className="ros-table__time">
                    {formatClock(slot.start, lang)}–{formatClock(slot.end, lang)}
                  </td>
                  <td>
                    {text({ key: item.titleKey, text: item.title })}
                    {item.link && (
                      <>
                        {' '}
                        <SafeLink href={item.link}>{t('checklist.resource')}</SafeLink>
                      </>
                    )}
                  </td>
                  <td>{t('ros.minutes', { count: item.durationMinutes })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
