import { useState } from 'react';

/**
 * `list`, or the list of an earlier render when it holds the same items in the same order.
 * A sortable list's ids are computed from the plan on every edit; handed to dnd-kit's
 * `SortableContext` as a new array, they make every sortable row render again, though only one
 * row changed. Kept in state, not in a ref, so a render that is thrown away leaves nothing behind.
 */
export function useSameList<L extends readonly unknown[]>(list: L): L {
  const [kept, setKept] = useState(list);
  if (kept === list || sameItems(kept, list)) return kept;
  // Adjusting state while rendering: React renders this component again before its children.
  setKept(list);
  return list;
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (!Object.is(a[i], b[i])) return false;
  return true;
}
