import type { TFunction } from 'i18next';
import type { LanguageCode } from '@/i18n/languages';
import { formatNumber } from '@/i18n/number';
import { sizeForReading } from '@/plan/plan-size';

const UNIT_KEYS = { MB: 'plans.size.MB', KB: 'plans.size.KB' } as const;

/**
 * The room a stored text of `chars` characters takes in storage: "1.2 MB", "6,4 KB", "49,0 КБ".
 * The number is written here, not by the texts' `decimal` formatter: that one comes with all the
 * texts, and the plans page's cards show a size before those are in.
 */
export function storedSizeText(chars: number, t: TFunction, lang: LanguageCode): string {
  const { unit, value } = sizeForReading(chars);
  return t(UNIT_KEYS[unit], { size: formatNumber(value, lang, 1) });
}
