import { describe, expect, it } from 'vitest';
import { DESK_GONE_MS, deskState, type DeskFeed } from '@/features/live/stage-channel';

const feed = (patch: Partial<DeskFeed> = {}): DeskFeed => ({
  shows: null,
  lang: null,
  heardAt: null,
  saidBye: false,
  openedAt: 1_000,
  ...patch,
});

describe('whether the stage hears the desk', () => {
  it('waits for a first beat, then counts the desk gone when none came', () => {
    expect(deskState(feed(), 1_000)).toBe('waiting');
    expect(deskState(feed(), 1_000 + DESK_GONE_MS)).toBe('waiting');
    expect(deskState(feed(), 1_001 + DESK_GONE_MS)).toBe('gone');
  });

  it('is connected while the beats come, gone after five silent seconds or a goodbye', () => {
    const heard = feed({ heardAt: 2_000, shows: [] });
    expect(deskState(heard, 2_500)).toBe('connected');
    expect(deskState(heard, 2_000 + DESK_GONE_MS)).toBe('connected');
    expect(deskState(heard, 2_001 + DESK_GONE_MS)).toBe('gone');
    expect(deskState({ ...heard, saidBye: true }, 2_500)).toBe('gone');
  });
});
