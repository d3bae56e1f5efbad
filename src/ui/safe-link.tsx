import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { safeHref } from '@/plan/links';
import './safe-link.css';

/**
 * An outside link: opens in a new tab without giving that page a handle on ours
 * (`noopener noreferrer`). A mail link opens the mail program, not a tab, and says nothing of
 * one. A link that isn't http, https or mailto is shown as text only.
 */
export function SafeLink({ href, children }: { href: string; children: ReactNode }) {
  const { t } = useTranslation();
  const safe = safeHref(href);
  if (!safe) {
    return (
      <span className="unsafe-link" title={t('link.notOpened')}>
        {href}
      </span>
    );
  }
  if (safe.startsWith('mailto:')) {
    return (
      <a className="outside-link" href={safe} data-href={safe}>
        {children}
      </a>
    );
  }
  return (
    <a
      className="outside-link"
      href={safe}
      target="_blank"
      rel="noopener noreferrer"
      data-href={safe}
    >
      {children}
      <span className="visually-hidden"> {t('link.newTab')}</span>
    </a>
  );
}
