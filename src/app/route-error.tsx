import { useTranslation } from 'react-i18next';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { useDocumentTitle } from '@/components/use-document-title';

/** Shown when a page fails to load or throws: the user gets a way back, never a blank page. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  useDocumentTitle(t('error.title'));
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <main id="main" className="app-main" tabIndex={-1}>
      <div className="page page--narrow">
        <h1>{t('error.title')}</h1>
        <p>{t('error.body')}</p>
        <p className="muted">
          <code>{detail}</code>
        </p>
        <p>
          <Link to="/" className="button button--primary">
            {t('error.backHome')}
          </Link>
        </p>
      </div>
    </main>
  );
}
