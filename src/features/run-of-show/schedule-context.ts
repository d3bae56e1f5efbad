import { createContext } from 'react';
import type { ScheduledItem } from '@/plan/schedule';

/**
 * The computed times, handed to the small time cells through context so that a changed
 * duration re-renders those cells only, not every row with its fields.
 */
export const ScheduleContext = createContext<readonly ScheduledItem[]>([]);
