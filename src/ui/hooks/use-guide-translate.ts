import type { i18n as I18n, ParseKeys } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideTranslate } from '@/plan/text';

/**
 * A guide key read from a plan (storage, a file, a link): data, which the type checker can't know.
 * It was checked at run time when the plan was read (`withKnownKeys` in plan/restore.ts), and is
 * always shown with the plan's own text as the fallback, so it never shows as a raw key.
 */
export const storedGuideKey = (key: string) => key as ParseKeys<'guide'>;

/** The `guide` namespace as a plain function, for the pure modules that write files. */
export function useGuideTranslate(): GuideTranslate {
  const { t } = useTranslation('guide');
  return useCallback(
    (key: string, fallback: string) => t(storedGuideKey(key), { defaultValue: fallback }),
    [t],
  );
}

/**
 * The same, for an action outside a page that has them (the storage banner's backup): the guide
 * texts are loaded first, as the first page starts without them (i18n/texts.ts).
 */
export async function loadGuideTranslate(i18n: I18n): Promise<GuideTranslate> {
  await i18n.loadNamespaces('guide');
  const t = i18n.getFixedT(null, 'guide');
  return (key, fallback) => t(storedGuideKey(key), { defaultValue: fallback });
}
