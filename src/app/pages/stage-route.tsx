import { StagePage } from '@/features/live/stage-page';

export function Component() {
  return <StagePage />;
}
