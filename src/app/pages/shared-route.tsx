import { SharedPlanPage } from '@/features/share/shared-plan-page';

export function Component() {
  return <SharedPlanPage />;
}
