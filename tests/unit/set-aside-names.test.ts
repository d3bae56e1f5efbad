import { describe, expect, it } from 'vitest';
import { BACKUP_KEY_PREFIX, type SetAsideCopy } from '@/data/backup';
import { copyFileStamp, nameCopies, type CopyNaming } from '@/features/plans/set-aside-names';
import { fileStamp } from '@/ui/download';

/* How the copies kept aside are named in their list and their files (set-aside-names.ts). */

const copy = (stamp: string, plan: string | null = null) => ({
  copy: {
    key: `${BACKUP_KEY_PREFIX}${stamp}`,
    keptAt: /^\d{4}-/.test(stamp) ? new Date(stamp.replace(/#\d+$/, '')) : null,
    length: 1,
  } satisfies SetAsideCopy,
  plan,
});

function names(entries: { copy: SetAsideCopy; plan: string | null }[]) {
  const plans = new Map(entries.map((entry) => [entry.copy.key, entry.plan]));
  // UTC, so the test reads the same in any zone: "10:15" or "10:15:42".
  const naming: CopyNaming = {
    when: (one, seconds) => one.keptAt?.toISOString().slice(11, seconds ? 19 : 16) ?? '?',
    plan: (one) => plans.get(one.key) ?? null,
    withPlan: (name, plan) => `${name} ${plan}`,
    numbered: (name, nth) => `${name} #${nth}`,
  };
  const copies = entries.map((entry) => entry.copy);
  const named = nameCopies(copies, naming);
  return copies.map((one) => named.get(one.key));
}

describe('the names of copies kept aside', () => {
  it('to the minute; to the second where a minute is shared; then by plan; then numbered', () => {
    expect(
      names([
        copy('2026-12-02T09:00:00.000Z'),
        copy('2026-12-02T10:15:07.000Z'),
        copy('2026-12-02T10:15:42.100Z', 'Robot day'),
        copy('2026-12-02T10:15:42.200Z', 'Coding club'),
        copy('2026-12-02T10:15:42.300Z'),
      ]),
    ).toEqual(['09:00', '10:15:07', '10:15:42 Robot day', '10:15:42 Coding club', '10:15:42']);
  });

  it('numbers what is still alike oldest first: by the millisecond, then by the key\'s "#n"', () => {
    expect(
      names([
        copy('2026-12-02T10:15:42.900Z'),
        copy('2026-12-02T10:15:42.100Z#10'),
        copy('2026-12-02T10:15:42.100Z#2'),
        copy('2026-12-02T10:15:42.100Z'),
        copy('not a date'),
        copy('another odd key'),
      ]),
      // Keys without a time: by the key.
    ).toEqual(['10:15:42 #4', '10:15:42 #3', '10:15:42 #2', '10:15:42 #1', '? #2', '? #1']);
  });

  it('the same plan in copies of one second: numbered, with the plan', () => {
    expect(
      names([
        copy('2026-12-02T10:15:42.100Z', 'Robot day'),
        copy('2026-12-02T10:15:42.200Z', 'Robot day'),
      ]),
    ).toEqual(['10:15:42 Robot day #1', '10:15:42 Robot day #2']);
  });

  it("gives every copy a file name of its own, in the user's time, safe to save", () => {
    // The tests run in Europe/Oslo: 10:15 UTC is 11:15.
    const stamps = [
      '2026-12-02T10:15:42.100Z',
      '2026-12-02T10:15:42.200Z',
      '2026-12-02T10:15:42.100Z#2',
      '2026-12-02T10:15:42.100Z#02',
      '2026-12-02T10:15:42.100Z#1',
      '2026-12-02T10:15:42.100Z#0',
      'garbage!',
      'garbage?',
      '../../etc/passwd: a <key>',
    ].map((stamp) => copyFileStamp(copy(stamp).copy, fileStamp));
    expect(stamps.slice(0, 6)).toEqual([
      '2026-12-02-11-15-42-100',
      '2026-12-02-11-15-42-200',
      '2026-12-02-11-15-42-100-2',
      '2026-12-02-11-15-42-100-02',
      '2026-12-02-11-15-42-100-1',
      '2026-12-02-11-15-42-100-0',
    ]);
    // A key without a time: what it says, safely (no "/" or "."), and its fingerprint.
    expect(stamps[8]).toMatch(/^unknown-date--etc-passwd-a-key--[0-9a-f]{8}$/);
    expect(new Set(stamps).size).toBe(stamps.length);
  });
});
