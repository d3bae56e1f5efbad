// Moved to the data layer (src/data/); kept so existing imports keep working.
export { BACKUP_KEY_PREFIX, STORAGE_KEY, keepAside } from '@/data/backup';
export { browserStorage } from '@/data/browser';
