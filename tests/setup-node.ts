import { loadDateLocale } from '@/i18n/format';
import { LANGUAGE_CODES } from '@/i18n/languages';

// The app loads a language's date names with its texts; tests format in every language directly.
await Promise.all(LANGUAGE_CODES.map(loadDateLocale));
