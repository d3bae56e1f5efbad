// Styles first: the tokens and the shared sheets come before any component's own.
import '@/styles/tokens.css';
import '@/styles/base.css';
import '@/ui/button.css';
import '@/ui/field.css';
import '@/ui/dialog.css';
import '@/ui/notice.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from '@/app/app';
import { preloadPage } from '@/app/routes';
import { initI18n } from '@/i18n/i18n';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('The page has no #root element.');

// The page's code and the active language's texts load side by side, and the first render waits
// for both: nothing flashes in the wrong language, and the page appears without a loading step.
void Promise.all([initI18n(), preloadPage(window.location.pathname)]).then(([i18n]) => {
  createRoot(rootElement).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  );
});
