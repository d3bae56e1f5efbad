import { oneLine } from './links';
import { planPath } from './paths';
import type { Plan, Step } from './schema';
import type { GuideTextKey } from './text';

/*
 * Ready drafts the guides keep asking for (a letter to parents, an invitation to speak, a media
 * pitch, social posts, talking points), filled from the plan. The texts live in
 * `locales/<lang>/drafts.json`; this module decides which steps offer which draft, what goes
 * into the placeholders, and how a draft becomes a mail link.
 */

export const DRAFT_IDS = [
  'parents',
  'invitation',
  'pitch',
  'social',
  'talkingPoints',
  // An elected official's own drafts (guide C), in the official's voice.
  'pressRelease',
  'proclamation',
  'opEd',
  'officialPosts',
] as const;
export type DraftId = (typeof DRAFT_IDS)[number];

export function isDraftId(value: unknown): value is DraftId {
  return typeof value === 'string' && (DRAFT_IDS as readonly string[]).includes(value);
}

/** Which checklist steps (by guide key) offer which drafts. */
export const DRAFTS_FOR_STEP: Readonly<Record<string, readonly DraftId[]>> = {
  'step.prepareParents': ['parents'],
  'step.prepareInviteSpeaker': ['invitation'],
  'step.mediaInvite': ['pitch'],
  'step.mediaFollowUp': ['pitch'],
  'step.mediaSocial': ['social'],
  'step.mediaAnswers': ['talkingPoints'],
  'step.afterShare': ['social'],
  // An official's plan speaks as the official, never as a school ("our students…").
  'step.officialProclamation': ['proclamation'],
  'step.officialOpEd': ['opEd'],
  'step.officialSpread': ['officialPosts'],
  'step.officialPressRelease': ['pressRelease'],
} satisfies Partial<Record<GuideTextKey, readonly DraftId[]>>;

/** Drafts that are sent by e-mail: letters, the pitch, the press release, the op-ed. */
const MAILED: readonly DraftId[] = ['parents', 'invitation', 'pitch', 'pressRelease', 'opEd'];

/** Drafts with a subject line (the ones sent by e-mail); the others are text only. */
export function hasSubject(id: DraftId): boolean {
  return MAILED.includes(id);
}

/**
 * Whether "Open in mail" and "Sent" make sense for a draft: only for what is sent by e-mail.
 * Posts are posted, talking points are kept at hand, a proclamation is signed.
 */
export function offersMail(id: DraftId): boolean {
  return MAILED.includes(id);
}

/** Drafts that are a set of separate posts, each copied on its own. */
export function isPostList(id: DraftId): boolean {
  return id === 'social' || id === 'officialPosts';
}

/**
 * Posts are kept in one text (as drafts were always stored), a line of `---` between two posts.
 * A post keeps its spaces and line breaks as typed (trimming would eat the space being typed at
 * its end); an empty text is one empty post.
 */
export const POST_SEPARATOR = '\n---\n';

export function splitPosts(body: string): string[] {
  return body.split(/\r?\n-{3,}[ \t]*\r?\n/);
}

export function joinPosts(posts: readonly string[]): string {
  return posts.join(POST_SEPARATOR);
}

/** `posts` with the post at `index` replaced by `text` (index past the end: nothing changes). */
export function replacePost(posts: readonly string[], index: number, text: string): string[] {
  return posts.map((post, i) => (i === index ? text : post));
}

/**
 * The drafts a step offers, by the guide key it came from: its `textKey`, or its `originKey`
 * once the user has reworded it, so editing the text keeps the draft. Keys come from stored
 * plans and files, so only the table's own entries count (never `constructor` and the like).
 */
export function draftsForStep(step: Pick<Step, 'textKey' | 'originKey'>): readonly DraftId[] {
  const key = step.textKey ?? step.originKey;
  return key && Object.hasOwn(DRAFTS_FOR_STEP, key) ? DRAFTS_FOR_STEP[key]! : [];
}

function stepsOffering(plan: Plan, id: DraftId): Step[] {
  return plan.checklist.sections.flatMap((section) =>
    section.steps.filter((step) => draftsForStep(step).includes(id)),
  );
}

/** Ids of the steps in the plan that offer this draft, in checklist order. */
export function stepsForDraft(plan: Plan, id: DraftId): string[] {
  return stepsOffering(plan, id).map((step) => step.id);
}

/**
 * The one step "Sent" ticks in a draft: the step the draft was opened from, when it offers this
 * draft (the media pitch serves both "invite the media" and "follow up"; only the one the
 * organizer came from is sent). Opened some other way, the first step offering it that is not
 * done yet, or the first of them when all are done. Null when no step offers it.
 */
export function sentStepFor(plan: Plan, id: DraftId, fromStepId: string | null): string | null {
  const steps = stepsOffering(plan, id);
  if (fromStepId !== null && steps.some((step) => step.id === fromStepId)) return fromStepId;
  return (steps.find((step) => !step.done) ?? steps[0])?.id ?? null;
}

/** The posts a plan shares: the official's own when the plan has them, else the school's. */
export function postsDraftFor(plan: Plan): DraftId {
  return stepsForDraft(plan, 'officialPosts').length > 0 ? 'officialPosts' : 'social';
}

/** The search parameter naming the step a draft was opened from. */
export const DRAFT_STEP_PARAM = 'step';

/** The address of a draft, opened from the step `stepId` (so "Sent" ticks that step). */
export function draftPath(planId: string, id: DraftId, stepId?: string): string {
  const path = planPath(planId, `/drafts/${id}`);
  return stepId
    ? `${path}?${new URLSearchParams({ [DRAFT_STEP_PARAM]: stepId }).toString()}`
    : path;
}

export type DraftField = 'title' | 'date' | 'time' | 'place' | 'contactName' | 'contactPhone';
export type DraftValues = Record<DraftField, string>;

/** Fields the organizer may not have filled in yet; a draft shows a visible mark instead. */
export const OPTIONAL_FIELDS = [
  'place',
  'contactName',
  'contactPhone',
] as const satisfies readonly DraftField[];

export interface DraftInput {
  title: string;
  date: string;
  time: string;
  place: string;
  contactName: string;
  contactPhone: string;
}

/**
 * The placeholder values, with `mark(field)` (e.g. "[add a contact phone in the plan's
 * details]") where the plan has nothing yet, and the list of what is missing.
 */
export function draftValues(
  input: DraftInput,
  mark: (field: DraftField) => string,
): { values: DraftValues; missing: DraftField[] } {
  const missing: DraftField[] = [];
  const values = { ...input } as DraftValues;
  for (const field of OPTIONAL_FIELDS) {
    if (!input[field].trim()) {
      missing.push(field);
      values[field] = mark(field);
    }
  }
  return { values, missing };
}

/** Mail programs and browsers reliably accept mailto links up to about 2,000 characters. */
export const MAX_MAILTO_LENGTH = 2000;

/**
 * A `mailto:` link with subject and body, encoded for any script (UTF-8, percent-encoded) and
 * with line breaks as CRLF in the body only (RFC 6068). Null when it would be longer than mail
 * programs accept.
 */
export function mailtoHref(subject: string, body: string): string | null {
  const encode = (text: string) => encodeURIComponent(text);
  const line = oneLine(subject);
  const params = [
    line ? `subject=${encode(line)}` : '',
    `body=${encode(body.replace(/\r?\n/g, '\r\n'))}`,
  ]
    .filter(Boolean)
    .join('&');
  const href = `mailto:?${params}`;
  return href.length > MAX_MAILTO_LENGTH ? null : href;
}
