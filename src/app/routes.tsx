import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageLoading } from '@/components/page-loading';
import { Layout } from './layout';
import { RouteError } from './route-error';

/*
 * Every page is its own chunk (`lazy`): the first download holds only the frame and the page
 * the user opened.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: RouteError,
    HydrateFallback: PageLoading,
    children: [
      { index: true, lazy: () => import('./pages/plans-route') },
      { path: 'shared', lazy: () => import('./pages/shared-route') },
      { path: 'plans/:planId/print', lazy: () => import('./pages/print-route') },
      { path: 'plans/:planId/live', lazy: () => import('./pages/live-route') },
      { path: 'plans/:planId/*', lazy: () => import('./pages/plan-route') },
      { path: '*', lazy: () => import('./pages/not-found-route') },
    ],
  },
];

export const router = createBrowserRouter(routes);
