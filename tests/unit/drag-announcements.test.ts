import type { Active, Announcements, Over } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import { withPickUpHeard } from '@/ui/drag-announcements';

const active = { id: 'a' } as Active;
const over = (id: string) => ({ id }) as Over;

const said: Announcements = {
  onDragStart: ({ active: a }) => `picked ${a.id}`,
  onDragOver: ({ over: o }) => (o ? `over ${o.id}` : undefined),
  onDragEnd: ({ over: o }) => `dropped ${o?.id}`,
  onDragCancel: ({ active: a }) => `cancelled ${a.id}`,
};

describe('drag announcements: the pick-up is heard', () => {
  it("leaves unsaid the first report over the item's own place, and says every later one", () => {
    const announce = withPickUpHeard(said, { justPickedUp: false });
    expect(announce.onDragStart({ active })).toBe('picked a');
    expect(announce.onDragOver({ active, over: over('a') })).toBeUndefined();
    expect(announce.onDragOver({ active, over: over('b') })).toBe('over b');
    // Moved back to where it started: that is news, and said.
    expect(announce.onDragOver({ active, over: over('a') })).toBe('over a');
    expect(announce.onDragEnd({ active, over: over('a') })).toBe('dropped a');
  });

  it('says a first report over another place (a pointer drag that starts on a move)', () => {
    const announce = withPickUpHeard(said, { justPickedUp: false });
    announce.onDragStart({ active });
    expect(announce.onDragOver({ active, over: over('b') })).toBe('over b');
  });

  it('starts afresh with every drag, ended or cancelled', () => {
    const state = { justPickedUp: false };
    const announce = withPickUpHeard(said, state);
    announce.onDragStart({ active });
    expect(announce.onDragCancel({ active, over: null })).toBe('cancelled a');
    // A report after the drag ended (none is expected) is not swallowed.
    expect(announce.onDragOver({ active, over: over('a') })).toBe('over a');
    announce.onDragStart({ active });
    expect(announce.onDragOver({ active, over: over('a') })).toBeUndefined();
    announce.onDragStart({ active });
    expect(announce.onDragEnd({ active, over: over('a') })).toBe('dropped a');
    expect(state.justPickedUp).toBe(false);
  });

  it('keeps what the list says in the other moments as they are', () => {
    const announce = withPickUpHeard(said, { justPickedUp: false });
    expect(announce.onDragOver({ active, over: null })).toBeUndefined();
    expect(announce.onDragOver({ active, over: over('c') })).toBe('over c');
  });
});
