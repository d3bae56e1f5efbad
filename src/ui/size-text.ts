import type { TFunction } from 'i18next';
import { sizeForReading } from '@/plan/plan-size';

const UNIT_KEYS = { MB: 'plans.size.MB', KB: 'plans.size.KB' } as const;

/** The room a stored text of `chars` characters takes in storage: "1.2 MB", "6,4 KB", "49,0 КБ". */
export function storedSizeText(chars: number, t: TFunction): string {
  const { unit, value } = sizeForReading(chars);
  return t(UNIT_KEYS[unit], { size: value });
}
