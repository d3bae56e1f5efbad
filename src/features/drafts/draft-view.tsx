import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { NotFoundPage } from '@/ui/not-found-page';
import { useEditSession } from '@/ui/hooks/use-edit-session';
import { useGuideText } from '@/ui/hooks/use-guide-text';
import { formatClock, formatDate } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { findStep, setStepDone } from '@/plan/checklist';
import { parseDay } from '@/plan/dates';
import {
  DRAFT_STEP_PARAM,
  draftValues,
  hasSubject,
  isDraftId,
  isPostList,
  joinPosts,
  mailtoHref,
  offersMail,
  replacePost,
  sentStepFor,
  splitPosts,
  type DraftField,
  type DraftId,
} from '@/plan/drafts';
import { resetDraft, saveDraft } from '@/plan/plan-edits';
import { computeSchedule } from '@/plan/schedule';
import type { Plan } from '@/plan/schema';
import { editPlan } from '@/store/plans-store';
import { planPath } from '@/plan/paths';
import { DRAFT_TEXTS, MISSING_TEXTS } from './draft-texts';
import { Button, buttonClass } from '@/ui/button';
import { Icon } from '@/ui/icon';
import './drafts.css';

/**
 * One draft, filled from the plan: edit it, copy it, open it in the mail program, print it, and
 * mark the step it was opened from (`?step=<id>`) as sent. The organizer's edits are saved with
 * the plan.
 */
export function DraftView({ plan }: { plan: Plan }) {
  const { draftId } = useParams();
  const [search] = useSearchParams();
  if (!isDraftId(draftId)) return <NotFoundPage />;
  const fromStepId = search.get(DRAFT_STEP_PARAM);
  return (
    <DraftEditor
      key={`${draftId}:${fromStepId ?? ''}`}
      plan={plan}
      id={draftId}
      fromStepId={fromStepId}
    />
  );
}

function DraftEditor({
  plan,
  id,
  fromStepId,
}: {
  plan: Plan;
  id: DraftId;
  fromStepId: string | null;
}) {
  const { t } = useTranslation();
  const { t: td } = useTranslation('drafts');
  const guideText = useGuideText();
  const lang = useLanguage();
  const subjectId = useId();
  const bodyId = useId();
  const sentHintId = useId();
  const session = useEditSession(`${plan.id}:draft:${id}`);
  const [copied, setCopied] = useState<'ok' | 'pasteInMail' | 'failed' | number | null>(null);

  const day = parseDay(plan.event.date);
  const schedule = computeSchedule(plan.event.startTime, plan.runOfShow.items);
  const end =
    schedule.end === schedule.start ? schedule.start + plan.event.targetMinutes : schedule.end;
  const { values, missing } = draftValues(
    {
      title: plan.title,
      date: day ? formatDate(day, lang, 'long') : plan.event.date,
      time: `${formatClock(schedule.start, lang)}–${formatClock(end, lang)}`,
      place: plan.event.place,
      contactName: plan.event.contactName,
      contactPhone: plan.event.contactPhone,
    },
    (field: DraftField) => `[${t(MISSING_TEXTS[field])}]`,
  );

  const saved = plan.drafts[id];
  const texts = DRAFT_TEXTS[id];
  const subject = saved ? saved.subject : texts.subject ? td(texts.subject, values) : '';
  const body = saved ? saved.body : td(texts.body, values);
  // The step "Sent" ticks is chosen when the draft opens and stays put: opened without a step,
  // ticking the first open one must not move the box on to the next (it would look unticked).
  const [openedFor] = useState(() => sentStepFor(plan, id, fromStepId));
  // "Sent" only for what is sent by mail: a post or a proclamation is not.
  const sentStepId = offersMail(id) ? sentStepFor(plan, id, openedFor) : null;
  const sentStep = sentStepId === null ? undefined : findStep(plan, sentStepId)?.step;
  const mailto = mailtoHref(subject, body);
  const posts = isPostList(id) ? splitPosts(body) : null;

  const save = (next: { subject: string; body: string }) =>
    editPlan(plan.id, (p) => saveDraft(p, id, next, new Date()), { coalesce: session.key() });

  const copy = async (outcome: 'ok' | 'pasteInMail' = 'ok') => {
    try {
      await navigator.clipboard.writeText(
        outcome === 'pasteInMail' || !subject ? body : `${subject}\n\n${body}`,
      );
      setCopied(outcome);
    } catch {
      setCopied('failed');
    }
  };

  /** Copies one post (`index` from 0); the status names it by its number. */
  const copyPost = async (index: number) => {
    try {
      await navigator.clipboard.writeText(posts?.[index] ?? '');
      setCopied(index + 1);
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="panel draft" aria-labelledby="draft-heading">
      <div className="panel__head no-print">
        <h2 id="draft-heading">{td(texts.name)}</h2>
        <Link to={planPath(plan.id, '/checklist')}>
          <Icon name="back" className="icon--before" />
          {t('draft.backToChecklist')}
        </Link>
      </div>

      {missing.length > 0 && !saved && (
        <div className="notice notice--warn no-print">
          <p className="notice__title">{t('draft.missingTitle')}</p>
          <ul>
            {missing.map((field) => (
              <li key={field}>{t(MISSING_TEXTS[field])}</li>
            ))}
          </ul>
          <p>
            <Link to={planPath(plan.id)}>{t('draft.openDetails')}</Link>
          </p>
        </div>
      )}
      {saved && (
        <p className="field-hint no-print">
          {t('draft.edited')}{' '}
          <Button
            variant="quiet"
            size="small"
            onClick={() => editPlan(plan.id, (p) => resetDraft(p, id))}
          >
            {t('draft.reset')}
          </Button>
        </p>
      )}

      <div className="draft__fields no-print">
        {hasSubject(id) && (
          <div className="field">
            <label htmlFor={subjectId}>{t('draft.subject')}</label>
            <input
              id={subjectId}
              value={subject}
              onFocus={session.onFocus}
              onChange={(e) => save({ subject: e.target.value, body })}
            />
          </div>
        )}
        {posts ? (
          // One box and one copy button a post: each goes to its own place and time.
          <ol className="draft__posts">
            {posts.map((post, index) => (
              <li key={index} className="field draft__post">
                <label htmlFor={`${bodyId}-${index}`}>{t('draft.post', { n: index + 1 })}</label>
                <textarea
                  id={`${bodyId}-${index}`}
                  rows={4}
                  value={post}
                  onFocus={session.onFocus}
                  onChange={(e) =>
                    save({ subject, body: joinPosts(replacePost(posts, index, e.target.value)) })
                  }
                />
                <Button size="small" onClick={() => void copyPost(index)}>
                  {t('draft.copyPost', { n: index + 1 })}
                </Button>
              </li>
            ))}
          </ol>
        ) : (
          <div className="field">
            <label htmlFor={bodyId}>{t('draft.text')}</label>
            <textarea
              id={bodyId}
              rows={16}
              value={body}
              onFocus={session.onFocus}
              onChange={(e) => save({ subject, body: e.target.value })}
            />
          </div>
        )}
      </div>

      <div className="draft__print print-only">
        {subject && <p className="draft__print-subject">{subject}</p>}
        {posts ? (
          posts.map((post, index) => (
            <p key={index} className="draft__print-body">
              {post}
            </p>
          ))
        ) : (
          <p className="draft__print-body">{body}</p>
        )}
      </div>

      <div className="draft__actions no-print">
        {!posts && (
          <Button variant="primary" onClick={() => void copy()}>
            {t('draft.copy')}
          </Button>
        )}
        {!offersMail(id) ? null : mailto ? (
          <a className={buttonClass()} href={mailto}>
            {t('draft.mail')}
          </a>
        ) : (
          // Too long for a mail link (common in Cyrillic, which encodes to ~6 characters a
          // letter): copy the text, then open the mail program with the subject only.
          <Button
            onClick={async () => {
              await copy('pasteInMail');
              window.location.href = mailtoHref(subject, '') ?? 'mailto:';
            }}
          >
            {t('draft.mail')}
          </Button>
        )}
        <Button onClick={() => window.print()}>{t('draft.print')}</Button>
      </div>
      {sentStep && (
        <div className="draft__sent-group no-print">
          <label className="draft__sent">
            <input
              type="checkbox"
              checked={sentStep.done}
              aria-describedby={sentHintId}
              onChange={(e) => {
                const done = e.target.checked;
                editPlan(plan.id, (p) => setStepDone(p, sentStep.id, done, new Date()));
              }}
            />
            {t('draft.sent')}
          </label>
          <p id={sentHintId} className="field-hint">
            {t('draft.sentStep', {
              step: guideText({ key: sentStep.textKey, text: sentStep.text }),
            })}
          </p>
        </div>
      )}
      <p className="draft__status no-print" role="status">
        {copied === 'ok'
          ? t('draft.copied')
          : copied === 'pasteInMail'
            ? t('draft.pasteInMail')
            : copied === 'failed'
              ? t('draft.copyFailed')
              : typeof copied === 'number'
                ? t('draft.postCopied', { n: copied })
                : ''}
      </p>
    </section>
  );
}
