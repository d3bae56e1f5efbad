import { useEffect, useState } from 'react';

export type WakeLockState = 'on' | 'unsupported' | 'failed' | 'off';

/**
 * Asks the browser to keep the screen on while `active` (the Screen Wake Lock API). Browsers
 * release the lock when the page is hidden, so it is asked for again when the page comes back.
 */
export function useWakeLock(active: boolean): WakeLockState {
  const supported = typeof navigator !== 'undefined' && 'wakeLock' in navigator;
  const [state, setState] = useState<WakeLockState>(supported ? 'off' : 'unsupported');
  useEffect(() => {
    if (!active || !supported) return;
    let sentinel: WakeLockSentinel | null = null;
    let cancelled = false;
    const request = async () => {
      try {
        const lock = await navigator.wakeLock.request('screen');
        if (cancelled) {
          void lock.release();
          return;
        }
        sentinel = lock;
        setState('on');
        lock.addEventListener('release', () => {
          if (!cancelled) setState('off');
        });
      } catch {
        if (!cancelled) setState('failed');
      }
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible' && (!sentinel || sentinel.released))
        void request();
    };
    void request();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', onVisible);
      void sentinel?.release();
    };
  }, [active, supported]);
  return active ? state : supported ? 'off' : 'unsupported';
}
