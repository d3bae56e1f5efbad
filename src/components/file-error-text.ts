import type { TFunction } from 'i18next';
import type { PlanFileError } from '@/plan/file-format';
import type { PlanIssue } from '@/plan/restore';
import { LIMITS } from '@/plan/schema';

/*
 * Why a file or link was refused, in the user's language, naming the place of the problem:
 * "Run of show, item 3: the length must be whole minutes from 1 to 720."
 */

const FIELD_KEYS: Record<string, string> = {
  title: 'title',
  text: 'text',
  durationMinutes: 'duration',
  dueOffsetDays: 'due',
  owner: 'who',
  who: 'who',
  note: 'note',
  notes: 'notes',
  link: 'link',
  fixedStart: 'fixedStart',
  done: 'done',
  doneAt: 'done',
  id: 'id',
  date: 'date',
  startTime: 'startTime',
  place: 'place',
  targetMinutes: 'targetMinutes',
  contactName: 'contactName',
  contactPhone: 'contactPhone',
  participants: 'participants',
  steps: 'steps',
  items: 'items',
  sections: 'sections',
};

/** A field's name in messages ("the length", "who"); null for a field without one. */
export function fieldLabel(field: string, t: TFunction): string | null {
  const key = FIELD_KEYS[field];
  return key ? t(`fileError.field.${key}`) : null;
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
  const name = t(`fileError.field.${FIELD_KEYS[field ?? ''] ?? 'value'}`);
  if (field === 'durationMinutes')
    return t('fileError.problem.duration', { min: LIMITS.minDuration, max: LIMITS.maxDuration });
  switch (issue.code) {
    case 'too_deep':
      return t('hardening.tooDeep', { field: name });
    case 'too_many_values':
      return t('hardening.tooManyValues');
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

export function issueText(issue: PlanIssue, t: TFunction): string {
  // The merge stamps (plan/stamps.ts) are named by the register they stamp.
  if (issue.path[0] === 'sync' || (issue.path[0] === 'plans' && issue.path[2] === 'sync')) {
    const at = issue.path.indexOf('sync');
    const key = String(issue.path.at(-1));
    const stampPlace = t('merge.fileError.place');
    return t('fileError.issue', {
      place:
        at > 0
          ? t('fileError.place.inBackup', { n: Number(issue.path[1]) + 1, place: stampPlace })
          : stampPlace,
      problem: t('merge.fileError.problem', { key }),
    });
  }
  return t('fileError.issue', { place: place(issue.path, t), problem: problem(issue, t) });
}

export type ReadError =
  | PlanFileError
  | { code: 'damagedLink' }
  | { code: 'unreadable' }
  /** The plan can't be saved: storage has no room for it (found before importing it). */
  | { code: 'storageFull' };

/** The headline, and up to three problems in detail. */
export function fileErrorText(
  error: ReadError,
  t: TFunction,
): { title: string; details: string[] } {
  switch (error.code) {
    case 'tooLarge':
      return {
        title: t('fileError.tooLarge', { size: error.bytes / 1024 / 1024, max: 5 }),
        details: [],
      };
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
    case 'invalid': {
      const details = error.issues.slice(0, 3).map((issue) => issueText(issue, t));
      if (error.issues.length > 3)
        details.push(t('fileError.more', { count: error.issues.length - 3 }));
      return { title: t('fileError.invalid'), details };
    }
  }
}
