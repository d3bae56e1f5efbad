import type { ParseKeys } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { APP_VERSION } from '@/app-version';
import { downloadFile } from '@/ui/download';
import { useGuideTranslate } from '@/ui/hooks/use-guide-translate';
import { YourNameField } from '@/features/share/your-name-field';
import { formatClock } from '@/i18n/format';
import { useLanguage } from '@/i18n/use-language';
import { planToIcs } from '@/plan/calendar';
import { runOfShowCsv } from '@/plan/csv';
import { createPlanFile, planFileName, serializePlan } from '@/plan/file-format';
import type { Plan } from '@/plan/schema';
import { encodeShareFragment, SAFE_LINK_LENGTH } from '@/plan/share-link';
import { planPath } from '@/plan/paths';
import { Button, buttonClass } from '@/ui/button';
import './share.css';

type LinkState =
  { status: 'idle' } | { status: 'ready'; url: string; copied: boolean } | { status: 'error' };

/** Everything that takes the plan out of this browser: file, link, calendar, spreadsheet, paper. */
export function SharePanel({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const translate = useGuideTranslate();
  const linkId = useId();
  const [link, setLink] = useState<LinkState>({ status: 'idle' });
  const [message, setMessage] = useState('');
  // A failure is shown on screen; a success is announced (the download itself is the visible part).
  const [failure, setFailure] = useState('');
  const baseName = planFileName(plan.title).replace(/\.hocplan\.json$/, '');

  /** Makes a file on demand and downloads it; the result is announced, a failure shown. */
  const save = async (
    make: () => Promise<string>,
    file: { name: string; type: string },
    saved: ParseKeys,
    failed: ParseKeys,
  ) => {
    try {
      downloadFile(file.name, await make(), file.type);
      setFailure('');
      setMessage(t(saved));
    } catch (error) {
      console.error(`[hoc-planner] ${file.name} could not be made.`, error);
      setMessage('');
      setFailure(t(failed));
    }
  };

  const exportFile = () => {
    downloadFile(
      planFileName(plan.title),
      serializePlan(plan, { translate, now: new Date(), appVersion: APP_VERSION }),
      'application/json',
    );
    setFailure('');
    setMessage(t('share.fileSaved'));
  };

  const makeLink = async () => {
    try {
      const fragment = await encodeShareFragment(
        createPlanFile(plan, { translate, now: new Date(), appVersion: APP_VERSION }),
      );
      const url = `${window.location.origin}/shared#${fragment}`;
      let copied = false;
      try {
        await navigator.clipboard.writeText(url);
        copied = true;
      } catch {
        // No clipboard (permission, old browser): the link is shown to copy by hand.
      }
      setLink({ status: 'ready', url, copied });
    } catch {
      setLink({ status: 'error' });
    }
  };

  const exportCalendar = () =>
    save(
      () =>
        planToIcs(plan, {
          translate,
          stepPrefix: t('share.calendarStepPrefix'),
          formatTime: (minutes) => formatClock(minutes, lang),
          agendaLabel: t('share.calendarAgenda'),
          contactLabel: t('share.calendarContact'),
          reminder: t('share.calendarReminder'),
        }),
      { name: `${baseName}.ics`, type: 'text/calendar' },
      'share.calendarSaved',
      'share.calendarFailed',
    );

  const exportCsv = () =>
    save(
      () =>
        runOfShowCsv(plan, {
          headers: [
            t('share.csv.start'),
            t('share.csv.end'),
            t('share.csv.duration'),
            t('share.csv.title'),
            t('share.csv.who'),
            t('share.csv.note'),
          ],
          // A plain space, as spreadsheets expect to read a time (the screen's is a no-break space).
          formatTime: (minutes) => formatClock(minutes, lang).replace('\u00a0', ' '),
          translate,
          delimiter: lang === 'en' ? ',' : ';',
        }),
      { name: `${baseName}.csv`, type: 'text/csv' },
      'share.csvSaved',
      'share.csvFailed',
    );

  return (
    <section className="panel" aria-labelledby="share-heading">
      <h2 id="share-heading">{t('share.heading')}</h2>
      <p className="muted">{t('share.intro')}</p>
      <YourNameField />
      <div className="share-grid">
        <div className="share-card">
          <h3>{t('share.fileTitle')}</h3>
          <p>{t('share.fileBody')}</p>
          <Button variant="primary" onClick={exportFile}>
            {t('share.fileAction')}
          </Button>
        </div>
        <div className="share-card">
          <h3>{t('share.linkTitle')}</h3>
          <p>{t('share.linkBody')}</p>
          <Button onClick={() => void makeLink()}>{t('share.linkAction')}</Button>
          {link.status === 'ready' && (
            <div className="share-link">
              <label htmlFor={linkId}>
                {link.copied ? t('share.linkCopied') : t('share.linkCopyByHand')}
              </label>
              <input
                id={linkId}
                readOnly
                value={link.url}
                onFocus={(e) => e.currentTarget.select()}
              />
              {link.url.length > SAFE_LINK_LENGTH && (
                <p className="notice notice--warn" role="alert">
                  {t('share.linkTooLong', {
                    length: link.url.length,
                    max: SAFE_LINK_LENGTH,
                  })}
                </p>
              )}
            </div>
          )}
          {link.status === 'error' && (
            <p className="notice notice--error" role="alert">
              {t('share.linkError')}
            </p>
          )}
        </div>
        <div className="share-card">
          <h3>{t('share.calendarTitle')}</h3>
          <p>{t('share.calendarBody')}</p>
          <Button onClick={() => void exportCalendar()}>{t('share.calendarAction')}</Button>
        </div>
        <div className="share-card">
          <h3>{t('share.csvTitle')}</h3>
          <p>{t('share.csvBody')}</p>
          <Button onClick={() => void exportCsv()}>{t('share.csvAction')}</Button>
        </div>
        <div className="share-card">
          <h3>{t('share.printTitle')}</h3>
          <p>{t('share.printBody')}</p>
          <Link className={buttonClass()} to={planPath(plan.id, '/print')}>
            {t('share.printAction')}
          </Link>
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {message}
      </p>
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
