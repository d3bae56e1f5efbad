import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideTranslate } from '@/plan/text';

/** The `guide` namespace as a plain function, for the pure modules that write files. */
export function useGuideTranslate(): GuideTranslate {
  const { t } = useTranslation('guide');
  return useCallback((key: string, fallback: string) => t(key, { defaultValue: fallback }), [t]);
}
