import { format, type Locale } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { nb } from 'date-fns/locale/nb';
import { nn } from 'date-fns/locale/nn';
import { parseDay } from '@/plan/dates';
import { ky } from '@/i18n/ky-date-locale';

/*
 * The campaign date as the guide's language writes it. The app's own languages use date-fns
 * with the same CLDR patterns as the interface (Chromium's Intl lacks Kyrgyz and Nynorsk);
 * any other language uses Intl, which knows most of them.
 */

export type DateStyle = 'short' | 'long' | 'year';

const OWN: Record<string, { locale: Locale; short: string; long: string }> = {
  en: { locale: enUS, short: 'MMMM d', long: 'MMMM d, yyyy' },
  ky: { locale: ky, short: 'd-MMMM', long: "yyyy-'ж'., d-MMMM" },
  nb: { locale: nb, short: 'd. MMMM', long: 'd. MMMM yyyy' },
  nn: { locale: nn, short: 'd. MMMM', long: 'd. MMMM yyyy' },
};

export function formatCampaignDate(day: string, lang: string | null, style: DateStyle): string {
  const date = parseDay(day);
  if (!date) return day;
  if (style === 'year') return String(date.getFullYear());
  const base = (lang ?? 'en').toLowerCase().split('-')[0] ?? 'en';
  const key = base === 'no' ? 'nb' : base;
  const own = Object.hasOwn(OWN, key) ? OWN[key] : undefined;
  if (own) return format(date, own[style], { locale: own.locale });
  try {
    return new Intl.DateTimeFormat(lang ?? 'en', {
      day: 'numeric',
      month: 'long',
      ...(style === 'long' ? { year: 'numeric' } : {}),
    }).format(date);
  } catch {
    return format(date, OWN.en![style], { locale: enUS });
  }
}
