import { useEffect, useState } from 'react';

/*
 * One polite live region for the whole app: actions whose result isn't otherwise announced
 * (an item moved, a step re-ordered) tell screen-reader users what happened.
 */
type Listener = (message: string) => void;
const listeners = new Set<Listener>();

export function announce(message: string) {
  for (const listener of listeners) listener(message);
}

export function Announcer() {
  const [message, setMessage] = useState('');
  useEffect(() => {
    const listener: Listener = (next) => {
      // Clearing first makes a repeated message ("Moved to position 2") announce again.
      setMessage('');
      window.setTimeout(() => setMessage(next), 50);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
