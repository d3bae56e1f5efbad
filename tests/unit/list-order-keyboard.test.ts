import type { Active, ClientRect, DroppableContainer, SensorContext } from '@dnd-kit/core';
import { describe, expect, it, vi } from 'vitest';
import { listOrderKeyboardCoordinates } from '@/ui/list-order-keyboard';

/** A rect on the page: rows of different heights, as on a phone where text wraps. */
const rect = (top: number, height: number): ClientRect => ({
  top,
  height,
  left: 10,
  width: 300,
  right: 310,
  bottom: top + height,
});

// A section heading (short), then tall and short rows.
const RECTS: Record<string, ClientRect> = {
  'section:media': rect(0, 30),
  'step:a': rect(40, 120),
  'step:b': rect(170, 40),
  'step:c': rect(220, 90),
};
const ITEMS = ['section:media', 'step:a', 'step:b', 'step:c', 'step:far'];

function press(code: string, activeId: string, overId: string | null, items = ITEMS) {
  const event = { code, preventDefault: vi.fn() } as unknown as KeyboardEvent;
  const droppableContainers = new Map(
    Object.keys(RECTS).map((id) => [id, { id } as DroppableContainer]),
  ) as unknown as SensorContext['droppableContainers'];
  Object.assign(droppableContainers, { getEnabled: () => [] });
  const active = {
    id: activeId,
    data: { current: { sortable: { containerId: 'list', items, index: items.indexOf(activeId) } } },
  } as unknown as Active;
  const context = {
    active,
    over: overId === null ? null : { id: overId },
    collisionRect: RECTS[activeId]!,
    droppableRects: new Map(Object.entries(RECTS)),
    droppableContainers,
  } as unknown as SensorContext;
  const moved = listOrderKeyboardCoordinates(event, {
    active: activeId,
    currentCoordinates: { x: 0, y: 0 },
    context,
  });
  return { moved, prevented: event.preventDefault };
}

/** The centre the moved row would have. */
const centre = (activeId: string, moved: { x: number; y: number }) => ({
  x: moved.x + RECTS[activeId]!.width / 2,
  y: moved.y + RECTS[activeId]!.height / 2,
});
const centreOf = (id: string) => ({
  x: RECTS[id]!.left + RECTS[id]!.width / 2,
  y: RECTS[id]!.top + RECTS[id]!.height / 2,
});

describe('keyboard drag: the arrows go by the list order', () => {
  it('↓ and ↑ centre the row on the next or previous place from the one it is over', () => {
    // Picked up (over its own place): ↓ goes to the next place, whatever the heights.
    const down = press('ArrowDown', 'step:a', 'step:a');
    expect(centre('step:a', down.moved!)).toEqual(centreOf('step:b'));
    expect(down.prevented).toHaveBeenCalled(); // the page does not scroll by the key too
    // From where it is now over (step:b), ↓ again: step:c.
    expect(centre('step:a', press('ArrowDown', 'step:a', 'step:b').moved!)).toEqual(
      centreOf('step:c'),
    );
    // A tall row going up onto a short heading (what failed on a phone): over the heading.
    expect(centre('step:a', press('ArrowUp', 'step:a', 'step:a').moved!)).toEqual(
      centreOf('section:media'),
    );
    // Not over anything yet: from its own place.
    expect(centre('step:c', press('ArrowUp', 'step:c', null).moved!)).toEqual(centreOf('step:b'));
  });

  it('stays at either end of the list', () => {
    const top = press('ArrowUp', 'step:a', 'section:media');
    expect(top.moved).toBeUndefined();
    expect(top.prevented).toHaveBeenCalled();
    expect(press('ArrowDown', 'step:c', 'step:c', ITEMS.slice(0, 4)).moved).toBeUndefined();
  });

  it("leaves to dnd-kit's own a place not in the page, and the keys across", () => {
    // step:far has no rect (a long agenda's row far from the screen): dnd-kit's geometry then,
    // here with no place in the page to go to.
    expect(press('ArrowDown', 'step:c', 'step:c').moved).toBeUndefined();
    expect(press('ArrowRight', 'step:a', 'step:a').moved).toBeUndefined();
  });
});
