import { lazy, type ComponentType } from 'react';
import { matchPath, useRoutes, type RouteObject } from 'react-router';
import { Layout } from './layout';

/*
 * Every page is its own chunk: the first download holds only the frame and the page the user
 * opened. Declarative routes (`useRoutes`) rather than a data router: the app has no loaders or
 * actions, and the data router would add some 16 KB (gzipped) to the first page for nothing.
 */
type PageModule = Promise<{ Component: ComponentType }>;

/** Each page's chunk, by the paths it serves (most specific first, as `useRoutes` ranks them). */
const PAGES: { path: string; load: () => PageModule }[] = [
  { path: '/', load: () => import('./pages/plans-route') },
  { path: '/shared', load: () => import('./pages/shared-route') },
  { path: '/plans/:planId/print', load: () => import('./pages/print-route') },
  { path: '/plans/:planId/live', load: () => import('./pages/live-route') },
  { path: '/plans/:planId/*', load: () => import('./pages/plan-route') },
  { path: '*', load: () => import('./pages/not-found-route') },
];

const pageElement = (load: () => PageModule) => {
  const Page = lazy(() => load().then((module) => ({ default: module.Component })));
  return <Page />;
};

const page = (path: string) => {
  const entry = PAGES.find((p) => p.path === path)!;
  return pageElement(entry.load);
};

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: page('/') },
      { path: 'shared', element: page('/shared') },
      { path: 'plans/:planId/print', element: page('/plans/:planId/print') },
      { path: 'plans/:planId/live', element: page('/plans/:planId/live') },
      { path: 'plans/:planId/*', element: page('/plans/:planId/*') },
      { path: '*', element: page('*') },
    ],
  },
];

/**
 * Starts downloading the page for `pathname` at once, before the translations have loaded and
 * the first render asks for it: the two downloads run side by side instead of one after the
 * other. The module loader keeps the promise, so the page's `lazy` gets the same download.
 */
export function preloadPage(pathname: string): void {
  void pageFor(pathname)
    ?.load()
    .catch(() => {
      // A failed download is retried, and reported, when the page itself is rendered.
    });
}

/** The page that serves `pathname` (the first pattern that matches, as listed above). */
export function pageFor(pathname: string): { path: string; load: () => PageModule } | undefined {
  return PAGES.find((p) => matchPath({ path: p.path, end: true }, pathname));
}

export function AppRoutes() {
  return useRoutes(routes);
}
