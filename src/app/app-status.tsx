import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { plansStore } from '@/store/plans-store';
import { findUnsavedEdit, focusUnsavedEdit } from '@/ui/unsaved-edit';
import { Button } from '@/ui/button';
import './app-status.css';

/**
 * Two small notices in the frame: "offline, everything still works", and "a new version is
 * ready" with a reload the user chooses. Before reloading, pending edits are written, and a
 * field being edited is committed (the click on Reload has already taken focus from it). A form
 * still holding unsaved typing (the step editor, a new name) stops the reload: the user is sent
 * back to it to save or cancel, and reloads after.
 */
export function AppStatus() {
  const { t } = useTranslation();
  const online = useOnline();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });

  const [unsaved, setUnsaved] = useState(false);

  const reload = () => {
    const open = findUnsavedEdit();
    if (open) {
      setUnsaved(true);
      focusUnsavedEdit(open);
      return;
    }
    setUnsaved(false);
    (document.activeElement as HTMLElement | null)?.blur?.();
    plansStore.flush();
    void updateServiceWorker(true);
  };

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
      {needRefresh && (
        <div className="update-notice" role="status">
          <p>{t('pwa.updateReady')}</p>
          {unsaved && (
            <p className="update-notice__warning" role="alert">
              {t('pwa.unsavedFirst')}
            </p>
          )}
          <Button variant="primary" onClick={reload}>
            {t('pwa.reload')}
          </Button>
          <Button variant="quiet" onClick={() => setNeedRefresh(false)}>
            {t('pwa.later')}
          </Button>
        </div>
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
