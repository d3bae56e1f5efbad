import { isLanguageCode } from './languages';

/*
 * A language's date names (month and day names: date-fns and its locale, format.ts), loaded on
 * demand: the plans page shows without them until it lists a plan, so date-fns is not part of
 * the first page. Every caller for a language gets the same promise, settled in place once the
 * names are in (`status`, as React's `use()` reads it): a component that asks for names already
 * loaded renders at once rather than suspending for a moment.
 */
type Tracked = Promise<void> & { status?: 'fulfilled' | 'rejected'; reason?: unknown };

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
      (error: unknown) => {
        // The failure is shown (a page waiting for them shows its error) and kept, so React does
        // not ask again by itself; they are asked for again when the user tries again.
        load.reason = error;
        load.status = 'rejected';
      },
    );
  }
  return names;
}

/** The user asked to try again (app/route-error.tsx): date names that failed load afresh. */
export function forgetFailedDateNames(): void {
  for (const [language, names] of loading)
    if ((names as Tracked).status === 'rejected') loading.delete(language);
}
