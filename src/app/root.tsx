import { StrictMode, useEffect } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { App } from './app';

/**
 * The whole app as the browser renders it. The build renders the same tree into the HTML of the
 * first page (src/prerender/render.tsx), so what the browser then hydrates is identical.
 */
export function Root({ i18n, onShown }: { i18n: I18n; onShown?: () => void }) {
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
        {onShown && <Shown onShown={onShown} />}
      </I18nextProvider>
    </StrictMode>
  );
}

/** Calls `onShown` once the app's first render is on screen and listening. */
function Shown({ onShown }: { onShown: () => void }) {
  useEffect(onShown, [onShown]);
  return null;
}
