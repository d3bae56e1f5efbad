import type { Announcements } from '@dnd-kit/core';
import { useRef } from 'react';
import { type PickUpState, withPickUpHeard } from '@/ui/drag-announcements';

/** `withPickUpHeard`, with its state kept across the renders of one list. */
export function usePickUpHeard(announcements: Announcements): Announcements {
  const state = useRef<PickUpState>({ justPickedUp: false });
  return withPickUpHeard(announcements, state.current);
}
