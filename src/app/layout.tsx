import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { Announcer } from '@/ui/announcer';
import { AppStatus } from '@/app/app-status';
import { LanguageMenu } from '@/app/language-menu';
import { allTexts } from '@/i18n/texts';
import { PageLoading } from '@/ui/page-loading';
import { StorageBanner } from '@/app/storage-banner';
import { RouteErrorBoundary } from './route-error';
import './layout.css';

export function Layout() {
  const { t } = useTranslation();
  // Every visit to an address, even the one already shown ("Back to my plans" from an error on
  // the plans page), gets a new key: a page that failed is tried again.
  const { key } = useLocation();
  // The first page showed with the texts it needs; the rest of the language's now load in the
  // background, so the next page or dialog need not wait. A failure is tried again by those.
  useEffect(() => {
    allTexts().catch(() => {});
  }, []);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="app-header no-print">
        <div className="app-header__inner">
          <Link to="/" className="brand">
            <svg className="brand__mark" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
              <rect width="64" height="64" rx="14" />
              <path d="M24 20 12 32l12 12M40 20l12 12-12 12" />
            </svg>
            <span>{t('app.name')}</span>
          </Link>
          <LanguageMenu />
        </div>
      </header>
      <AppStatus />
      <StorageBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        <RouteErrorBoundary resetKey={key}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </main>
      <Announcer />
      <footer className="app-footer no-print">
        <p>{t('layout.footer')}</p>
      </footer>
    </>
  );
}
