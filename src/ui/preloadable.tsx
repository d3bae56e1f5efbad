import { lazy, useState, type ComponentType } from 'react';
import { renewOnRetry } from './retry-failed';

/**
 * A component whose code loads apart (like `React.lazy`), with a way to load it ahead. Once its
 * code is in (preloaded before it first renders), it renders at once; otherwise it suspends like
 * any lazy component. This matters on a page that has just started: a component that suspends,
 * even on code already downloaded, shows its fallback first, and React holds the reveal back for
 * a moment (its Suspense throttling). A download that failed is shown as an error (to the nearest
 * error boundary) and tried again when the user asks (ui/retry-failed.ts); React.lazy alone would
 * keep the failure for good.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>) {
  let Loaded: ComponentType<P> | null = null;
  const preload = () =>
    load().then(
      (component) => {
        Loaded = component;
        return { default: component };
      },
      (error: unknown) => {
        renewOnRetry(() => (Lazy = lazy(preload)));
        throw error;
      },
    );
  let Lazy = lazy(preload);
  function Preloaded(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded component would
    // mount the content afresh, losing its state.
    const [Current] = useState<ComponentType<P>>(() => Loaded ?? (Lazy as ComponentType<P>));
    return <Current {...props} />;
  }
  return { Component: Preloaded, preload };
}
