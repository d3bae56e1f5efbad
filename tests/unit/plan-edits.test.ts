import { describe, expect, it } from 'vitest';
import { dueOffsetFor, editStep, removeStep, restoreStep } from '@/plan/checklist';
import { createPlanFromTemplate } from '@/plan/create-plan';
import { validateItemField, validateStepText } from '@/plan/event-fields';
import { addRun, startShow } from '@/plan/live-show';
import {
  changeRuns,
  resetDraft,
  saveDraft,
  setEventField,
  setPlanNotes,
  setPlanTitle,
} from '@/plan/plan-edits';
import { editItemField, removeItem, restoreItem } from '@/plan/run-of-show';
import { LIMITS } from '@/plan/schema';
import { assemblyDetails, testDeps } from '../fixtures';

/* Every edit the screens make goes through one of these named functions (issue 21, item 6). */

const plan = () => createPlanFromTemplate('school-assembly', assemblyDetails, testDeps());

describe("an agenda item's fields as typed", () => {
  it.each([
    ['title', '  Welcome  ', { ok: true, value: 'Welcome' }],
    ['title', '\u200b ', { ok: false, error: { code: 'required' } }],
    [
      'title',
      'x'.repeat(LIMITS.textLength + 1),
      { ok: false, error: { code: 'tooLong', max: LIMITS.textLength } },
    ],
    ['durationMinutes', '1h15', { ok: true, value: 75 }],
    ['durationMinutes', '0', { ok: false, error: { code: 'duration', min: 1, max: 720 } }],
    ['who', ' Kari ', { ok: true, value: 'Kari' }],
    [
      'who',
      'x'.repeat(LIMITS.ownerLength + 1),
      { ok: false, error: { code: 'tooLong', max: LIMITS.ownerLength } },
    ],
    [
      'note',
      'n'.repeat(LIMITS.noteLength + 1),
      { ok: false, error: { code: 'tooLong', max: LIMITS.noteLength } },
    ],
    ['link', ' https://hourofcode.com ', { ok: true, value: 'https://hourofcode.com' }],
    ['link', '', { ok: true, value: null }],
    ['link', 'javascript:alert(1)', { ok: false, error: { code: 'link' } }],
    ['fixedStart', '10:20:00', { ok: true, value: '10:20' }],
    ['fixedStart', ' ', { ok: true, value: null }],
    ['fixedStart', '25:00', { ok: false, error: { code: 'time' } }],
  ] as const)('%s %j', (field, raw, expected) => {
    expect(validateItemField(field, raw)).toEqual(expected);
  });

  it('saves a valid value, and nothing for a refused one', () => {
    const p = plan();
    const item = p.runOfShow.items[1]!;
    const length = editItemField(item.id, 'durationMinutes', '1:15');
    expect(length.ok && length.value(p).runOfShow.items[1]!.durationMinutes).toBe(75);
    const title = editItemField(item.id, 'title', 'Mine');
    const titled = title.ok ? title.value(p).runOfShow.items[1]! : null;
    expect(titled).toMatchObject({ title: 'Mine', titleKey: null });
    expect(editItemField(item.id, 'durationMinutes', 'soon')).toMatchObject({ ok: false });
    // Unchanged: the same plan, so no undo step.
    const same = editItemField(item.id, 'who', item.who);
    expect(same.ok && same.value(p)).toBe(p);
  });

  it('puts a deleted item back where it was, once', () => {
    const p = plan();
    const item = p.runOfShow.items[2]!;
    const back = restoreItem(removeItem(p, item.id), item, 2);
    expect(back.runOfShow.items).toEqual(p.runOfShow.items);
    expect(restoreItem(back, item, 0)).toBe(back);
  });
});

describe("a plan's own fields and drafts", () => {
  it('changes only what differs', () => {
    const p = plan();
    expect(setPlanTitle(p, p.title)).toBe(p);
    expect(setPlanTitle(p, 'New').title).toBe('New');
    expect(setPlanNotes(p, p.notes)).toBe(p);
    expect(setPlanNotes(p, 'Bring chairs').notes).toBe('Bring chairs');
    expect(setEventField(p, 'startTime', p.event.startTime)).toBe(p);
    expect(setEventField(p, 'participants', 120).event).toEqual({ ...p.event, participants: 120 });
  });

  it('saves a draft with the time of the edit, and resets it', () => {
    const p = plan();
    const saved = saveDraft(
      p,
      'parentLetter',
      { subject: 'S', body: 'B' },
      new Date('2026-11-23T10:00:00Z'),
    );
    expect(saved.drafts.parentLetter).toEqual({
      subject: 'S',
      body: 'B',
      editedAt: '2026-11-23T10:00:00.000Z',
    });
    expect(resetDraft(saved, 'parentLetter').drafts).toEqual(p.drafts);
    expect(resetDraft(p, 'parentLetter')).toBe(p);
  });
});

describe('the runs of the show', () => {
  it('change through the live-show functions; the same plan when nothing changes', () => {
    const p = plan();
    const started = changeRuns(p, (shows) =>
      addRun(shows, startShow(p, Date.parse('2026-12-07T10:00:00'))),
    );
    expect(started.shows).toHaveLength(1);
    expect(started.runOfShow).toBe(p.runOfShow);
    expect(changeRuns(started, (shows) => shows)).toBe(started);
  });
});

describe("a step's text, added or edited", () => {
  it('is required (invisible characters alone are blank), trimmed, and bounded', () => {
    expect(validateStepText('  Book the hall  ')).toEqual({ ok: true, value: 'Book the hall' });
    expect(validateStepText('   ')).toEqual({ ok: false, error: { code: 'required' } });
    expect(validateStepText('\u200b\u00a0')).toEqual({ ok: false, error: { code: 'required' } });
    expect(validateStepText('x'.repeat(LIMITS.textLength + 1))).toEqual({
      ok: false,
      error: { code: 'tooLong', max: LIMITS.textLength },
    });
  });
});

describe("the step editor's save", () => {
  it('reads a due day within the limit, or none', () => {
    expect(dueOffsetFor('2026-12-07', '')).toEqual({ ok: true, value: null });
    expect(dueOffsetFor('2026-12-07', '2026-11-30')).toEqual({ ok: true, value: -7 });
    expect(dueOffsetFor('2026-12-07', '1999-01-01')).toEqual({ ok: false });
    expect(dueOffsetFor('2026-12-07', 'soon')).toEqual({ ok: false });
  });

  it('keeps a guide step’s text key unless the text was changed, trims owner and note', () => {
    const p = plan();
    const step = p.checklist.sections[0]!.steps[0]!;
    const kept = editStep(p, step.id, {
      text: null,
      dueOffsetDays: -3,
      owner: ' Kari ',
      note: ' n ',
    });
    expect(kept.checklist.sections[0]!.steps[0]).toMatchObject({
      textKey: step.textKey,
      dueOffsetDays: -3,
      owner: 'Kari',
      note: 'n',
    });
    const edited = editStep(p, step.id, { text: 'Mine', dueOffsetDays: null, owner: '', note: '' });
    expect(edited.checklist.sections[0]!.steps[0]).toMatchObject({ text: 'Mine', textKey: null });
  });

  it('puts a deleted step back where it was, once', () => {
    const p = plan();
    const section = p.checklist.sections[1]!;
    const step = section.steps[1]!;
    const back = restoreStep(removeStep(p, step.id), section.id, step, 1);
    expect(back.checklist).toEqual(p.checklist);
    expect(restoreStep(back, section.id, step, 0)).toBe(back);
  });
});
