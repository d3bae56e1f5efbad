import { GUIDE_LINKS } from './links';
import type { ItemName, LinkLabelKey, SectionName, StepName } from './text';

/*
 * Templates built from the Hour of Code guides (shared/GUIDE.md). Texts are translation keys in
 * the `guide` namespace, so a plan made from a template follows the user's language until they
 * write their own text. Due offsets are days from the event date; where the guide names one (the
 * media two weeks before) we use it, the rest are our judgement and editable in the plan.
 */

export type TemplateId = 'school-assembly' | 'elected-official' | 'blank';

export interface TemplateStep {
  key: StepName;
  dueOffsetDays: number | null;
  link?: string;
  /** Further links of the step, named by a key under `guide:link.` */
  links?: { url: string; labelKey: LinkLabelKey }[];
  optional?: boolean;
}

export interface TemplateSection {
  key: SectionName;
  steps: TemplateStep[];
}

export interface TemplateItem {
  key: ItemName;
  durationMinutes: number;
  link?: string;
}

export interface PlanTemplate {
  /** Its name, description and default title (and place) are texts of the plans page. */
  id: TemplateId;
  startTime: string;
  targetMinutes: number;
  sections: TemplateSection[];
  items: TemplateItem[];
}

const prepare: TemplateSection = {
  key: 'prepare',
  steps: [
    { key: 'prepareVenue', dueOffsetDays: -28 },
    {
      key: 'prepareInviteSpeaker',
      dueOffsetDays: -21,
      link: GUIDE_LINKS.sampleEmails,
      // The step's text names the toolkit for hosting an elected official: link it.
      links: [{ url: GUIDE_LINKS.officialToolkit, labelKey: 'link.officialToolkit' }],
    },
    { key: 'prepareParents', dueOffsetDays: -14, link: GUIDE_LINKS.sampleEmails },
    { key: 'prepareActivities', dueOffsetDays: -7 },
  ],
};

const media: TemplateSection = {
  key: 'media',
  steps: [
    {
      key: 'mediaFindReporters',
      dueOffsetDays: -21,
      link: GUIDE_LINKS.pressKit,
      links: [{ url: GUIDE_LINKS.pressContact, labelKey: 'link.pressContact' }],
    },
    // Guide B: contact the media by email two weeks before the event.
    { key: 'mediaInvite', dueOffsetDays: -14, link: GUIDE_LINKS.sampleEmails },
    { key: 'mediaFollowUp', dueOffsetDays: -10 },
    { key: 'mediaSocial', dueOffsetDays: -7 },
    { key: 'mediaPhotos', dueOffsetDays: -3 },
    {
      key: 'mediaAnswers',
      dueOffsetDays: -3,
      link: GUIDE_LINKS.stats,
      links: [
        { url: GUIDE_LINKS.pressKit, labelKey: 'link.pressKit' },
        { url: GUIDE_LINKS.pressContact, labelKey: 'link.pressContact' },
      ],
    },
  ],
};

const during: TemplateSection = {
  key: 'during',
  steps: [
    { key: 'duringVideo', dueOffsetDays: 0, link: GUIDE_LINKS.videos },
    { key: 'duringIntro', dueOffsetDays: 0, link: GUIDE_LINKS.stats },
  ],
};

const ideas: TemplateSection = {
  key: 'ideas',
  steps: (
    [
      'ideaIndustry',
      'ideaPolitician',
      'ideaUnplugged',
      'ideaTeachPrincipal',
      'ideaProjects',
    ] as const
  ).map((key) => ({ key, dueOffsetDays: 0, optional: true })),
};

const after: TemplateSection = {
  key: 'after',
  steps: [
    { key: 'afterShare', dueOffsetDays: 1 },
    { key: 'afterWebsite', dueOffsetDays: 3 },
  ],
};

const official: TemplateSection = {
  key: 'official',
  steps: [
    { key: 'officialOnePager', dueOffsetDays: -35, link: GUIDE_LINKS.onePager },
    // Guide C step 2 gives three links: a sample email, a stats blurb, a how-to for schools.
    {
      key: 'officialRecruit',
      dueOffsetDays: -30,
      link: GUIDE_LINKS.sampleEmails,
      links: [
        { url: GUIDE_LINKS.stats, labelKey: 'link.statsBlurb' },
        { url: GUIDE_LINKS.howTo, labelKey: 'link.howToSchools' },
      ],
    },
    {
      key: 'officialHost',
      dueOffsetDays: -28,
      link: GUIDE_LINKS.eventsGuide,
      links: [
        { url: GUIDE_LINKS.pressKit, labelKey: 'link.pressKit' },
        { url: GUIDE_LINKS.officialToolkit, labelKey: 'link.officialToolkit' },
      ],
    },
    { key: 'officialAttend', dueOffsetDays: 0, link: GUIDE_LINKS.eventsMap },
    { key: 'officialProclamation', dueOffsetDays: -14, link: GUIDE_LINKS.proclamation },
    { key: 'officialOpEd', dueOffsetDays: -10, link: GUIDE_LINKS.opEd },
    // The sample posts themselves are the step's draft (plan/drafts.ts).
    {
      key: 'officialSpread',
      dueOffsetDays: -7,
      link: GUIDE_LINKS.shareVideo,
      links: [{ url: GUIDE_LINKS.postSupport, labelKey: 'link.postSupport' }],
    },
    {
      key: 'officialPressRelease',
      dueOffsetDays: -3,
      link: GUIDE_LINKS.pressRelease,
      links: [{ url: GUIDE_LINKS.pressContact, labelKey: 'link.pressContact' }],
    },
    { key: 'officialConnect', dueOffsetDays: 7, link: GUIDE_LINKS.advocacy },
  ],
};

/** The guide's example run of show: 10:00–11:05 in six parts. */
const assemblyItems: TemplateItem[] = [
  { key: 'video', durationMinutes: 5, link: GUIDE_LINKS.videos },
  { key: 'principal', durationMinutes: 10, link: GUIDE_LINKS.stats },
  { key: 'guest', durationMinutes: 15 },
  { key: 'demo', durationMinutes: 10 },
  { key: 'unplugged', durationMinutes: 20 },
  { key: 'closing', durationMinutes: 5 },
];

export const TEMPLATES: readonly PlanTemplate[] = [
  {
    id: 'school-assembly',
    startTime: '10:00',
    // The guide's example says "approximately 1 hour" and its run of show runs 10:00–11:05:
    // the planned length is the agenda's own, so a new plan starts in line, not 5 min over.
    targetMinutes: 65,
    sections: [prepare, media, during, ideas, after],
    items: assemblyItems,
  },
  {
    id: 'elected-official',
    startTime: '10:00',
    targetMinutes: 60,
    sections: [official, during, ideas],
    items: [],
  },
  {
    id: 'blank',
    startTime: '10:00',
    targetMinutes: 60,
    sections: [],
    items: [],
  },
];

export function findTemplate(id: string): PlanTemplate | undefined {
  return TEMPLATES.find((template) => template.id === id);
}

/**
 * Every guide text key a plan may hold (`section.*`, `step.*`, `item.*`, `link.*`): a key read from a file,
 * a link or storage must be one of these (see `withKnownKeys` in restore.ts). The keys written here
 * are typed (`GuideTextKey`); the set is for what the compiler can't see, the keys read at run time.
 */
export const GUIDE_TEXT_KEYS: ReadonlySet<string> = new Set(
  TEMPLATES.flatMap((template) => [
    ...template.sections.flatMap((section) => [
      `section.${section.key}`,
      ...section.steps.flatMap((step) => [
        `step.${step.key}`,
        ...(step.links ?? []).map((link) => link.labelKey),
      ]),
    ]),
    ...template.items.map((item) => `item.${item.key}`),
  ]),
);
