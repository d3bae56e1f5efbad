import { createContext, useContext, useEffect } from 'react';
import { whenIdle } from './when-idle';

/**
 * Fetches the code of the page at an address ahead of going there. The app's routes provide it
 * (app/routes.tsx); a feature asks for the page it is about to open without knowing the routes.
 * Without a provider (a feature rendered alone in a test) it does nothing.
 */
export const PreloadPageContext = createContext<(pathname: string) => void>(() => {});

/**
 * Fetches the page at `pathname` once the browser is idle after this component appears: a
 * dialog that ends by opening a plan asks for the plan's page while the user fills it in, so the
 * plan opens at once rather than after a moment with the old page still showing (and moving).
 */
export function usePreloadPage(pathname: string) {
  const preload = useContext(PreloadPageContext);
  useEffect(() => whenIdle(() => preload(pathname), { timeout: 2000 }), [preload, pathname]);
}
