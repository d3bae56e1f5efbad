import { PlanPage } from './plan-page';

export function Component() {
  return <PlanPage />;
}
