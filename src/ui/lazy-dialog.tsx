import {
  Component,
  Suspense,
  useState,
  type ComponentProps,
  type ComponentType,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { preloadable } from './preloadable';
import { retryFailedLoads } from './retry-failed';

/**
 * `React.lazy`, but a download that failed is tried again when the user asks (ui/retry-failed.ts:
 * "Try again", a new visit), rather than failing for good for the rest of the visit (React keeps
 * a lazy component's first outcome); and with `preload`, to fetch it ahead: once its code is in,
 * it renders at once, without the moment (about 300 ms) React holds back what suspended
 * (`preloadable`, ui/preloadable.tsx).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component, as React.lazy takes
export function retryableLazy<T extends ComponentType<any>>(
  load: () => Promise<{ default: T }>,
): ComponentType<ComponentProps<T>> & { preload: () => Promise<unknown> } {
  const { Component, preload } = preloadable(() =>
    load().then((module) => module.default as ComponentType<ComponentProps<T>>),
  );
  return Object.assign(Component, { preload });
}

/**
 * A dialog whose code loads when it is first opened (a `retryableLazy` component), not with the
 * page. Until the code is in, nothing shows and the button that opened it keeps focus; then the
 * dialog opens and takes focus as any dialog does (ui/dialog.tsx). From then on it stays
 * mounted, like a dialog that came with the page: closing it gives focus back to the button,
 * which a dialog removed from the page could not do. Should the code not download (offline
 * before the service worker had it), a notice says so with "Try again", and the page stays.
 */
export function LoadWhenOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened ? (
    <NotLoaded>
      <Suspense fallback={null}>{children}</Suspense>
    </NotLoaded>
  ) : null;
}

/**
 * Its content, or, should the content's code not download (offline before the service worker
 * kept it), a notice that says so with "Try again"; `quiet`: nothing instead (for what the user
 * did not ask for, such as the update notice: the next visit tries again).
 */
export class NotLoaded extends Component<
  { children: ReactNode; quiet?: boolean },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (this.state.failed && this.props.quiet) return null;
    return this.state.failed ? (
      <NotLoadedNotice
        onRetry={() => {
          retryFailedLoads();
          this.setState({ failed: false });
        }}
      />
    ) : (
      this.props.children
    );
  }
}

function NotLoadedNotice({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      <p>{t('error.partNotLoaded')}</p>
      <Button onClick={onRetry}>{t('error.tryAgain')}</Button>
    </div>
  );
}
