import type { ParseKeys } from 'i18next';
import type { TemplateId } from '@/plan/templates';

type GuideKey = ParseKeys<'guide'>;

/**
 * How the create dialog names each template (`guide` namespace), and the title and place a new
 * plan from it starts with (`place: null`: the template suggests none).
 */
export const TEMPLATE_TEXTS: Readonly<
  Record<
    TemplateId,
    { name: GuideKey; description: GuideKey; title: GuideKey; place: GuideKey | null }
  >
> = {
  'school-assembly': {
    name: 'template.schoolAssembly.name',
    description: 'template.schoolAssembly.description',
    title: 'template.schoolAssembly.title',
    place: 'template.schoolAssembly.place',
  },
  'elected-official': {
    name: 'template.electedOfficial.name',
    description: 'template.electedOfficial.description',
    title: 'template.electedOfficial.title',
    place: null,
  },
  blank: {
    name: 'template.blank.name',
    description: 'template.blank.description',
    title: 'template.blank.title',
    place: null,
  },
};
