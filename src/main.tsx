import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from '@/app/app';
import { preloadPage } from '@/app/routes';
import { initI18n } from '@/i18n/i18n';
import '@/styles/global.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('The page has no #root element.');

// The page's code starts downloading now, next to the translations of the active language;
// those load before the first render, so nothing flashes in the wrong language.
preloadPage(window.location.pathname);
void initI18n().then((i18n) => {
  createRoot(rootElement).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
});
