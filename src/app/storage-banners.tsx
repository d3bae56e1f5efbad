import type { ParseKeys } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APP_VERSION } from '@/app-version';
import { useLanguage } from '@/i18n/use-language';
import { largestPlans } from '@/plan/plan-size';
import { plansStore, usePlans } from '@/store/plans-store';
import {
  notKeptAside,
  storageStatus,
  useStorageProblems,
  type StorageProblem,
  type StorageProblemKind,
} from '@/store/storage-status';
import { downloadFile, fileStamp } from '@/ui/download';
import { loadGuideTranslate } from '@/ui/hooks/use-guide-translate';
import { Button } from '@/ui/button';
import { isolated } from '@/plan/isolate';
import { storedSizeText } from '@/ui/size-text';
import './storage-banner.css';

/** Each problem's heading and text; `bodyNotKept` when the unreadable data could not be set aside. */
const TEXTS: Readonly<
  Record<StorageProblemKind, { title: ParseKeys; body: ParseKeys; bodyNotKept?: ParseKeys }>
> = {
  unavailable: { title: 'storage.unavailable.title', body: 'storage.unavailable.body' },
  quota: { title: 'storage.quota.title', body: 'storage.quota.body' },
  writeFailed: { title: 'storage.writeFailed.title', body: 'storage.writeFailed.body' },
  damaged: {
    title: 'storage.damaged.title',
    body: 'storage.damaged.body',
    bodyNotKept: 'storage.damaged.bodyNotKept',
  },
  rejected: {
    title: 'storage.rejected.title',
    body: 'storage.rejected.body',
    bodyNotKept: 'storage.rejected.bodyNotKept',
  },
  newer: { title: 'storage.newer.title', body: 'storage.newer.body' },
};

const stamp = () => fileStamp(new Date());

/**
 * Says plainly when plans can't be saved in this browser, and what to do. Editing goes on in
 * memory meanwhile; "Download a backup" saves every plan as it is now, to import later. Loaded
 * when the first problem is found (storage-banner.tsx).
 */
export function StorageBanners() {
  const { t, i18n } = useTranslation();
  const problems = useStorageProblems();
  const [dismissed, setDismissed] = useState<string[]>([]);
  const visible = problems.filter((p) => !dismissed.includes(p.kind));
  if (visible.length === 0) return null;

  const saveBackup = async () => {
    // The plans' texts as they show, in the active language (the guide texts may not be in yet).
    // The store and the file format are in already: a problem is only ever found by the store.
    const [translate, { serializeBackup }] = await Promise.all([
      loadGuideTranslate(i18n),
      import('@/plan/file-format'),
    ]);
    downloadFile(
      `hour-of-code-plans-backup-${stamp()}.json`,
      serializeBackup(plansStore.getState().plans, {
        translate,
        now: new Date(),
        appVersion: APP_VERSION,
      }),
      'application/json',
    );
  };
  const downloadBackup = () => void saveBackup();

  /** The unreadable text as it was stored: all of it, or the plans that failed (a JSON list). */
  const downloadDamaged = (problem: StorageProblem) => {
    if (problem.kind === 'damaged')
      downloadFile(`hour-of-code-damaged-data-${stamp()}.txt`, problem.raw, 'text/plain');
    else if (problem.kind === 'rejected')
      downloadFile(
        `hour-of-code-unreadable-plans-${stamp()}.json`,
        `[\n${problem.plans.map((p) => p.raw).join(',\n')}\n]\n`,
        'application/json',
      );
  };

  const actions = (problem: StorageProblem) => {
    switch (problem.kind) {
      case 'damaged':
      case 'rejected':
        // Not copied aside: saving stopped, so the plans in memory need a backup too.
        return notKeptAside(problem) ? (
          <>
            <Button variant="primary" onClick={downloadBackup}>
              {t('storage.downloadBackup')}
            </Button>
            <Button onClick={() => downloadDamaged(problem)}>{t('storage.downloadDamaged')}</Button>
            <Button onClick={() => window.location.reload()}>{t('storage.reload')}</Button>
          </>
        ) : (
          <>
            <Button onClick={() => downloadDamaged(problem)}>{t('storage.downloadDamaged')}</Button>
            <Button variant="quiet" onClick={() => setDismissed((d) => [...d, problem.kind])}>
              {t('action.dismiss')}
            </Button>
          </>
        );
      case 'quota':
      case 'writeFailed':
        return (
          <>
            <Button variant="primary" onClick={downloadBackup}>
              {t('storage.downloadBackup')}
            </Button>
            <Button
              onClick={() => {
                // The banner goes once the plans are saved (a write that succeeds clears it),
                // not before: it stays while they still cannot be.
                if (plansStore.flush() === 'nothing') storageStatus.getState().clear(problem.kind);
              }}
            >
              {t('storage.retry')}
            </Button>
          </>
        );
      case 'unavailable':
        return (
          <Button variant="primary" onClick={downloadBackup}>
            {t('storage.downloadBackup')}
          </Button>
        );
      case 'newer':
        return (
          <>
            <Button variant="primary" onClick={downloadBackup}>
              {t('storage.downloadBackup')}
            </Button>
            <Button onClick={() => window.location.reload()}>{t('storage.reload')}</Button>
          </>
        );
    }
  };

  return (
    <div className="storage-banners no-print">
      {visible.map((problem) => {
        const stopped = notKeptAside(problem);
        const texts = TEXTS[problem.kind];
        const warn = (problem.kind === 'damaged' || problem.kind === 'rejected') && !stopped;
        const values =
          problem.kind === 'newer'
            ? { version: problem.version }
            : problem.kind === 'rejected'
              ? { count: problem.plans.length }
              : {};
        return (
          <section
            key={problem.kind}
            className={`banner banner--${warn ? 'warn' : 'error'}`}
            role="alert"
            aria-labelledby={`storage-${problem.kind}`}
          >
            <h2 id={`storage-${problem.kind}`} className="banner__title">
              {t(texts.title, values)}
            </h2>
            <p>{t((stopped && texts.bodyNotKept) || texts.body, values)}</p>
            {problem.kind === 'quota' && <LargestPlans />}
            <div className="banner__actions">{actions(problem)}</div>
          </section>
        );
      })}
    </div>
  );
}

/**
 * With storage full, the plans that take the most room, so the user knows which to delete (a
 * plan file can hold far more than its pages show). Each plan's card on My plans says it too.
 */
function LargestPlans() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const plans = usePlans((state) => state.plans);
  const largest = useMemo(() => largestPlans(plans), [plans]);
  if (largest.length === 0) return null;
  return (
    <>
      <p>{t('storage.quota.largest')}</p>
      <ul className="banner__list">
        {largest.map(({ plan, size }) => (
          <li key={plan.id}>
            {t('storage.quota.planSize', {
              title: isolated(plan.title),
              size: storedSizeText(size, t, lang),
            })}
          </li>
        ))}
      </ul>
    </>
  );
}
