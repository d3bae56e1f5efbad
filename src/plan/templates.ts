import { GUIDE_LINKS } from './links';

/*
 * Templates built from the Hour of Code guides (shared/GUIDE.md). Texts are translation keys in
 * the `guide` namespace, so a plan made from a template follows the user's language until they
 * write their own text. Due offsets are days from the event date; where the guide names one (the
 * media two weeks before) we use it, the rest are our judgement and editable in the plan.
 */

export type TemplateId = 'school-assembly' | 'elected-official' | 'blank';

export interface TemplateStep {
  key: string;
  dueOffsetDays: number | null;
  link?: string;
  /** Further links of the step, named by a key under `guide:link.` */
  links?: { url: string; labelKey: string }[];
  optional?: boolean;
}

export interface TemplateSection {
  key: string;
  steps: TemplateStep[];
}

export interface TemplateItem {
  key: string;
  durationMinutes: number;
  link?: string;
}

export interface PlanTemplate {
  id: TemplateId;
  /** Keys under `guide:template.<nameKey>`: name, description, title, and (optionally) place. */
  nameKey: string;
  hasPlace: boolean;
  startTime: string;
  targetMinutes: number;
  sections: TemplateSection[];
  items: TemplateItem[];
}

const prepare: TemplateSection = {
  key: 'prepare',
  steps: [
    { key: 'prepareVenue', dueOffsetDays: -28 },
    { key: 'prepareInviteSpeaker', dueOffsetDays: -21, link: GUIDE_LINKS.sampleEmails },
    { key: 'prepareParents', dueOffsetDays: -14, link: GUIDE_LINKS.sampleEmails },
    { key: 'prepareActivities', dueOffsetDays: -7 },
  ],
};

const media: TemplateSection = {
  key: 'media',
  steps: [
    { key: 'mediaFindReporters', dueOffsetDays: -21, link: GUIDE_LINKS.pressKit },
    // Guide B: contact the media by email two weeks before the event.
    { key: 'mediaInvite', dueOffsetDays: -14, link: GUIDE_LINKS.sampleEmails },
    { key: 'mediaFollowUp', dueOffsetDays: -10 },
    { key: 'mediaSocial', dueOffsetDays: -7 },
    { key: 'mediaPhotos', dueOffsetDays: -3 },
    { key: 'mediaAnswers', dueOffsetDays: -3, link: GUIDE_LINKS.stats },
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
  steps: [
    'ideaIndustry',
    'ideaPolitician',
    'ideaUnplugged',
    'ideaTeachPrincipal',
    'ideaProjects',
  ].map((key) => ({ key, dueOffsetDays: 0, optional: true })),
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
    { key: 'officialRecruit', dueOffsetDays: -30, link: GUIDE_LINKS.howTo },
    { key: 'officialHost', dueOffsetDays: -28, link: GUIDE_LINKS.eventsGuide },
    { key: 'officialAttend', dueOffsetDays: 0, link: GUIDE_LINKS.eventsMap },
    { key: 'officialProclamation', dueOffsetDays: -14, link: GUIDE_LINKS.proclamation },
    { key: 'officialOpEd', dueOffsetDays: -10, link: GUIDE_LINKS.opEd },
    { key: 'officialSpread', dueOffsetDays: -7, link: GUIDE_LINKS.home },
    { key: 'officialPressRelease', dueOffsetDays: -3, link: GUIDE_LINKS.pressRelease },
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
    nameKey: 'schoolAssembly',
    hasPlace: true,
    startTime: '10:00',
    targetMinutes: 60,
    sections: [prepare, media, during, ideas, after],
    items: assemblyItems,
  },
  {
    id: 'elected-official',
    nameKey: 'electedOfficial',
    hasPlace: false,
    startTime: '10:00',
    targetMinutes: 60,
    sections: [official, during, ideas],
    items: [],
  },
  {
    id: 'blank',
    nameKey: 'blank',
    hasPlace: false,
    startTime: '10:00',
    targetMinutes: 60,
    sections: [],
    items: [],
  },
];

export function findTemplate(id: string): PlanTemplate | undefined {
  return TEMPLATES.find((template) => template.id === id);
}
