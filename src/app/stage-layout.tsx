import { Suspense } from 'react';
import { Outlet, useLocation } from 'react-router';
import { PageLoading } from '@/ui/page-loading';
import { RouteErrorBoundary } from './route-error';

/**
 * The frame of the stage screen: no header, menus or footer, only the screen itself (it is
 * shown on a projector). The page brings its own `main` and live region.
 */
export function StageLayout() {
  const { pathname } = useLocation();
  return (
    <RouteErrorBoundary resetKey={pathname}>
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </RouteErrorBoundary>
  );
}
