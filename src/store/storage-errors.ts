// Moved to the data layer (src/data/storage-errors.ts); kept so existing imports keep working.
export { isQuotaError } from '@/data/storage-errors';
