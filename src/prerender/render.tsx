import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Layout } from '@/app/layout';
import { Root } from '@/app/root';
import { preloadPage, preloadPlanList } from '@/app/routes';
import { initI18n } from '@/i18n/i18n';
import { PageLoading } from '@/ui/page-loading';

/*
 * Build time only (scripts/prerender.mjs runs it under jsdom, through Vite): renders the app with
 * jsdom's storage empty and the language stored as the app stores it, exactly as a first visit
 * in that language renders. Never part of the app's bundle.
 */
export interface Rendered {
  /** The markup of `#root`. */
  html: string;
  lang: string;
  /** The tab's title and the page's description, in that language. */
  title: string;
  description: string;
  /** Said outside the app: without JavaScript, and when the app's code failed to load. */
  needsScript: string;
  startFailed: string;
  reload: string;
}

/**
 * `plans`: the app itself at `/` (the browser hydrates it). `shell`: the frame with a page still
 * loading, served for every other address (a plan lives in the visitor's browser, so the build
 * cannot render it); the app replaces it when it starts.
 */
export async function render({ kind }: { kind: 'plans' | 'shell' }): Promise<Rendered> {
  // The plans page with its list ("No plans yet"), all of it in the HTML.
  const [i18n] = await Promise.all([
    initI18n(),
    kind === 'plans' ? Promise.all([preloadPage('/'), preloadPlanList()]) : null,
  ]);
  const html =
    kind === 'plans'
      ? renderToString(<Root i18n={i18n} />)
      : renderToString(
          <StrictMode>
            <I18nextProvider i18n={i18n}>
              <MemoryRouter>
                <Routes>
                  <Route element={<Layout />}>
                    {/* What the frame shows while a page's code loads. */}
                    <Route path="*" element={<PageLoading />} />
                  </Route>
                </Routes>
              </MemoryRouter>
            </I18nextProvider>
          </StrictMode>,
        );
  const lang = i18n.resolvedLanguage ?? 'en';
  const appName = i18n.t('app.name');
  return {
    html,
    lang,
    title: kind === 'plans' ? `${i18n.t('plans.title')} · ${appName}` : appName,
    description: i18n.t('app.description'),
    needsScript: i18n.t('layout.needsScript'),
    startFailed: i18n.t('layout.startFailed'),
    reload: i18n.t('layout.reload'),
  };
}
