import type { ComponentType } from 'react';
import { matchPath, useRoutes, type RouteObject } from 'react-router';
import { withAllTexts } from '@/i18n/texts';
import { preloadable } from '@/ui/preloadable';
import { PreloadPageContext } from '@/ui/preload-page';
// The start fetches the plans page's list beside the page (boot.tsx), and waits for it only when
// there may be plans to list.
export { preloadPlanList } from '@/features/plans/lazy-plan-list';
export { getPlanCount } from '@/store/plan-count';
import { Layout } from './layout';
import { StageLayout } from './stage-layout';

/*
 * Every page is its own chunk: the first download holds only the frame and the page the user
 * opened. Declarative routes (`useRoutes`) rather than a data router: the app has no loaders or
 * actions, and the data router would add some 16 KB (gzipped) to the first page for nothing.
 */
type PageModule = Promise<{ Component: ComponentType }>;

/** A page's component and a way to load it ahead (before the first render: `preloadPage`). */
export function lazyPage(load: () => PageModule) {
  const { Component: Page, preload } = preloadable(() => load().then((module) => module.Component));
  return { Page, preload };
}

/**
 * Each page, by the paths it serves (most specific first, as `useRoutes` ranks them). The plans
 * page shows with the start texts alone; every other page waits for all the language's texts too
 * (i18n/texts.ts), whether it is the first page or one the user goes to.
 */
const PAGES = [
  { path: '/', ...lazyPage(() => import('./pages/plans-route')) },
  { path: '/shared', ...lazyPage(() => withAllTexts(import('./pages/shared-route'))) },
  {
    path: '/plans/:planId/print',
    ...lazyPage(() => withAllTexts(import('./pages/print-route'))),
  },
  {
    path: '/plans/:planId/live/*',
    ...lazyPage(() => withAllTexts(import('./pages/live-route'))),
  },
  {
    path: '/plans/:planId/stage',
    ...lazyPage(() => withAllTexts(import('./pages/stage-route'))),
  },
  { path: '/plans/:planId/*', ...lazyPage(() => withAllTexts(import('./pages/plan-route'))) },
  { path: '*', ...lazyPage(() => withAllTexts(import('./pages/not-found-route'))) },
];

const page = (path: string) => {
  const { Page } = PAGES.find((p) => p.path === path)!;
  return <Page />;
};

export const routes: RouteObject[] = [
  {
    path: '/',
    // Features ask for a page ahead of opening it (a new plan's page while its dialog is open).
    element: (
      <PreloadPageContext value={preloadAhead}>
        <Layout />
      </PreloadPageContext>
    ),
    children: [
      { index: true, element: page('/') },
      { path: 'shared', element: page('/shared') },
      { path: 'plans/:planId/print', element: page('/plans/:planId/print') },
      { path: 'plans/:planId/live/*', element: page('/plans/:planId/live/*') },
      { path: 'plans/:planId/*', element: page('/plans/:planId/*') },
      { path: '*', element: page('*') },
    ],
  },
  {
    // The stage screen, for a projector: no app chrome around it.
    path: '/plans/:planId/stage',
    element: <StageLayout />,
    children: [{ index: true, element: page('/plans/:planId/stage') }],
  },
];

/**
 * Downloads the page for `pathname` (and, for any page but the plans page, all the language's
 * texts), to be awaited next to the translations before the first render: they load side by
 * side, and the page then renders without a loading step. Never rejects: a failed download is
 * retried, and reported, when the page itself is rendered.
 */
export function preloadPage(pathname: string): Promise<void> {
  const entry = pageFor(pathname);
  return entry
    ? entry.preload().then(
        () => undefined,
        () => undefined,
      )
    : Promise.resolve();
}

function preloadAhead(pathname: string) {
  void preloadPage(pathname);
}

/** The page that serves `pathname` (the first pattern that matches, as listed above). */
export function pageFor(pathname: string) {
  return PAGES.find((p) => matchPath({ path: p.path, end: true }, pathname));
}

export function AppRoutes() {
  return useRoutes(routes);
}
