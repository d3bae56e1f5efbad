import type { ParseKeys, TFunction } from 'i18next';
import type { PlanFileError } from '@/plan/file-format';
import type { PlanIssue } from '@/plan/restore';
import { LIMITS } from '@/plan/schema';

/*
 * Why a file or link was refused, in the user's language, naming the place of the problem:
 * "Run of show, item 3: the length must be whole minutes from 1 to 720."
 */

/** A field of a plan (as named in a refused file's path) → its name in messages. */
const FIELD_KEYS: Readonly<Record<string, ParseKeys>> = {
  title: 'fileError.field.title',
  text: 'fileError.field.text',
  durationMinutes: 'fileError.field.duration',
  dueOffsetDays: 'fileError.field.due',
  owner: 'fileError.field.who',
  who: 'fileError.field.who',
  note: 'fileError.field.note',
  notes: 'fileError.field.notes',
  link: 'fileError.field.link',
  fixedStart: 'fileError.field.fixedStart',
  done: 'fileError.field.done',
  doneAt: 'fileError.field.done',
  id: 'fileError.field.id',
  date: 'fileError.field.date',
  startTime: 'fileError.field.startTime',
  place: 'fileError.field.place',
  targetMinutes: 'fileError.field.targetMinutes',
  contactName: 'fileError.field.contactName',
  contactPhone: 'fileError.field.contactPhone',
  participants: 'fileError.field.participants',
  steps: 'fileError.field.steps',
  items: 'fileError.field.items',
  sections: 'fileError.field.sections',
};

/** A field's name in messages ("the length", "who"); null for a field without one. */
export function fieldLabel(field: string, t: TFunction): string | null {
  // Own keys only: a field of a copy may be named like one of Object's ("toString").
  const key = Object.hasOwn(FIELD_KEYS, field) ? FIELD_KEYS[field] : undefined;
  return key ? t(key) : null;
}

function place(fullPath: PlanIssue['path'], t: TFunction): string {
  // In a backup of several plans: "Plan 2 – Run of show, item 3".
  if (fullPath[0] === 'plans' && typeof fullPath[1] === 'number') {
    return t('fileError.place.inBackup', {
      n: fullPath[1] + 1,
      place: place(fullPath.slice(2), t),
    });
  }
  const path = fullPath;
  const [head, second, third, fourth, fifth] = path;
  if (head === 'runOfShow' && second === 'items' && typeof third === 'number')
    return t('fileError.place.item', { n: third + 1 });
  if (head === 'checklist' && second === 'sections' && typeof third === 'number') {
    return fourth === 'steps' && typeof fifth === 'number'
      ? t('fileError.place.step', { section: third + 1, n: fifth + 1 })
      : t('fileError.place.section', { n: third + 1 });
  }
  if (head === 'event') return t('fileError.place.event');
  if (head === 'runOfShow') return t('fileError.place.runOfShow');
  if (head === 'checklist') return t('fileError.place.checklist');
  return t('fileError.place.plan');
}

function problem(issue: PlanIssue, t: TFunction): string {
  const field = [...issue.path].reverse().find((p): p is string => typeof p === 'string');
  const name = t(
    field !== undefined && Object.hasOwn(FIELD_KEYS, field)
      ? FIELD_KEYS[field]!
      : 'fileError.field.value',
  );
  if (field === 'durationMinutes')
    return t('fileError.problem.duration', { min: LIMITS.minDuration, max: LIMITS.maxDuration });
  switch (issue.code) {
    case 'too_deep':
      return t('hardening.tooDeep', { field: name });
    case 'too_many_values':
      return t('hardening.tooManyValues');
    case 'too_many_steps':
      return t('fileError.problem.tooManySteps', { max: LIMITS.maxSteps });
    case 'too_big':
      return t('fileError.problem.tooBig', { field: name });
    case 'too_small':
      return t('fileError.problem.tooSmall', { field: name });
    case 'invalid_type':
      return t('fileError.problem.type', { field: name });
    case 'invalid_format':
      return t('fileError.problem.format', { field: name });
    default:
      return t('fileError.problem.other', { field: name });
  }
}

/** What a register of the merge stamps belongs to, in words: "a step", "the event details". */
function stampedThing(key: string, t: TFunction): string {
  const kind = /^(step|item|section|run|draft|event|plan|order)[:.]/.exec(key)?.[1];
  switch (kind) {
    case 'step':
      return t('merge.fileError.thing.step');
    case 'item':
      return t('merge.fileError.thing.item');
    case 'section':
      return t('merge.fileError.thing.section');
    case 'run':
      return t('merge.fileError.thing.run');
    case 'draft':
      return t('merge.fileError.thing.draft');
    case 'event':
      return t('merge.fileError.thing.event');
    case 'order':
      return t('merge.fileError.thing.order');
    default:
      return t('merge.fileError.thing.plan');
  }
}

/**
 * A problem in the merge stamps (plan/stamps.ts), told without their inner names: which kind of
 * thing's record is damaged, or that a person's name is not valid.
 */
function syncProblem(path: PlanIssue['path'], t: TFunction): string {
  const at = path.indexOf('sync');
  const part = path[at + 1];
  const key = path[at + 2];
  if (part === 'names') return t('merge.fileError.name');
  if ((part === 'stamps' || part === 'gone' || part === 'credit') && typeof key === 'string')
    return t('merge.fileError.problem', { thing: stampedThing(key, t) });
  return t('merge.fileError.whole');
}

export function issueText(issue: PlanIssue, t: TFunction): string {
  if (issue.path[0] === 'sync' || (issue.path[0] === 'plans' && issue.path[2] === 'sync')) {
    const at = issue.path.indexOf('sync');
    const stampPlace = t('merge.fileError.place');
    return t('fileError.issue', {
      place:
        at > 0
          ? t('fileError.place.inBackup', { n: Number(issue.path[1]) + 1, place: stampPlace })
          : stampPlace,
      problem: syncProblem(issue.path, t),
    });
  }
  return t('fileError.issue', { place: place(issue.path, t), problem: problem(issue, t) });
}

export type ReadError =
  | PlanFileError
  | { code: 'damagedLink' }
  | { code: 'unreadable' }
  /** The importer's code could not be downloaded (offline before the service worker kept it). */
  | { code: 'notLoaded' }
  /** The plan can't be saved: storage has no room for it (found before importing it). */
  | { code: 'storageFull' };

/** The headline, and up to three problems in detail. */
export function fileErrorText(
  error: ReadError,
  t: TFunction,
  from: 'file' | 'link' = 'file',
): { title: string; details: string[] } {
  // What came by a link is not read as a file the user chose: no "choose a file whose name ends
  // in .hocplan.json". Anything that is no plan at all is a damaged link.
  if (
    from === 'link' &&
    ['emptyFile', 'notJson', 'notPlanFile', 'unreadable', 'badVersion'].includes(error.code)
  )
    return { title: t('fileError.damagedLink'), details: [] };
  switch (error.code) {
    case 'tooLarge':
      return {
        title: t('fileError.tooLarge', { size: error.bytes / 1024 / 1024, max: 5 }),
        details: [],
      };
    case 'emptyFile':
      return { title: t('fileError.emptyFile'), details: [] };
    case 'notJson':
      return { title: t('fileError.notJson'), details: [] };
    case 'notPlanFile':
      return { title: t('fileError.notPlanFile'), details: [] };
    case 'tooNew':
      return { title: t('fileError.tooNew', { version: error.version }), details: [] };
    case 'futureStamps':
      return {
        title: t('futureStamps.title', { until: new Date(error.until) }),
        details: [t('futureStamps.detail')],
      };
    case 'emptyBackup':
      return { title: t('fileError.emptyBackup'), details: [] };
    case 'badVersion':
      return { title: t('fileError.badVersion'), details: [] };
    case 'damagedLink':
      return { title: t('fileError.damagedLink'), details: [] };
    case 'unreadable':
      return { title: t('fileError.unreadable'), details: [] };
    case 'storageFull':
      return { title: t('hardening.storageFull'), details: [] };
    case 'notLoaded':
      return { title: t('error.partNotLoaded'), details: [] };
    case 'invalid': {
      const details = error.issues.slice(0, 3).map((issue) => issueText(issue, t));
      if (error.issues.length > 3)
        details.push(t('fileError.more', { count: error.issues.length - 3 }));
      return {
        title: from === 'link' ? t('fileError.invalidLink') : t('fileError.invalid'),
        details,
      };
    }
  }
}
