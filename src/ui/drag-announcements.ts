import type { Announcements } from '@dnd-kit/core';

/** Whether the drag has been reported over anything since it was picked up. */
export interface PickUpState {
  justPickedUp: boolean;
}

/**
 * Keeps "Picked up …" heard. Right after a pick-up, dnd-kit reports the item over its own place;
 * said as "… is now at position 4 of 4", that report replaced the pick-up in the live region
 * before a screen reader read it, so nobody heard that a drag had begun or how to end it. That
 * first report over the item's own place is left unsaid; every later one is said, the item's
 * own place again included (moved away and back).
 */
export function withPickUpHeard(announcements: Announcements, state: PickUpState): Announcements {
  return {
    ...announcements,
    onDragStart: (event) => {
      state.justPickedUp = true;
      return announcements.onDragStart(event);
    },
    onDragOver: (event) => {
      const first = state.justPickedUp;
      state.justPickedUp = false;
      if (first && event.over?.id === event.active.id) return undefined;
      return announcements.onDragOver(event);
    },
    onDragEnd: (event) => {
      state.justPickedUp = false;
      return announcements.onDragEnd(event);
    },
    onDragCancel: (event) => {
      state.justPickedUp = false;
      return announcements.onDragCancel(event);
    },
  };
}
