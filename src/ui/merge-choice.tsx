import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/i18n/use-language';
import type { MergeRemovals } from '@/plan/merge-summary';
import './merge-choice.css';

export type MergeChoiceValue = 'merge' | 'separate';

/**
 * A copy of a plan that is already here: "Merge into «title»" (the default) or "Add as a
 * separate plan". Radio buttons, so the choice is read out and made by keyboard like any other.
 */
export function MergeChoice({
  title,
  value,
  onChange,
  removes,
  focusOnShow = false,
}: {
  title: string;
  value: MergeChoiceValue;
  onChange: (value: MergeChoiceValue) => void;
  /** What merging would delete from the plan here (what the copy deleted): said before. */
  removes?: MergeRemovals;
  /** In a dialog where it replaces what had focus (the file field): focus the chosen option. */
  focusOnShow?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useId();
  const removed = [
    removes?.steps && t('merge.choice.removedSteps', { count: removes.steps }),
    removes?.items && t('merge.choice.removedItems', { count: removes.items }),
    removes?.sections && t('merge.choice.removedSections', { count: removes.sections }),
  ].filter((part): part is string => typeof part === 'string');
  const list = new Intl.ListFormat(lang, { type: 'conjunction' });
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (focusOnShow) fieldsetRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, [focusOnShow]);
  return (
    <fieldset className="merge-choice" ref={fieldsetRef}>
      <legend>{t('merge.choice.legend')}</legend>
      <div className="merge-choice__option">
        <input
          type="radio"
          id={`${id}-merge`}
          name={`${id}-choice`}
          checked={value === 'merge'}
          onChange={() => onChange('merge')}
          aria-describedby={
            removed.length > 0 ? `${id}-merge-hint ${id}-merge-removes` : `${id}-merge-hint`
          }
        />
        <label htmlFor={`${id}-merge`}>{t('merge.choice.merge', { title })}</label>
        <p className="muted merge-choice__hint" id={`${id}-merge-hint`}>
          {t('merge.choice.mergeHint')}
        </p>
        {removed.length > 0 && (
          <p className="merge-choice__hint merge-choice__removes" id={`${id}-merge-removes`}>
            {t('merge.choice.removes', { what: list.format(removed) })}
          </p>
        )}
      </div>
      <div className="merge-choice__option">
        <input
          type="radio"
          id={`${id}-separate`}
          name={`${id}-choice`}
          checked={value === 'separate'}
          onChange={() => onChange('separate')}
          aria-describedby={`${id}-separate-hint`}
        />
        <label htmlFor={`${id}-separate`}>{t('merge.choice.separate')}</label>
        <p className="muted merge-choice__hint" id={`${id}-separate-hint`}>
          {t('merge.choice.separateHint')}
        </p>
      </div>
    </fieldset>
  );
}
