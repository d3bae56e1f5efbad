import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCopyTitle } from '@/ui/hooks/use-copy-title';
import { Dialog } from '@/ui/dialog';
import { ErrorNotice } from '@/ui/error-notice';
import { fileErrorText, type ReadError } from '@/ui/file-error-text';
import { MergeChoice, type MergeChoiceValue } from '@/ui/merge-choice';
import { PLAN_FILE_EXTENSION } from '@/plan/file-format';
import { mergeRemovals, removesMost } from '@/plan/merge-summary';
import { setPlanTitle } from '@/plan/plan-edits';
import type { Plan } from '@/plan/schema';
import { mergeImportedPlan } from '@/store/merge-copy';
import { importPlans } from '@/store/plans-store';
import { useImportPlan } from './use-import-plan';
import { Button } from '@/ui/button';

export interface MergeOffer {
  copy: Plan;
  existing: Plan;
}

/**
 * Import from a file picker or from pasted text. A refused file changes nothing. A copy of a
 * plan already here (`offer`, also from a dropped file) asks first: merge it, or add it apart.
 */
export function ImportDialog({
  open,
  onClose,
  onImported,
  onMerged,
  offer,
  onOffer,
}: {
  open: boolean;
  onClose: () => void;
  onImported: (plans: Plan[]) => void;
  onMerged: (plan: Plan) => void;
  offer: MergeOffer | null;
  onOffer: (offer: MergeOffer | null) => void;
}) {
  const { t } = useTranslation();
  const copyTitle = useCopyTitle();
  const { fromText, fromFile } = useImportPlan();
  const fileId = useId();
  const textId = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<ReadError | null>(null);
  // null: not chosen yet, the default below.
  const [chosen, setChoice] = useState<MergeChoiceValue | null>(null);
  const [mergeFailed, setMergeFailed] = useState<'invalid' | 'notFound' | null>(null);
  // What merging would delete here, said before the choice; a copy that would remove most of
  // the plan (a crafted one can claim to have deleted everything) is offered apart by default.
  const removals = useMemo(
    () => (offer ? mergeRemovals(offer.existing, offer.copy) : undefined),
    [offer],
  );
  // A new offer starts from its own default.
  const [offerShown, setOfferShown] = useState(offer);
  if (offer !== offerShown) {
    setOfferShown(offer);
    setChoice(null);
  }
  const choice =
    chosen ?? (offer && removals && removesMost(offer.existing, removals) ? 'separate' : 'merge');

  const finish = (outcome: ReturnType<typeof fromText>) => {
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    setError(null);
    setText('');
    if (outcome.offer) {
      setMergeFailed(null);
      onOffer(outcome.offer);
    } else onImported(outcome.plans);
  };

  const decide = () => {
    if (!offer) return;
    if (choice === 'separate') {
      // Named as Duplicate names a copy, so the two cards can be told apart.
      const added = importPlans([setPlanTitle(offer.copy, copyTitle(offer.copy.title))]);
      if (!added.ok) {
        setError(added.error);
        return;
      }
      onOffer(null);
      onImported(added.plans);
      return;
    }
    const merged = mergeImportedPlan(offer.copy);
    if (!merged.ok) {
      if (merged.reason === 'storageFull') setError({ code: 'storageFull' });
      else setMergeFailed(merged.reason);
      return;
    }
    onOffer(null);
    onMerged(merged.after);
  };

  const message = error ? fileErrorText(error, t) : null;
  return (
    <Dialog open={open} onClose={onClose} labelledBy="import-title">
      <div className="create-form">
        <h2 className="dialog__title" id="import-title">
          {t('import.title')}
        </h2>
        {!offer && <p className="muted">{t('import.intro')}</p>}
        {message && <ErrorNotice title={message.title} details={message.details} />}
        {offer ? (
          <>
            <MergeChoice
              title={offer.existing.title}
              value={choice}
              onChange={setChoice}
              removes={removals}
              focusOnShow
            />
            {mergeFailed && (
              <ErrorNotice
                title={mergeFailed === 'notFound' ? t('merge.notFound') : t('merge.failed')}
                details={[]}
              />
            )}
            <div className="dialog__actions">
              <Button onClick={onClose}>{t('action.cancel')}</Button>
              <Button variant="primary" onClick={decide}>
                {t('merge.choice.continue')}
              </Button>
            </div>
          </>
        ) : (
          <>
            <div className="field">
              <label htmlFor={fileId}>{t('import.file')}</label>
              <input
                id={fileId}
                type="file"
                accept={`${PLAN_FILE_EXTENSION},.json,application/json`}
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) finish(await fromFile(file));
                }}
              />
            </div>
            <div className="field">
              <label htmlFor={textId}>{t('import.paste')}</label>
              <textarea
                id={textId}
                rows={5}
                value={text}
                onChange={(e) => setText(e.target.value)}
                spellCheck={false}
              />
            </div>
            <div className="dialog__actions">
              <Button onClick={onClose}>{t('action.cancel')}</Button>
              <Button
                variant="primary"
                disabled={!text.trim()}
                onClick={() => finish(fromText(text))}
              >
                {t('import.pasteAction')}
              </Button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}
