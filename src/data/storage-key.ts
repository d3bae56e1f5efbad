/** Where the plans are saved in localStorage (a module of its own: the first page reads it). */
export const STORAGE_KEY = 'hoc-planner.plans';
