import type { ParseKeys } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SafeLink } from '@/ui/safe-link';
import type { GuideKind, GuideNotice, GuideNoticeCode, GuideSummary } from '@/guide/import-guide';
import { formatClock, formatDate } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { parseDay } from '@/plan/dates';
import { computeSchedule } from '@/plan/schedule';
import type { Plan, Step } from '@/plan/schema';
import './guide-import.css';

/*
 * What a guide import would make, before anything is saved: per guide its sections, steps, ideas
 * and links, and what could not be read; then the plan's details and agenda with computed times.
 * The guide's own text keeps its language and direction (dir="auto", lang from the importer);
 * everything around it is in the interface's language. Loaded with the importer, not the page.
 */

export interface GuidePreviewProps {
  plan: Plan;
  guides: GuideSummary[];
}

/** The step's links: the main one, then the further ones the guide gives (labels as written). */
function stepLinks(step: Step): { url: string; label: string }[] {
  const links = step.link ? [{ url: step.link, label: '' }] : [];
  for (const link of step.links) {
    if (!links.some((l) => l.url === link.url)) links.push({ url: link.url, label: link.label });
  }
  return links;
}

/** A link with no label of its own is named by where it goes: "hourofcode.com/promote/resources". */
const placeOf = (url: string) => {
  try {
    const { host, pathname } = new URL(url);
    const place = `${host}${pathname.replace(/\/$/, '')}`;
    return place.length > 48 ? `${place.slice(0, 47)}…` : place || url;
  } catch {
    return url;
  }
};

/**
 * What the importer noticed, by its code. The importer is a chunk of its own, loaded later: a code
 * this map doesn't know (from a newer chunk) gets the general text, never a raw key.
 */
const NOTICE_TEXTS: Readonly<Record<GuideNoticeCode, ParseKeys>> = {
  tagRepaired: 'guideImport.notice.tagRepaired',
  tagRemoved: 'guideImport.notice.tagRemoved',
  unknownHelper: 'guideImport.notice.unknownHelper',
  rowWithoutTimes: 'guideImport.notice.rowWithoutTimes',
  unsafeLinkDropped: 'guideImport.notice.unsafeLinkDropped',
  stepTooLong: 'guideImport.notice.stepTooLong',
  truncated: 'guideImport.notice.truncated',
  // No text of its own (yet): the general one, as before.
  agendaNotUsed: 'guideImport.notice.other',
};

/** Which guide a file is, as the preview names it. */
const KIND_TEXTS: Readonly<Record<GuideKind, ParseKeys>> = {
  events: 'guideImport.kind.events',
  pressKit: 'guideImport.kind.pressKit',
  officials: 'guideImport.kind.officials',
  other: 'guideImport.kind.other',
};

export function GuidePreview({ plan, guides }: GuidePreviewProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const agendaId = useId();
  const detailsId = useId();
  const firstLang = guides.find((g) => g.lang)?.lang ?? undefined;
  const items = plan.runOfShow.items;
  const schedule = computeSchedule(plan.event.startTime, items);
  const day = parseDay(plan.event.date);
  return (
    <div className="guide-preview">
      <p className="muted">{t('guideImport.previewIntro', { count: guides.length })}</p>

      <section className="guide-preview__part" aria-labelledby={detailsId}>
        <h3 id={detailsId}>{t('guideImport.planHeading')}</h3>
        <dl className="guide-preview__facts">
          <dt>{t('details.title')}</dt>
          <dd dir="auto" lang={firstLang}>
            {plan.title}
          </dd>
          {day && (
            <>
              <dt>{t('details.date')}</dt>
              <dd>{formatDate(day, lang, 'long')}</dd>
            </>
          )}
          <dt>{t('details.startTime')}</dt>
          <dd>{formatClock(schedule.start, lang)}</dd>
          {plan.event.place && (
            <>
              <dt>{t('details.place')}</dt>
              <dd dir="auto" lang={firstLang}>
                {plan.event.place}
              </dd>
            </>
          )}
        </dl>
      </section>

      {guides.map((guide) => (
        <GuidePart key={guide.file} plan={plan} guide={guide} />
      ))}

      <section className="guide-preview__part" aria-labelledby={agendaId}>
        <h3 id={agendaId}>{t('guideImport.agendaHeading')}</h3>
        {items.length === 0 ? (
          <p className="muted">{t('guideImport.noAgenda')}</p>
        ) : (
          <ol className="guide-preview__agenda">
            {items.map((item, index) => {
              const slot = schedule.items[index]!;
              return (
                <li key={item.id}>
                  <span className="guide-preview__time">
                    {formatClock(slot.start, lang)}–{formatClock(slot.end, lang)}
                  </span>{' '}
                  <span dir="auto" lang={firstLang}>
                    {item.title}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}

function GuidePart({ plan, guide }: { plan: Plan; guide: GuideSummary }) {
  const { t } = useTranslation();
  const headingId = useId();
  const lang = guide.lang ?? undefined;
  const sections = guide.sectionIds
    .map((id) => plan.checklist.sections.find((s) => s.id === id))
    .filter((s) => s !== undefined);
  return (
    <section className="guide-preview__part guide-preview__guide" aria-labelledby={headingId}>
      <h3 id={headingId} dir="auto" lang={lang}>
        {guide.title || guide.file}
      </h3>
      <p className="guide-preview__meta">
        <span dir="auto">{t('guideImport.fromFile', { file: guide.file })}</span>
        {' · '}
        {t(KIND_TEXTS[guide.kind] ?? 'guideImport.kind.other')}
        {' · '}
        {[
          t('guideImport.stepCount', { count: guide.steps }),
          t('guideImport.ideaCount', { count: guide.ideas }),
          t('guideImport.linkCount', { count: guide.links }),
          t('guideImport.agendaCount', { count: guide.agendaItems }),
        ].join(', ')}
      </p>
      {sections.map((section) => {
        const steps = section.steps.filter((s) => !s.optional);
        const ideas = section.steps.filter((s) => s.optional);
        return (
          <div key={section.id} className="guide-preview__section">
            <h4 dir="auto" lang={lang}>
              {section.title}
            </h4>
            {steps.length > 0 && (
              <ol className="guide-preview__steps">
                {steps.map((step) => (
                  <StepEntry key={step.id} step={step} lang={lang} />
                ))}
              </ol>
            )}
            {ideas.length > 0 && (
              <>
                <p className="guide-preview__ideas-title">{t('guideImport.ideasHeading')}</p>
                <ul className="guide-preview__steps">
                  {ideas.map((step) => (
                    <StepEntry key={step.id} step={step} lang={lang} />
                  ))}
                </ul>
              </>
            )}
          </div>
        );
      })}
      <Notices notices={guide.notices} />
    </section>
  );
}

function StepEntry({ step, lang }: { step: Step; lang: string | undefined }) {
  const { t } = useTranslation();
  const links = stepLinks(step);
  return (
    <li>
      <span dir="auto" lang={lang}>
        {step.text}
      </span>
      {links.length > 0 && (
        <ul className="guide-preview__links" aria-label={t('guideImport.linksLabel')}>
          {links.map((link) => (
            <li key={link.url}>
              <SafeLink href={link.url}>
                <span dir="auto" lang={link.label ? lang : undefined}>
                  {link.label || placeOf(link.url)}
                </span>
              </SafeLink>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Notices({ notices }: { notices: GuideNotice[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (notices.length === 0) {
    return <p className="guide-preview__clean">{t('guideImport.allRead')}</p>;
  }
  return (
    <div className="guide-preview__notices" role="group" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('guideImport.noticesHeading', { count: notices.length })}</h4>
      <ul>
        {notices.map((notice, index) => (
          <li key={index}>
            {t(NOTICE_TEXTS[notice.code] ?? 'guideImport.notice.other')}
            {notice.detail && (
              <>
                {' '}
                <code dir="auto">{notice.detail}</code>
              </>
            )}
            {notice.line !== undefined && (
              <span className="muted"> {t('guideImport.atLine', { line: notice.line })}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
