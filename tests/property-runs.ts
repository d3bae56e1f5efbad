/**
 * Cases per property test, at two depths:
 * - the unit suite (`npm run test:unit`, run often, issue 21: within a minute on 2 cores) runs a
 *   tenth of each property's full count (100 cases for an ordinary property, fast-check's own
 *   default), unless the property names its own quick count;
 * - the deep run (`npm run test:deep`, part of `npm test`, so of CI) runs the property files
 *   again with the full count: 1,000 cases per ordinary property, fewer for the costly ones,
 *   and 10,000 for restore's (issue 7).
 * So CI checks every property at least as deeply as when the unit suite ran the full counts.
 * Every run draws new cases: fast-check seeds from the clock, and a failure prints the seed and
 * path that replay it.
 *
 * PROPERTY_RUNS scales every property by the same factor, the costly ones included: it is the
 * full count of an ordinary property (1,000 by default), so
 * `PROPERTY_RUNS=10000 PROPERTY_DEPTH=deep npx vitest run tests/unit/merge.property.test.ts`
 * runs 10,000 cases of each of its properties.
 */
const FULL_RUNS = 1_000;
const deep = process.env.PROPERTY_DEPTH === 'deep';
const asked = Number(process.env.PROPERTY_RUNS);
const scale = Number.isFinite(asked) && asked > 0 ? asked / FULL_RUNS : 1;

/** Cases for a property whose full count is `full`; `quick` in the unit suite (a tenth). */
export function propertyRuns(full = FULL_RUNS, quick = full / 10): number {
  return Math.max(1, Math.round((deep ? full : quick) * scale));
}
