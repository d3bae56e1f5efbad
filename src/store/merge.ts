// Moved to the data layer (src/data/plan-lists.ts); kept so existing imports keep working.
export { mergePlanLists } from '@/data/plan-lists';
export { deepEqual } from '@/plan/equal';
