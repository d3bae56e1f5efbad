import { withAllTexts } from '@/i18n/texts';
import { useStorageProblems } from '@/store/storage-status';
import { LoadWhenOpened, retryableLazy } from '@/ui/lazy-dialog';

// The banners' code and texts load when a problem is first found: most visits never need them.
const StorageBanners = retryableLazy(() =>
  withAllTexts(import('./storage-banners')).then((m) => ({ default: m.StorageBanners })),
);

/**
 * Where the storage problems show (storage-banners.tsx), once there is one. Should their code
 * not download, a notice says that a part of the planner could not be loaded, with Try again.
 */
export function StorageBanner() {
  const problems = useStorageProblems();
  return (
    <LoadWhenOpened open={problems.length > 0}>
      <StorageBanners />
    </LoadWhenOpened>
  );
}
