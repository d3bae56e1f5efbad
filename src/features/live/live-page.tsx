import { clsx } from 'clsx';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '@/ui/icon';
import { Dialog } from '@/ui/dialog';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { announce } from '@/ui/announcer';
import { NotFoundPage } from '@/ui/not-found-page';
import { UndoBar } from '@/ui/undo-bar';
import { useDocumentTitle } from '@/ui/hooks/use-document-title';
import { useGuideText } from '@/ui/hooks/use-guide-text';
import { formatDate, formatTimeOfDate } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { parseDay } from '@/plan/dates';
import {
  activeRun,
  addRun,
  finishShow,
  isRepeatPress,
  nextItem,
  pauseShow,
  plannedStartTime,
  previousItem,
  removeRun,
  reopenShow,
  restoreRun,
  resumeShow,
  setStageMessage,
  shiftRest,
  showReport,
  showStatus,
  skipItem,
  startShow,
  untilStart,
  updateRun,
  usableRuns,
} from '@/plan/live-show';
import { changeRuns } from '@/plan/plan-edits';
import { LIMITS, type Plan, type RunKind, type ShowRecord } from '@/plan/schema';
import { editPlan, usePlan } from '@/store/plans-store';
import { formatDuration } from './format-duration';
import { openStageWindow } from './open-stage';
import { useRunName } from './run-name';
import { ShowReport } from './show-report';
import { useDeskBroadcast } from './stage-channel';
import { useStartsIn } from './starts-in';
import { useNow } from './use-now';
import { useWakeLock } from './use-wake-lock';
import { planPath } from '@/plan/paths';
import { Button } from '@/ui/button';
import { isolated } from '@/plan/isolate';
import './live.css';

/** What the report page is told when it follows an end made a moment ago (offers Undo). */
interface EndedState {
  endedRun: string;
}

const livePath = (planId: string) => planPath(planId, '/live');
export const reportPath = (planId: string, runId: string) =>
  `${livePath(planId)}/runs/${encodeURIComponent(runId)}`;

/**
 * "Run the show": the desk beside the stage (start screen with the earlier runs, the live view),
 * and each run's report at `live/runs/:runId`. While any of them is open, the stage screen
 * follows this window.
 */
export function LivePage() {
  const { planId, '*': rest = '' } = useParams();
  const plan = usePlan(planId);
  const { t } = useTranslation();
  const reportMatch = /^runs\/([^/]+)\/?$/.exec(rest);
  useDocumentTitle(
    plan && !reportMatch ? t('live.documentTitle', { title: plan.title }) : undefined,
  );
  if (!plan) return <NotFoundPage kind="plan" />;
  if (rest && !reportMatch) return <NotFoundPage />;
  return (
    <>
      <DeskBroadcast plan={plan} />
      {reportMatch ? (
        <RunReport plan={plan} runId={decodeURIComponent(reportMatch[1]!)} />
      ) : (
        <Desk plan={plan} />
      )}
    </>
  );
}

function DeskBroadcast({ plan }: { plan: Plan }) {
  useDeskBroadcast(plan.id, plan.shows, useLanguage());
  return null;
}

function Desk({ plan }: { plan: Plan }) {
  // A run that doesn't hold together (from a file, a link, another version) is not run.
  const runs = usableRuns(plan.shows);
  const run = activeRun(runs);
  return run ? (
    <LiveView plan={plan} show={run} />
  ) : (
    <StartScreen plan={plan} setAside={runs.length < plan.shows.length} />
  );
}

/** Every change to a run is saved at once: a reload or a closed lid resumes here. */
function updateShow(planId: string, runId: string, change: (show: ShowRecord) => ShowRecord) {
  editPlan(planId, (p) => changeRuns(p, (shows) => updateRun(shows, runId, change)), {
    history: false,
  });
}

function RunReport({ plan, runId }: { plan: Plan; runId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const run = usableRuns(plan.shows).find((r) => r.id === runId);
  const ended = (location.state as EndedState | null)?.endedRun === runId;
  const [undoOffered, setUndoOffered] = useState(ended);
  if (!run) return <NotFoundPage />;
  if (!run.finishedAt) return <Navigate to={livePath(plan.id)} replace />;
  const canReopen = undoOffered && !activeRun(plan.shows);
  return (
    <>
      <UndoBar
        message={canReopen ? t('desk.ended') : null}
        onUndo={() => {
          updateShow(plan.id, run.id, reopenShow);
          announce(t('desk.reopened'));
          void navigate(livePath(plan.id), { replace: true });
        }}
        onDismiss={() => setUndoOffered(false)}
      />
      <ShowReport plan={plan} show={run} focusHeading={ended} />
    </>
  );
}

function StageButton({ planId }: { planId: string }) {
  const { t } = useTranslation();
  return <Button onClick={() => openStageWindow(planId)}>{t('desk.openStage')}</Button>;
}

function StartScreen({ plan, setAside }: { plan: Plan; setAside: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const text = useGuideText();
  const startsIn = useStartsIn();
  const now = useNow(1000);
  // Days before (or after) the event's date there is nothing to count down to: the page says
  // when it is planned, and a run started now is a rehearsal unless the user says otherwise.
  const { startsAt, leftMs, onEventDay: nearStart } = untilStart(plan.event, now);
  // Within two hours of the scheduled start (or past it) it is the event; earlier, a rehearsal.
  const [kind, setKind] = useState<RunKind>(() =>
    leftMs <= 2 * 3_600_000 && nearStart ? 'event' : 'rehearsal',
  );
  const [label, setLabel] = useState('');
  const labelId = useId();
  const first = plan.runOfShow.items[0];
  const day = parseDay(plan.event.date);
  const late = Math.round(-leftMs / 60_000);

  const start = (event: FormEvent) => {
    event.preventDefault();
    editPlan(
      plan.id,
      (p) => changeRuns(p, (shows) => addRun(shows, startShow(p, Date.now(), { kind, label }))),
      { history: false },
    );
  };

  return (
    <div className="page page--narrow live-start">
      <p className="breadcrumb">
        <Link to={planPath(plan.id)}>
          <Icon name="back" className="icon--before" />
          {t('live.backToPlan')}
        </Link>
      </p>
      <h1>{t('live.title')}</h1>
      {setAside && (
        <p className="notice notice--warn" role="status">
          {t('hardening.showSetAside')}
        </p>
      )}
      <p>
        {t('desk.intro')} <span className="live__key-hint">{t('desk.introKeys')}</span>
      </p>
      <section className="live-start__countdown" aria-labelledby="live-countdown">
        <h2 id="live-countdown">
          {leftMs > 0 && nearStart
            ? startsIn(leftMs)
            : leftMs <= 0 && nearStart
              ? late > 0
                ? t('desk.lateBy', { count: late })
                : t('desk.startNow')
              : t('desk.scheduledOn', { date: day ? formatDate(day, lang, 'long') : '' })}
        </h2>
        <p>
          {t('desk.scheduledAt', { time: formatTimeOfDate(new Date(startsAt), lang) })}
          {first && (
            <>
              {' · '}
              {t('desk.firstItem', {
                title: isolated(
                  text({ key: first.titleKey, text: first.title }) || t('ros.untitled'),
                ),
              })}
            </>
          )}
        </p>
      </section>
      {plan.runOfShow.items.length === 0 ? (
        <p className="notice notice--warn">{t('live.noItems')}</p>
      ) : (
        <form className="live-start__form" onSubmit={start}>
          <fieldset className="template-picker">
            <legend>{t('desk.kindLegend')}</legend>
            <label className="template-option">
              <input
                type="radio"
                name="run-kind"
                value="event"
                checked={kind === 'event'}
                onChange={() => setKind('event')}
              />
              <span>
                <strong>{t('desk.kindEvent')}</strong> {t('desk.kindEventHint')}
              </span>
            </label>
            <label className="template-option">
              <input
                type="radio"
                name="run-kind"
                value="rehearsal"
                checked={kind === 'rehearsal'}
                onChange={() => setKind('rehearsal')}
              />
              <span>
                <strong>{t('desk.kindRehearsal')}</strong> {t('desk.kindRehearsalHint')}
              </span>
            </label>
          </fieldset>
          <div className="field">
            <label htmlFor={labelId}>{t('desk.labelField')}</label>
            <input
              id={labelId}
              type="text"
              value={label}
              maxLength={LIMITS.titleLength}
              onChange={(e) => setLabel(e.target.value)}
            />
          </div>
          <div className="live-start__actions">
            <Button type="submit" variant="primary" size="large">
              {kind === 'event' ? t('live.start') : t('desk.startRehearsal')}
            </Button>
            <StageButton planId={plan.id} />
          </div>
        </form>
      )}
      <RunsList plan={plan} />
    </div>
  );
}

/** The earlier runs, each with its report; removing one asks nothing but offers Undo. */
function RunsList({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const runName = useRunName();
  const [removed, setRemoved] = useState<{ run: ShowRecord; index: number; name: string } | null>(
    null,
  );
  const finished = usableRuns(plan.shows).filter((r) => r.finishedAt);
  const remove = (run: ShowRecord) => {
    const name = runName(plan.shows, run);
    let taken: { removed: ShowRecord | null; index: number } = { removed: null, index: -1 };
    editPlan(
      plan.id,
      (p) => {
        const result = removeRun(p.shows, run.id);
        taken = result;
        return changeRuns(p, () => result.shows);
      },
      { history: false },
    );
    if (taken.removed) setRemoved({ run: taken.removed, index: taken.index, name });
  };
  return (
    <>
      {finished.length > 0 && (
        <section className="runs" aria-labelledby="runs-title">
          <h2 id="runs-title">{t('runs.title')}</h2>
          <ul className="runs__list">
            {finished.map((run) => {
              const report = showReport(run);
              const name = runName(plan.shows, run);
              return (
                <li key={run.id} className="runs__item">
                  <span>
                    <strong>{name}</strong>
                    {' · '}
                    {formatDate(new Date(run.startedAt), lang, 'medium')}{' '}
                    {formatTimeOfDate(new Date(run.startedAt), lang)}
                    {' · '}
                    {t('runs.took', { count: report.actualMinutes ?? 0 })}
                  </span>
                  <Link
                    to={reportPath(plan.id, run.id)}
                    aria-label={t('runs.openReportOf', { name })}
                  >
                    {t('runs.openReport')}
                  </Link>
                  <Button
                    variant="quiet"
                    aria-label={t('runs.removeOf', { name })}
                    onClick={() => remove(run)}
                  >
                    {t('runs.remove')}
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <UndoBar
        message={removed ? t('runs.removed', { name: removed.name }) : null}
        onUndo={() => {
          if (!removed) return;
          editPlan(
            plan.id,
            (p) => changeRuns(p, (shows) => restoreRun(shows, removed.run, removed.index)),
            { history: false },
          );
          setRemoved(null);
          announce(t('runs.restored', { name: removed.name }));
        }}
        onDismiss={() => setRemoved(null)}
      />
    </>
  );
}

function LiveView({ plan, show }: { plan: Plan; show: ShowRecord }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const text = useGuideText();
  const navigate = useNavigate();
  const runName = useRunName();
  const now = useNow(1000);
  const status = showStatus(show, now);
  const wake = useWakeLock(true);
  const nextRef = useRef<HTMLButtonElement>(null);
  const lastStep = useRef<number | null>(null);
  const [ending, setEnding] = useState(false);
  const entry = show.entries[status.current]!;
  const next = show.entries[status.current + 1];
  const title = (e: ShowRecord['entries'][number]) =>
    text({ key: e.titleKey, text: e.title }) || t('ros.untitled');

  const act = (change: (s: ShowRecord, at: number) => ShowRecord, message?: string) => {
    updateShow(plan.id, show.id, (s) => change(s, Date.now()));
    if (message) announce(message);
  };
  /** Next and Skip: a second press within a moment is a bounce, said and ignored. */
  const step = (change: (s: ShowRecord, at: number) => ShowRecord) => {
    const at = Date.now();
    if (isRepeatPress(lastStep.current, at)) {
      announce(t('desk.repeatIgnored'));
      return;
    }
    lastStep.current = at;
    if (!next) {
      setEnding(true);
      return;
    }
    act(change);
  };
  const goBack = () => {
    lastStep.current = null;
    act((s) => previousItem(s));
  };

  // Focus stays on the main control after Start and after each step; the item that is on now
  // is said once in the polite live region (never the countdown's every second).
  const shown = `${show.id}:${status.current}`;
  useEffect(() => {
    nextRef.current?.focus();
    announce(t('live.nowAnnounce', { title: title(entry) }));
    // Only when the item changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      // Typing a message, or a question open: the keys are theirs.
      if (target?.closest('input, select, textarea, dialog')) return;
      const onControl = target?.closest('button, a');
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

  const end = () => {
    const runId = show.id;
    updateShow(plan.id, runId, (s) => finishShow(s, Date.now()));
    setEnding(false);
    announce(t('live.finishedAnnounce'));
    void navigate(reportPath(plan.id, runId), { state: { endedRun: runId } satisfies EndedState });
  };

  const stateClass = status.over ? 'live--over' : status.lastMinute ? 'live--warning' : '';
  const behind = status.behindMinutes;
  return (
    <div className={clsx('live', stateClass)}>
      <div className="live__top">
        <Link to={planPath(plan.id)} className="back-link">
          <Icon name="back" className="icon--before" />
          {t('live.backToPlan')}
        </Link>
        <p className="live__run">{runName(plan.shows, show)}</p>
        <p className="live__clock">
          <span className="visually-hidden">{t('live.clock')} </span>
          {formatTimeOfDate(new Date(now), lang)}
        </p>
        <p className={clsx('live__pace', behind > 0 && 'live__pace--behind')}>
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
          <span className="live__left-time">{formatDuration(status.leftMs)}</span>{' '}
          <span>{status.over ? t('live.overBy') : t('live.left')}</span>
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
                time: formatTimeOfDate(new Date(plannedStartTime(show, status.current + 1)), lang),
              })}
            </span>
          </p>
        ) : (
          <p>{t('live.lastItem')}</p>
        )}
      </section>

      <div className="live__controls" role="group" aria-label={t('live.controls')}>
        <Button
          id="live-back"
          onClick={goBack}
          disabled={status.current === 0}
          aria-keyshortcuts="ArrowLeft"
        >
          <span aria-hidden="true">←</span> {t('live.back')}
        </Button>
        <Button
          onClick={() =>
            act(
              status.paused ? resumeShow : pauseShow,
              status.paused ? t('live.resumed') : t('live.paused'),
            )
          }
        >
          {status.paused ? t('live.resume') : t('live.pause')}
        </Button>
        <Button onClick={() => step(skipItem)}>{t('live.skip')}</Button>
        <Button
          id="live-next"
          ref={nextRef}
          variant="primary"
          size="large"
          onClick={() => step(nextItem)}
          aria-keyshortcuts="ArrowRight Space"
        >
          {next ? t('live.nextAction') : t('live.finish')} <span aria-hidden="true">→</span>
        </Button>
      </div>

      <StageMessageBox planId={plan.id} show={show} />

      <div className="live__secondary">
        {behind !== 0 && !status.paused && (
          <Button onClick={() => act(shiftRest, t('live.shifted'))}>
            {behind > 0
              ? t('live.shiftLater', { count: behind })
              : t('live.shiftEarlier', { count: -behind })}
          </Button>
        )}
        <StageButton planId={plan.id} />
        <Button variant="quiet" onClick={() => setEnding(true)}>
          {t('live.finishNow')}
        </Button>
        <p className="live__wake">
          {wake === 'on' ? t('live.wakeOn') : wake === 'off' ? '' : t('live.wakeUnavailable')}
        </p>
      </div>
      <p className="live__keys live__key-hint">{t('live.keys')}</p>
      <EndDialog
        open={ending}
        itemTitle={title(entry)}
        onEnd={end}
        onCancel={() => {
          setEnding(false);
          lastStep.current = null;
        }}
      />
    </div>
  );
}

/** Ending is asked first: a stray Space on the last item, or a misclick, never ends the show. */
function EndDialog({
  open,
  itemTitle,
  onEnd,
  onCancel,
}: {
  open: boolean;
  itemTitle: string;
  onEnd: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onCancel} labelledBy="end-title">
      <>
        <h2 id="end-title">{t('desk.endTitle')}</h2>
        <p>{t('desk.endBody', { title: isolated(itemTitle) })}</p>
        <div className="dialog__actions">
          {/* Keep going is the safe answer, so it has the focus. */}
          {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
          <Button autoFocus onClick={onCancel}>
            {t('desk.keepGoing')}
          </Button>
          <Button variant="primary" onClick={onEnd}>
            {t('desk.endConfirm')}
          </Button>
        </div>
      </>
    </Dialog>
  );
}

/** The desk's message to the stage: typed or one of the presets, shown until cleared. */
function StageMessageBox({ planId, show }: { planId: string; show: ShowRecord }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const send = (message: string) => {
    updateShow(planId, show.id, (s) => setStageMessage(s, message));
    announce(message.trim() ? t('desk.messageSent') : t('desk.messageCleared'));
  };
  const presets = [
    t('desk.presetWrapUp'),
    t('desk.presetFiveMinutes'),
    t('desk.presetLouder'),
    t('desk.presetSlower'),
  ];
  return (
    <section className="live__message" aria-labelledby="stage-message-title">
      <h2 id="stage-message-title">{t('desk.messageTitle')}</h2>
      <p className="live__message-now">
        {show.message ? t('desk.messageShown', { message: show.message }) : t('desk.messageNone')}
      </p>
      <form
        className="live__message-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!draft.trim()) return;
          send(draft);
          setDraft('');
        }}
      >
        <label htmlFor={inputId}>{t('desk.messageField')}</label>
        <input
          id={inputId}
          type="text"
          value={draft}
          maxLength={LIMITS.stageMessageLength}
          onChange={(e) => setDraft(e.target.value)}
        />
        <Button type="submit">{t('desk.messageSend')}</Button>
        <Button disabled={!show.message} onClick={() => send('')}>
          {t('desk.messageClear')}
        </Button>
      </form>
      <div className="live__presets" role="group" aria-label={t('desk.presets')}>
        {presets.map((preset) => (
          <Button key={preset} onClick={() => send(preset)}>
            {preset}
          </Button>
        ))}
      </div>
    </section>
  );
}
