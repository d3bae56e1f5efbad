import { useState } from 'react';

/** Component tests run without a service worker: nothing to update, nothing offline-ready. */
export function useRegisterSW() {
  return {
    needRefresh: useState(false),
    offlineReady: useState(false),
    updateServiceWorker: async () => {},
  };
}
