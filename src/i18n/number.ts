import type { i18n as I18n } from 'i18next';
import { FALLBACK_LANGUAGE, matchLanguage, type LanguageCode } from './languages';

/*
 * Numbers in each language's convention (CLDR): "8,000.5" in English, "8 000,5" in Kyrgyz,
 * Bokmål and Nynorsk (a no-break space between thousands). Written out here rather than with
 * Intl.NumberFormat for the same reason as dates: Chromium builds without ICU data for Kyrgyz
 * and Nynorsk print them in the root format.
 */
const SEPARATORS: Record<LanguageCode, { group: string; decimal: string }> = {
  en: { group: ',', decimal: '.' },
  ky: { group: '\u00a0', decimal: ',' },
  nb: { group: '\u00a0', decimal: ',' },
  nn: { group: '\u00a0', decimal: ',' },
};

export function formatNumber(value: number, lang: LanguageCode, fractionDigits = 0): string {
  if (!Number.isFinite(value)) return String(value);
  const { group, decimal } = SEPARATORS[lang];
  const [whole = '0', fraction] = Math.abs(value).toFixed(fractionDigits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = value < 0 && Number(whole + (fraction ?? '')) !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction ? decimal + fraction : ''}`;
}

/**
 * Adds the `decimal` formatter to an i18next instance, so texts write numbers in their own
 * language: `{{size, decimal(digits: 1)}}`.
 */
export function addNumberFormatter(instance: I18n): void {
  instance.services.formatter?.add(
    'decimal',
    (value: unknown, lng: string | undefined, options) => {
      const digits = Number((options as { digits?: unknown }).digits ?? 0);
      const lang = matchLanguage(lng) ?? FALLBACK_LANGUAGE;
      return typeof value === 'number' ? formatNumber(value, lang, digits) : String(value);
    },
  );
}
