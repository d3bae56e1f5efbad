import { useTranslation } from 'react-i18next';
import type { StepLink } from '@/plan/schema';
import { SafeLink } from '@/ui/safe-link';
import { storedGuideKey } from '@/ui/hooks/use-guide-translate';

/** What a further link is called: its guide key in the active language, its own label, or its host. */
function useLinkLabel(): (link: StepLink) => string {
  const { t } = useTranslation('guide');
  return (link) => {
    if (link.labelKey)
      return t(storedGuideKey(link.labelKey), { defaultValue: link.label || link.url });
    if (link.label) return link.label;
    try {
      return new URL(link.url).host || link.url;
    } catch {
      return link.url;
    }
  };
}

/** The further links a step carries (the main one is shown by the row), each through SafeLink. */
export function StepLinks({ links }: { links: readonly StepLink[] }) {
  const label = useLinkLabel();
  if (links.length === 0) return null;
  return (
    <>
      {links.map((link, index) => (
        <SafeLink key={`${index}-${link.url}`} href={link.url}>
          {label(link)}
        </SafeLink>
      ))}
    </>
  );
}
