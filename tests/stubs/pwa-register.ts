import { useState } from 'react';

/*
 * Component tests run without a service worker: by default nothing to update, nothing
 * offline-ready. A test that needs a new version waiting sets `serviceWorker` (the app reads it
 * when it mounts); the setup file puts it back after each test, so the next file in the worker
 * starts without one. No `vi.mock` needed, so such a test shares its worker with the others.
 */
const NONE = { needRefresh: false, offlineReady: false, updateServiceWorker: async () => {} };

export const serviceWorker: {
  needRefresh: boolean;
  offlineReady: boolean;
  updateServiceWorker: (reloadPage?: boolean) => Promise<void>;
} = { ...NONE };

export function resetServiceWorker() {
  Object.assign(serviceWorker, NONE);
}

export function useRegisterSW() {
  return {
    needRefresh: useState(serviceWorker.needRefresh),
    offlineReady: useState(serviceWorker.offlineReady),
    updateServiceWorker: serviceWorker.updateServiceWorker,
  };
}
