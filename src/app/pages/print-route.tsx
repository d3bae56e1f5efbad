import { PrintPage } from '@/features/print/print-page';

export function Component() {
  return <PrintPage />;
}
