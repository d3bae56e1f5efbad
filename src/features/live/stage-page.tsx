import { clsx } from 'clsx';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { NotFoundPage } from '@/ui/not-found-page';
import { useDocumentTitle } from '@/ui/hooks/use-document-title';
import { useGuideText } from '@/ui/hooks/use-guide-text';
import { formatDate, formatTimeOfDate } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { parseDay } from '@/plan/dates';
import { activeRun, showStatus, untilStart } from '@/plan/live-show';
import type { Plan, ShowRecord } from '@/plan/schema';
import { usePlan } from '@/store/plans-store';
import { formatDuration } from './format-duration';
import { deskState, useDeskFeed, type DeskState } from './stage-channel';
import { useStartsIn } from './starts-in';
import { useNow } from './use-now';
import { Button } from '@/ui/button';
import './stage.css';

/** A message longer than this many characters is set smaller on the stage (stage.css). */
const LONG_MESSAGE = 40;

/**
 * The stage screen: a window of its own for a projector or a second display, readable from the
 * back of a hall. It follows the desk (stage-channel.ts) and, before the desk is heard from or
 * after it is gone, what is saved in storage; it never changes the plan itself.
 */
export function StagePage() {
  const { planId = '' } = useParams();
  const plan = usePlan(planId);
  const { t, i18n } = useTranslation();
  const feed = useDeskFeed(planId);
  const now = useNow(1000);
  const state = deskState(feed, now);
  useDocumentTitle(plan ? t('stage.documentTitle', { title: plan.title }) : undefined);
  // The stage speaks the desk's language.
  useEffect(() => {
    if (feed.lang && feed.lang !== i18n.resolvedLanguage) void i18n.changeLanguage(feed.lang);
  }, [feed.lang, i18n]);
  if (!plan) return <NotFoundPage kind="plan" />;
  const shows = feed.shows ?? plan.shows;
  // A run that has just ended stays on screen ("The show is over") for an hour.
  const last = shows.at(-1);
  const run =
    activeRun(shows) ??
    (last?.finishedAt && now - Date.parse(last.finishedAt) < 3_600_000 ? last : undefined);
  return <StageScreen plan={plan} run={run} now={now} desk={state} />;
}

function StageScreen({
  plan,
  run,
  now,
  desk,
}: {
  plan: Plan;
  run: ShowRecord | undefined;
  now: number;
  desk: DeskState;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const text = useGuideText();
  const startsIn = useStartsIn();
  const status = run ? showStatus(run, now) : null;
  const entry = run && status && !status.finished ? run.entries[status.current] : undefined;
  const next = entry && status ? run?.entries[status.current + 1] : undefined;
  const title = (e: { titleKey: string | null; title: string }) =>
    text({ key: e.titleKey, text: e.title }) || t('ros.untitled');
  const first = plan.runOfShow.items[0];
  const before = untilStart(plan.event, now);
  const eventDay = parseDay(plan.event.date);

  // Item changes are said once (polite), never the countdown's every second.
  const said = entry ? t('stage.nowSaid', { title: title(entry) }) : '';

  const tone = status?.over ? 'stage--over' : status?.lastMinute ? 'stage--warning' : '';
  return (
    <div className={clsx('stage', tone)}>
      <main id="main" className="stage__main" tabIndex={-1}>
        <div role="status" className="stage__desk-region">
          {desk !== 'connected' && (
            <p className={`stage__desk stage__desk--${desk}`}>
              {desk === 'waiting' ? t('stage.deskWaiting') : t('stage.deskGone')}
            </p>
          )}
        </div>
        {run && status && entry ? (
          <>
            <p className="stage__label">{t('stage.now')}</p>
            <h1 className="stage__title">{title(entry)}</h1>
            <p className="stage__time">
              <span className="stage__time-value">{formatDuration(status.leftMs)}</span>
              <span className="stage__time-word">
                {status.over ? t('live.overBy') : t('live.left')}
              </span>
            </p>
            {(status.lastMinute || status.over || status.paused) && (
              <p className="stage__flag">
                {status.paused
                  ? t('live.paused')
                  : status.over
                    ? t('stage.over')
                    : t('live.lastMinute')}
              </p>
            )}
          </>
        ) : run ? (
          <h1 className="stage__title">{t('stage.finished')}</h1>
        ) : (
          <>
            <p className="stage__label">{plan.title}</p>
            <h1 className="stage__title">
              {!before.onEventDay && eventDay
                ? t('desk.scheduledOn', { date: formatDate(eventDay, lang, 'long') })
                : before.leftMs > 0
                  ? startsIn(before.leftMs)
                  : t('stage.startingSoon')}
            </h1>
            {before.onEventDay && before.leftMs > 0 && before.leftMs < 3_600_000 && (
              <p className="stage__time">
                <span className="stage__time-value">{formatDuration(before.leftMs)}</span>
              </p>
            )}
          </>
        )}
        {run?.message && !run.finishedAt && (
          <p
            className={clsx(
              'stage__message',
              run.message.length > LONG_MESSAGE && 'stage__message--long',
            )}
          >
            <span className="visually-hidden">{t('stage.messageLabel')} </span>
            {run.message}
          </p>
        )}
        <p className="stage__next">
          {next ? (
            <>
              <span className="stage__next-label">{t('live.next')}</span> {title(next)}
            </>
          ) : !run && first ? (
            <>
              <span className="stage__next-label">{t('stage.first')}</span> {title(first)}
            </>
          ) : run && !run.finishedAt && status && !status.finished ? (
            t('live.lastItem')
          ) : null}
        </p>
        <div className="stage__bar">
          <p className="stage__clock">
            <span className="visually-hidden">{t('live.clock')} </span>
            {formatTimeOfDate(new Date(now), lang)}
          </p>
          <FullScreenButton />
        </div>
      </main>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {said}
      </div>
    </div>
  );
}

/** The Fullscreen API on the whole window; hidden where the browser doesn't offer it. */
function FullScreenButton() {
  const { t } = useTranslation();
  const [full, setFull] = useState(() => Boolean(document.fullscreenElement));
  useEffect(() => {
    const onChange = () => setFull(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  if (!document.fullscreenEnabled) return null;
  return (
    <Button
      className="stage__full"
      onClick={() =>
        void (
          full ? document.exitFullscreen() : document.documentElement.requestFullscreen()
        ).catch(() => undefined)
      }
    >
      {full ? t('stage.leaveFullScreen') : t('stage.fullScreen')}
    </Button>
  );
}
