import { LivePage } from '@/features/live/live-page';

export function Component() {
  return <LivePage />;
}
