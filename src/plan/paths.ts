/*
 * Every address of a plan's pages is built here, with the id encoded: an id is data (it may
 * come from a file written elsewhere), never a piece of the address's syntax.
 */

/** `/plans/<id><rest>`, e.g. `planPath(id, '/print')`. */
export function planPath(planId: string, rest = ''): string {
  return `/plans/${encodeURIComponent(planId)}${rest}`;
}
