import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '@/ui/hooks/use-document-title';
import { buttonClass } from '@/ui/button';
import { retryFailedLoads } from '@/ui/retry-failed';
import { forgetFailedDateNames } from '@/i18n/date-names';

/** Shown when a page fails to load or throws: the user gets a way back, never a blank page. */
export function RouteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  useDocumentTitle(t('error.title'));
  const detail = error instanceof Error ? error.message : String(error);
  // A part of the app that did not download (offline, a dropped connection) is not a broken page.
  const notDownloaded =
    /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(
      detail,
    );
  return (
    <div className="page page--narrow">
      <h1>{t('error.title')}</h1>
      <p>{t(notDownloaded ? 'error.partNotLoaded' : 'error.body')}</p>
      <p className="muted">
        <code>{detail}</code>
      </p>
      <p>
        <Link to="/" className={buttonClass({ variant: 'primary' })}>
          {t('error.backHome')}
        </Link>
      </p>
    </div>
  );
}

interface BoundaryProps {
  /** The visit (the location's key): with each new one, a page that failed is tried again. */
  resetKey: string;
  children: ReactNode;
}

/**
 * Catches what a page throws while rendering (or a page's code that failed to download), so the
 * frame, the language menu and the way back stay. Going anywhere, even to the same address, tries
 * again.
 */
export class RouteErrorBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('Unknown error') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('[hoc-planner] A page failed:', error, info.componentStack);
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (this.state.error && previous.resetKey !== this.props.resetKey) {
      // What failed to download is asked for again now, not before (ui/retry-failed.ts).
      retryFailedLoads();
      forgetFailedDateNames();
      this.setState({ error: null });
    }
  }

  override render() {
    return this.state.error ? <RouteError error={this.state.error} /> : this.props.children;
  }
}
