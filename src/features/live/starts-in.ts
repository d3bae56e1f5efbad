import { useTranslation } from 'react-i18next';

/** "Starts in 10 min" / "Starts in 2 h 5 min": minutes rounded up, as a countdown is. */
export function useStartsIn(): (leftMs: number) => string {
  const { t } = useTranslation();
  return (leftMs) => {
    const minutes = Math.max(1, Math.ceil(leftMs / 60_000));
    if (minutes < 120) return t('desk.startsIn', { count: minutes });
    return t('desk.startsInHours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  };
}
