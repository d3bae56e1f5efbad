import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { announce } from '@/components/announcer';
import { NotFoundPage } from '@/components/not-found-page';
import { useDocumentTitle } from '@/components/use-document-title';
import { useGuideText } from '@/components/use-guide-text';
import { formatClock, formatTimeOfDate } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import {
  finishShow,
  nextItem,
  pauseShow,
  plannedStartMinutes,
  previousItem,
  resumeShow,
  shiftRest,
  showStatus,
  skipItem,
  startShow,
} from '@/plan/live-show';
import { parseTimeOfDay } from '@/plan/schedule';
import type { Plan, ShowRecord } from '@/plan/schema';
import { editPlan, usePlan } from '@/store/plans-store';
import { ShowReport } from './show-report';
import { useNow } from './use-now';
import { useWakeLock } from './use-wake-lock';

/**
 * mm:ss (or h:mm:ss), always positive; the sign is said in words. Rounded up, as countdowns
 * are: "5:00" until a whole second has passed.
 */
function formatDuration(ms: number): string {
  const total = Math.ceil(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "Run the show": the live view beside the stage, then the report. */
export function LivePage() {
  const { planId } = useParams();
  const plan = usePlan(planId);
  const { t } = useTranslation();
  // Pressing Start replaces its button: focus goes on to the show's main control, "Next".
  const [started, setStarted] = useState(false);
  useDocumentTitle(plan ? t('live.documentTitle', { title: plan.title }) : undefined);
  if (!plan) return <NotFoundPage kind="plan" />;
  if (!plan.show) return <StartScreen plan={plan} onStart={() => setStarted(true)} />;
  if (plan.show.finishedAt) return <ShowReport plan={plan} show={plan.show} />;
  return <LiveView plan={plan} show={plan.show} focusNext={started} />;
}

/** Every change to the record is saved at once: a reload or a closed lid resumes here. */
function updateShow(planId: string, change: (show: ShowRecord) => ShowRecord) {
  editPlan(planId, (p) => (p.show ? { ...p, show: change(p.show) } : p), { history: false });
}

function StartScreen({ plan, onStart }: { plan: Plan; onStart: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow live-start">
      <p className="breadcrumb">
        <Link to={`/plans/${plan.id}`}>{t('live.backToPlan')}</Link>
      </p>
      <h1>{t('live.title')}</h1>
      <p>{t('live.intro')}</p>
      {plan.runOfShow.items.length === 0 ? (
        <p className="notice notice--warn">{t('live.noItems')}</p>
      ) : (
        <button
          type="button"
          className="button button--primary button--large"
          onClick={() => {
            onStart();
            editPlan(plan.id, (p) => ({ ...p, show: startShow(p, Date.now()) }), {
              history: false,
            });
          }}
        >
          {t('live.start')}
        </button>
      )}
    </div>
  );
}

function LiveView({ plan, show, focusNext }: { plan: Plan; show: ShowRecord; focusNext: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const text = useGuideText();
  const now = useNow(1000);
  const status = showStatus(show, now);
  const wake = useWakeLock(true);
  const entry = show.entries[status.current]!;
  const next = show.entries[status.current + 1];
  const start = parseTimeOfDay(plan.event.startTime) ?? 0;
  const title = (e: ShowRecord['entries'][number]) =>
    text({ key: e.titleKey, text: e.title }) || t('ros.untitled');

  const act = (change: (s: ShowRecord, at: number) => ShowRecord, message?: string) => {
    updateShow(plan.id, (s) => change(s, Date.now()));
    if (message) announce(message);
  };
  const goNext = () =>
    act(
      nextItem,
      next ? t('live.nowAnnounce', { title: title(next) }) : t('live.finishedAnnounce'),
    );
  const goBack = () => act((s) => previousItem(s));

  useEffect(() => {
    if (focusNext) document.getElementById('live-next')?.focus();
    // Only when the view first shows: later renders leave focus where the user put it.
  }, [focusNext]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      const onControl = target?.closest('button, a, input, select, textarea');
      if (event.key === 'ArrowRight' || (event.key === ' ' && !onControl)) {
        event.preventDefault();
        document.getElementById('live-next')?.click();
      } else if (event.key === 'ArrowLeft') {
        event.preventDefault();
        document.getElementById('live-back')?.click();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const stateClass = status.over ? 'live--over' : status.lastMinute ? 'live--warning' : '';
  const behind = status.behindMinutes;
  return (
    <div className={`live ${stateClass}`}>
      <div className="live__top">
        <Link to={`/plans/${plan.id}`} className="live__back">
          {t('live.backToPlan')}
        </Link>
        <p className="live__clock">
          <span className="visually-hidden">{t('live.clock')} </span>
          {formatTimeOfDate(new Date(now), lang)}
        </p>
        <p className={`live__pace ${behind > 0 ? 'live__pace--behind' : ''}`}>
          {status.paused
            ? t('live.paused')
            : behind > 0
              ? t('live.behind', { count: behind })
              : behind < 0
                ? t('live.ahead', { count: -behind })
                : t('live.onTime')}
        </p>
      </div>

      <section className="live__now" aria-labelledby="live-now-title">
        <h1 className="live__label">
          {t('live.now', { position: status.current + 1, count: show.entries.length })}
        </h1>
        <p className="live__title" id="live-now-title">
          {title(entry)}
        </p>
        <p className="live__left">
          {status.over ? (
            <>
              <span className="live__left-time">{formatDuration(status.leftMs)}</span>{' '}
              <span>{t('live.overBy')}</span>
            </>
          ) : (
            <>
              <span className="live__left-time">{formatDuration(status.leftMs)}</span>{' '}
              <span>{t('live.left')}</span>
            </>
          )}
        </p>
        {status.lastMinute && <p className="live__warning">{t('live.lastMinute')}</p>}
        {status.over && <p className="live__warning">{t('live.overWarning')}</p>}
      </section>

      <section className="live__next" aria-label={t('live.next')}>
        {next ? (
          <p>
            <span className="live__next-label">{t('live.next')}</span> {title(next)}{' '}
            <span className="live__next-time">
              {t('live.plannedAt', {
                time: formatClock(start + plannedStartMinutes(show, status.current + 1), lang),
              })}
            </span>
          </p>
        ) : (
          <p>{t('live.lastItem')}</p>
        )}
      </section>

      <div className="live__controls" role="group" aria-label={t('live.controls')}>
        <button
          id="live-back"
          type="button"
          className="button"
          onClick={goBack}
          disabled={status.current === 0}
          aria-keyshortcuts="ArrowLeft"
        >
          <span aria-hidden="true">←</span> {t('live.back')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            act(
              status.paused ? resumeShow : pauseShow,
              status.paused ? t('live.resumed') : t('live.paused'),
            )
          }
        >
          {status.paused ? t('live.resume') : t('live.pause')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            act(skipItem, next ? t('live.nowAnnounce', { title: title(next) }) : undefined)
          }
        >
          {t('live.skip')}
        </button>
        <button
          id="live-next"
          type="button"
          className="button button--primary button--large"
          onClick={goNext}
          aria-keyshortcuts="ArrowRight Space"
        >
          {next ? t('live.nextAction') : t('live.finish')} <span aria-hidden="true">→</span>
        </button>
      </div>

      <div className="live__secondary">
        {behind !== 0 && !status.paused && (
          <button
            type="button"
            className="button"
            onClick={() => act(shiftRest, t('live.shifted'))}
          >
            {behind > 0
              ? t('live.shiftLater', { count: behind })
              : t('live.shiftEarlier', { count: -behind })}
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={() => act(finishShow)}>
          {t('live.finishNow')}
        </button>
        <p className="live__wake">
          {wake === 'on' ? t('live.wakeOn') : wake === 'off' ? '' : t('live.wakeUnavailable')}
        </p>
      </div>
      <p className="live__keys">{t('live.keys')}</p>
    </div>
  );
}
