import { NotFoundPage } from '@/ui/not-found-page';

export function Component() {
  return <NotFoundPage />;
}
