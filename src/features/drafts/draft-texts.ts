import type { ParseKeys } from 'i18next';
import type { DraftField, DraftId } from '@/plan/drafts';

type DraftKey = ParseKeys<'drafts'>;

/**
 * Each draft's texts in the `drafts` namespace: its name, its subject line (only the drafts sent
 * by e-mail have one, as `hasSubject` says) and its body.
 */
export const DRAFT_TEXTS: Readonly<
  Record<DraftId, { name: DraftKey; subject: DraftKey | null; body: DraftKey }>
> = {
  parents: { name: 'parents.name', subject: 'parents.subject', body: 'parents.body' },
  invitation: { name: 'invitation.name', subject: 'invitation.subject', body: 'invitation.body' },
  pitch: { name: 'pitch.name', subject: 'pitch.subject', body: 'pitch.body' },
  social: { name: 'social.name', subject: null, body: 'social.body' },
  talkingPoints: { name: 'talkingPoints.name', subject: null, body: 'talkingPoints.body' },
  pressRelease: {
    name: 'pressRelease.name',
    subject: 'pressRelease.subject',
    body: 'pressRelease.body',
  },
  proclamation: { name: 'proclamation.name', subject: null, body: 'proclamation.body' },
  opEd: { name: 'opEd.name', subject: 'opEd.subject', body: 'opEd.body' },
  officialPosts: { name: 'officialPosts.name', subject: null, body: 'officialPosts.body' },
};

/** What a draft says is missing from the plan's details ("a contact phone"). */
export const MISSING_TEXTS: Readonly<Record<DraftField, ParseKeys>> = {
  title: 'draft.missing.title',
  date: 'draft.missing.date',
  time: 'draft.missing.time',
  place: 'draft.missing.place',
  contactName: 'draft.missing.contactName',
  contactPhone: 'draft.missing.contactPhone',
};
