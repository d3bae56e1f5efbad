import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NotLoaded, retryableLazy } from '@/ui/lazy-dialog';
import { whenIdle } from '@/ui/when-idle';
import './app-status.css';

// The service worker's registration and the update notice load once the first page is up and the
// browser is idle: the page does not wait for them (the worker only matters for the next visit).
const UpdateNotice = retryableLazy(() =>
  import('./update-notice').then((m) => ({ default: m.UpdateNotice })),
);

/**
 * Two small notices in the frame: "offline, everything still works", and "a new version is
 * ready" with a reload the user chooses (update-notice.tsx).
 */
export function AppStatus() {
  const { t } = useTranslation();
  const online = useOnline();
  const [registering, setRegistering] = useState(false);
  useEffect(() => whenIdle(() => setRegistering(true), { fallback: 300 }), []);

  return (
    <div className="app-status no-print">
      <div role="status" className="app-status__region">
        {!online && (
          <p className="offline-pill">
            <span aria-hidden="true">●</span>{' '}
            {t(navigator.serviceWorker?.controller ? 'pwa.offline' : 'pwa.offlineNotKept')}
          </p>
        )}
      </div>
      {registering && (
        // Nothing, should its code not download: the user asked for nothing.
        <NotLoaded quiet>
          <Suspense fallback={null}>
            <UpdateNotice />
          </Suspense>
        </NotLoaded>
      )}
    </div>
  );
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() =>
    typeof navigator === 'undefined' ? true : navigator.onLine,
  );
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
