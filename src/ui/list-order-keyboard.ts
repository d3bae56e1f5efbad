import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import { hasSortableData, sortableKeyboardCoordinates } from '@dnd-kit/sortable';

/**
 * Where ↑ and ↓ take a picked-up row in a sortable list: to the place before or after the one it
 * is over, in the list's own order (a section heading of the checklist is a place too).
 *
 * dnd-kit's own `sortableKeyboardCoordinates` chooses by geometry, among the places above or
 * below the row's top edge. With rows of different heights, such as a step's text wrapping on a
 * phone or a short section heading next to a tall row, it could land on no place, or skip one:
 * on a 390 px screen ↑ from a section's first step did nothing. Here the next place is taken
 * from the list and the row is centred on it, so the collision detection of both lists
 * (`closestCenter`) is over that place exactly. ← and →, and a place not in the page (a long
 * agenda's far rows), are left to dnd-kit's own.
 */
export const listOrderKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  const step = event.code === KeyboardCode.Down ? 1 : event.code === KeyboardCode.Up ? -1 : 0;
  const { active, over, collisionRect, droppableRects, droppableContainers } = args.context;
  if (step === 0 || !active || !collisionRect || !hasSortableData(active))
    return sortableKeyboardCoordinates(event, args);
  event.preventDefault();
  const items = active.data.current.sortable.items;
  const from = items.indexOf(over?.id ?? active.id);
  const targetId = items[from + step];
  // At either end of the list the row stays where it is.
  if (from < 0 || targetId === undefined) return undefined;
  const rect = droppableRects.get(targetId);
  if (!rect || !droppableContainers.get(targetId)) return sortableKeyboardCoordinates(event, args);
  return {
    x: rect.left + rect.width / 2 - collisionRect.width / 2,
    y: rect.top + rect.height / 2 - collisionRect.height / 2,
  };
};
