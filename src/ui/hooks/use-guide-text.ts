import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveText, type KeyedText } from '@/plan/text';
import { storedGuideKey } from './use-guide-translate';

/** Shows a template text in the active language, or the user's own text once they edited it. */
export function useGuideText(): (entry: KeyedText) => string {
  const { t } = useTranslation('guide');
  return useCallback(
    (entry: KeyedText) =>
      resolveText(entry, (key, fallback) => t(storedGuideKey(key), { defaultValue: fallback })),
    [t],
  );
}
