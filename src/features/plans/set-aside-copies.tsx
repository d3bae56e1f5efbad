import type { ParseKeys } from 'i18next';
import { memo, use, useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetAsideCopy } from '@/data/backup';
import { formatDate, formatList, formatTimeOfDate } from '@/i18n/format';
import { dateNames } from '@/i18n/date-names';
import { useLanguage } from '@/i18n/use-language';
import { deleteSetAside, restoreSetAside, setAsidePlans, setAsideText } from '@/store/set-aside';
import { Button } from '@/ui/button';
import { downloadFile, fileStamp } from '@/ui/download';
import { isolated } from '@/plan/isolate';
import { storedSizeText } from '@/ui/size-text';
import { UndoBar } from '@/ui/undo-bar';
import { copyFileStamp, nameCopies } from './set-aside-names';

type Failure = 'download' | 'delete' | 'undo';
const FAILURES: Record<Failure, ParseKeys> = {
  download: 'setAside.failed.download',
  delete: 'setAside.failed.delete',
  undo: 'setAside.failed.undo',
};

/**
 * The names of all the copies listed, by key (set-aside-names.ts): when each was kept ("Dec 2,
 * 2026, 10:15 AM"), told apart where alike.
 */
function useNames(copies: SetAsideCopy[]) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return useMemo(
    () =>
      nameCopies(copies, {
        when: (copy, seconds) =>
          copy.keptAt
            ? t('setAside.when', {
                date: formatDate(copy.keptAt, lang, 'medium'),
                time: formatTimeOfDate(copy.keptAt, lang, { seconds }),
              })
            : t('setAside.whenUnknown'),
        plan: (copy) => {
          const title = setAsidePlans(copy)?.titles.find((one) => one !== null);
          return title ? t('setAside.quoted', { title: isolated(title) }) : null;
        },
        withPlan: (name, plan) => t('setAside.withPlan', { name, plan }),
        numbered: (name, nth) => t('setAside.numbered', { name, nth }),
      }),
    [copies, lang, t],
  );
}

const save = (copy: SetAsideCopy, text: string) =>
  downloadFile(`hour-of-code-set-aside-${copyFileStamp(copy, fileStamp)}.txt`, text, 'text/plain');

/**
 * One copy in the list. Drawn again only when it changes (the store keeps an unchanged copy the
 * same object): a browser can hold thousands, and the list is read again on every change in any
 * tab, so redrawing every row each time would hold the page up for seconds.
 */
const CopyRow = memo(function CopyRow({
  copy,
  name,
  onDownload,
  onDelete,
}: {
  copy: SetAsideCopy;
  /** When it was kept, as the row is named (unique in the list). */
  name: string;
  onDownload: (copy: SetAsideCopy) => void;
  /** With the row's name, for the message that it was deleted. */
  onDelete: (copy: SetAsideCopy, name: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  // Read once per copy (an unchanged copy stays the same object): what it holds, if readable.
  const plans = setAsidePlans(copy);
  const holdsId = useId();
  const holds = useMemo(() => {
    if (!plans) return t('setAside.unreadable');
    // The first few titles (data/backup.ts reads no more), then how many more.
    const shown = plans.titles.map((title) =>
      title === null ? t('setAside.untitled') : t('setAside.quoted', { title: isolated(title) }),
    );
    const more = plans.count - shown.length;
    const titles = formatList(
      more > 0 ? [...shown, t('setAside.more', { count: more })] : shown,
      lang,
      t('setAside.and'),
    );
    return t('setAside.plans', { count: plans.count, titles });
  }, [plans, lang, t]);
  return (
    <li className="set-aside__copy">
      <span className="set-aside__what">
        <span>{t('setAside.copyName', { when: name })}</span>
        <span className="set-aside__size">{storedSizeText(copy.length, t, lang)}</span>
        <span className="set-aside__plans" id={holdsId}>
          {holds}
        </span>
      </span>
      <span className="set-aside__actions">
        <Button
          size="small"
          onClick={() => onDownload(copy)}
          aria-label={t('setAside.downloadLabel', { when: name })}
          aria-describedby={holdsId}
        >
          {t('setAside.download')}
        </Button>
        <Button
          size="small"
          variant="quiet"
          danger
          onClick={() => onDelete(copy, name)}
          aria-label={t('setAside.deleteLabel', { when: name })}
          aria-describedby={holdsId}
        >
          {t('setAside.delete')}
        </Button>
      </span>
    </li>
  );
});

/**
 * The copies of unreadable data this browser kept aside (a damaged save, a plan that failed its
 * checks), listed on the plans page for as long as there are any: each can be downloaded, to keep
 * or to get help with, and deleted, to free the browser's storage. A delete can be undone until
 * the message is dismissed or the page is left; after several deletes, Undo brings the copies
 * back one by one, latest first.
 */
export function SetAsideCopies({ copies }: { copies: SetAsideCopy[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  use(dateNames(lang));
  const headingId = useId();
  // Every copy deleted since the message was last dismissed, latest last, with the name its row had.
  const [deleted, setDeleted] = useState<{ copy: SetAsideCopy; text: string; name: string }[]>([]);
  const removed = deleted.at(-1) ?? null;
  const [failed, setFailed] = useState<Failure | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The copies that can still be put back are named with the others: no copy listed takes the
  // name of one the Undo message speaks of.
  const named = useMemo(() => {
    // A deleted copy whose key was written again meanwhile (another tab) is named as a copy of
    // its own: the row under that key then takes another name than the message's.
    const listed = new Set(copies.map((copy) => copy.key));
    const gone = deleted.map(({ copy }) =>
      listed.has(copy.key) ? { ...copy, key: `${copy.key}\u0000deleted` } : copy,
    );
    return [...copies, ...gone];
  }, [copies, deleted]);
  const names = useNames(named);

  // The same functions on every render, so that rows that did not change are not drawn again.
  const download = useCallback((copy: SetAsideCopy) => {
    const text = setAsideText(copy.key);
    if (text === null) return setFailed('download');
    setFailed(null);
    save(copy, text);
  }, []);

  const remove = useCallback((copy: SetAsideCopy, name: string) => {
    const outcome = deleteSetAside(copy.key);
    // Deleted in another tab first: its row simply goes, as the list is read again.
    if (outcome === 'gone') return setFailed(null);
    if (outcome === 'refused') return setFailed('delete');
    setFailed(null);
    setDeleted((list) => [...list, { copy, text: outcome.text, name }]);
    // The row and its buttons are gone: focus goes to Undo.
    queueMicrotask(() => undoRef.current?.focus());
  }, []);

  // Where focus goes once the message is gone: the section's heading, or the page's main content
  // when the section goes too (nothing left in it).
  const focusAfter = (left: number) =>
    left > 0
      ? headingRef.current?.focus()
      : document.querySelector<HTMLElement>('main[tabindex]')?.focus();

  const undo = () => {
    if (!removed) return;
    if (!restoreSetAside(removed.copy.key, removed.text)) return setFailed('undo');
    setFailed(null);
    setDeleted((list) => list.slice(0, -1));
    // More to bring back: Undo stays where it is, with focus; otherwise the heading takes it.
    if (deleted.length === 1) focusAfter(1);
  };

  // Nothing kept aside, no delete to undo and no failure to tell: the section is not shown. (A
  // failure can leave the list empty: a browser that refuses to read storage lists nothing.)
  if (copies.length === 0 && !removed && !failed) return null;

  return (
    <section className="set-aside" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('setAside.title')}
      </h2>
      <p className="set-aside__intro">{t('setAside.intro')}</p>
      {copies.length > 0 && (
        <ul className="set-aside__list">
          {copies.map((copy) => (
            <CopyRow
              key={copy.key}
              copy={copy}
              name={names.get(copy.key)!}
              onDownload={download}
              onDelete={remove}
            />
          ))}
        </ul>
      )}
      {failed && (
        <p className="notice notice--error" role="alert">
          {t(FAILURES[failed])}
        </p>
      )}
      {failed === 'undo' && removed && (
        // The deleted text now lives only in this page: it can still be saved as a file, so that
        // dismissing the message or leaving the page while storage is full loses nothing.
        <p>
          <Button
            size="small"
            onClick={() => save(removed.copy, removed.text)}
            aria-label={t('setAside.downloadDeletedLabel', { when: removed.name })}
          >
            {t('setAside.download')}
          </Button>
        </p>
      )}
      <UndoBar
        message={removed ? t('setAside.deleted', { when: removed.name }) : null}
        onUndo={undo}
        onDismiss={() => {
          setDeleted([]);
          focusAfter(copies.length);
        }}
        undoRef={undoRef}
      />
    </section>
  );
}
