import { useTranslation } from 'react-i18next';
import { FALLBACK_LANGUAGE, isLanguageCode, type LanguageCode } from './languages';

/** The active language as one of ours (never a regional variant or undefined). */
export function useLanguage(): LanguageCode {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguageCode(lng) ? lng : FALLBACK_LANGUAGE;
}
