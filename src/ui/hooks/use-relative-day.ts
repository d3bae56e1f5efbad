import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** "today", "tomorrow", "in 15 days", "3 days ago", from a whole number of calendar days. */
export function useRelativeDay(): (days: number) => string {
  const { t } = useTranslation();
  return useCallback(
    (days: number) => {
      if (days === 0) return t('relative.today');
      if (days === 1) return t('relative.tomorrow');
      if (days === -1) return t('relative.yesterday');
      return days > 0
        ? t('relative.inDays', { count: days })
        : t('relative.daysAgo', { count: -days });
    },
    [t],
  );
}
