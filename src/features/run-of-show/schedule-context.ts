import { createContext } from 'react';

/** What a row's time cell shows: its times, and flags for the next day, a pin, a gap, an overlap. */
export interface TimeLabel {
  time: string;
  flags: readonly { kind: 'day' | 'pinned' | 'gap' | 'overlap'; text: string }[];
}

/**
 * The rows' time labels, formatted once per schedule and handed to the small time cells through
 * context, so that a changed duration re-renders those cells only, not every row with its fields.
 */
export const ScheduleContext = createContext<readonly TimeLabel[]>([]);
