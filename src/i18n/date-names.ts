import { isLanguageCode } from './languages';

/*
 * A language's date names (month and day names: date-fns and its locale, format.ts), loaded on
 * demand: the plans page shows without them until it lists a plan, so date-fns is not part of
 * the first page. Every caller for a language gets the same promise, settled in place once the
 * names are in (`status`, as React's `use()` reads it): a component that asks for names already
 * loaded renders at once rather than suspending for a moment.
 */
type Tracked = Promise<void> & { status?: 'fulfilled' | 'rejected' };

const loading = new Map<string, Tracked>();

export function dateNames(language: string): Promise<void> {
  let names = loading.get(language);
  if (!names) {
    const load: Tracked = import('./format').then((format) =>
      isLanguageCode(language) ? format.loadDateLocale(language) : undefined,
    );
    names = load;
    loading.set(language, load);
    load.then(
      () => (load.status = 'fulfilled'),
      () => {
        load.status = 'rejected';
        // Asked for again next time (offline before the service worker kept them).
        loading.delete(language);
      },
    );
  }
  return names;
}
