import { useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { PlanDocument, type DocumentOptions } from '@/ui/plan-document';
import type { Plan } from '@/plan/schema';

const EVERYTHING: DocumentOptions = { checklist: true, doneSteps: true, notes: true };

/** True from the browser's "before print" to its "after print". */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // Synchronously: the page is laid out for paper right after this event returns.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

/**
 * An editing tab that prints as the plan document. Printed from the browser's menu or Ctrl+P,
 * the editor's fields and buttons make a poor page (and a long agenda has only the rows near
 * the screen in it), so the paper gets the whole plan as the Print page lays it out. The
 * document is made only while printing: it costs nothing the rest of the time.
 */
export function PrintsAsDocument({ plan, children }: { plan: Plan; children: ReactNode }) {
  const printing = usePrinting();
  return (
    <>
      <div className="no-print">{children}</div>
      {printing && (
        <div className="print-only">
          <PlanDocument plan={plan} options={EVERYTHING} />
        </div>
      )}
    </>
  );
}
