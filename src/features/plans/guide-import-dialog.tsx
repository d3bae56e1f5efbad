import { lazy, Suspense, useEffect, useRef } from 'react';
import { PageLoading } from '@/components/page-loading';

/** What opened the dialog: the create dialog's button (choose files or paste), or a drop. */
export interface GuideRequest {
  /** A new number for each request: the dialog starts afresh. */
  id: number;
  /** Dropped guide files, read at once; none: the dialog offers the picker and paste. */
  files?: File[];
  /** The event date the create dialog had, for the guide's date tags. */
  eventDate?: string;
}

// The dialog's content and preview, then the importer, load when it opens, not with the page.
const GuideImport = lazy(() => import('./guide-import').then((m) => ({ default: m.GuideImport })));

/**
 * "Start from a guide file": the guide files are read, shown in a preview, and only "Create plan"
 * saves anything.
 */
export function GuideImportDialog({
  request,
  onClose,
}: {
  request: GuideRequest | null;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const open = request !== null;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog dialog--wide"
      aria-labelledby="guide-import-title"
      onClose={onClose}
    >
      {request && (
        <Suspense fallback={<PageLoading />}>
          <GuideImport key={request.id} request={request} onCancel={onClose} />
        </Suspense>
      )}
    </dialog>
  );
}
