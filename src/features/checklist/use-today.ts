import { useEffect, useState } from 'react';

/** Today's date, renewed when the day changes (a plan left open overnight shows new lateness). */
export function useToday(): Date {
  const [today, setToday] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => {
      const now = new Date();
      setToday((prev) => (prev.toDateString() === now.toDateString() ? prev : now));
    }, 60_000);
    return () => window.clearInterval(id);
  }, []);
  return today;
}
