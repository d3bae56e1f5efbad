import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '@/ui/hooks/use-document-title';
import { buttonClass } from '@/ui/button';

/** For any unknown address, and for a plan id that doesn't exist (`kind="plan"`). */
export function NotFoundPage({ kind = 'page' }: { kind?: 'page' | 'plan' }) {
  const { t } = useTranslation();
  const title = kind === 'plan' ? t('notFound.planTitle') : t('notFound.title');
  useDocumentTitle(title);
  return (
    <div className="page page--narrow">
      <h1>{title}</h1>
      <p>{kind === 'plan' ? t('notFound.planBody') : t('notFound.body')}</p>
      <p>
        <Link to="/" className={buttonClass({ variant: 'primary' })}>
          {t('notFound.backToPlans')}
        </Link>
      </p>
    </div>
  );
}
