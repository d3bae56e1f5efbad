import { Suspense, useState, type ReactNode } from 'react';

/**
 * A dialog whose code loads when it is first opened (its component is a `React.lazy` one), not
 * with the page. Until the code is in, nothing shows and the button that opened it keeps focus;
 * then the dialog opens and takes focus as any dialog does (ui/dialog.tsx). From then on it stays
 * mounted, like a dialog that came with the page: closing it gives focus back to the button,
 * which a dialog removed from the page could not do.
 */
export function LoadWhenOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened ? <Suspense fallback={null}>{children}</Suspense> : null;
}
