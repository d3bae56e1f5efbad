import { lazy, Suspense } from 'react';
import { withAllTexts } from '@/i18n/texts';
import { Dialog } from '@/ui/dialog';
import { PageLoading } from '@/ui/page-loading';

/** What opened the dialog: the create dialog's button (choose files or paste), or a drop. */
export interface GuideRequest {
  /** A new number for each request: the dialog starts afresh. */
  id: number;
  /** Dropped guide files, read at once; none: the dialog offers the picker and paste. */
  files?: File[];
  /** The event date the create dialog had, for the guide's date tags. */
  eventDate?: string;
}

// The dialog's content and preview, then the importer, load when it opens, not with the page,
// and with all the language's texts (the first page starts with fewer: i18n/texts.ts).
const GuideImport = lazy(() =>
  withAllTexts(import('./guide-import')).then((m) => ({ default: m.GuideImport })),
);

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
  return (
    <Dialog open={request !== null} onClose={onClose} labelledBy="guide-import-title" wide>
      {request && (
        <Suspense fallback={<PageLoading />}>
          <GuideImport key={request.id} request={request} onCancel={onClose} />
        </Suspense>
      )}
    </Dialog>
  );
}
