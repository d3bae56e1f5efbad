import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { findUnsavedEdit, focusUnsavedEdit } from '@/ui/unsaved-edit';
import { Button } from '@/ui/button';

/**
 * Registers the service worker (offline use) and says when a new version is ready, with a reload
 * the user chooses. Before reloading, pending edits are written, and a field being edited is
 * committed (the click on Reload has already taken focus from it). A form still holding unsaved
 * typing (the step editor, a new name) stops the reload: the user is sent back to it to save or
 * cancel, and reloads after. Loaded once the first page is up (app-status.tsx).
 */
export function UpdateNotice() {
  const { t } = useTranslation();
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
    // Pending edits are written first. The store is in already, as a rule (the plans page's list
    // and every other page load it); should it not be, there is nothing to write, and the update
    // goes ahead either way.
    void import('@/store/plans-store')
      .then(({ plansStore }) => plansStore.flush())
      .catch(() => {})
      .finally(() => void updateServiceWorker(true));
  };

  if (!needRefresh) return null;
  return (
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
  );
}
