import { PlanPage } from '@/features/plan/plan-page';

export function Component() {
  return <PlanPage />;
}
