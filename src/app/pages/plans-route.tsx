import { PlansPage } from '@/features/plans/plans-page';

export function Component() {
  return <PlansPage />;
}
