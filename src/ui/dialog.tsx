import { clsx } from 'clsx';
import { useEffect, useRef, type ReactNode } from 'react';

// Its sheet, dialog.css beside it, loads with the first page (main.tsx): `.dialog__actions` and
// the template picker are used by forms that are not in a dialog too.

/**
 * Opens and closes a native modal `<dialog>` as `open` says. The platform does the rest: focus
 * moves in and stays, Escape closes it (its `close` event, which the owner turns into `open`
 * false), the page behind is inert, and closing gives focus back to what had it before.
 */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}

/**
 * A modal dialog whose content exists only while it is open (so each opening starts afresh).
 * `onClose` runs when it closes by itself: Escape, or a `<form method="dialog">`.
 */
export function Dialog({
  open,
  onClose,
  labelledBy,
  wide = false,
  children,
}: {
  open: boolean;
  onClose: () => void;
  /** The id of the dialog's heading, which names it. */
  labelledBy: string;
  /** Room for a preview (the guide import). */
  wide?: boolean;
  children: ReactNode;
}) {
  const ref = useModalDialog(open);
  return (
    <dialog
      ref={ref}
      className={clsx('dialog', wide && 'dialog--wide')}
      aria-labelledby={labelledBy}
      onClose={onClose}
    >
      {open && children}
    </dialog>
  );
}
