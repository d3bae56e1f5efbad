import { useTranslation } from 'react-i18next';
import { LIMITS } from '@/plan/schema';

/** The name of a copy of a plan ("Copy of …"), cut to a plan title's limit. */
export function useCopyTitle(): (title: string) => string {
  const { t } = useTranslation();
  return (title) => t('plans.copyTitle', { title }).slice(0, LIMITS.titleLength);
}
