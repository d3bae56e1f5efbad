/**
 * Cases per property test. The same on a developer's machine and in CI (issue 21: the whole
 * unit and component suite within a minute on 2 cores, CI included), so CI no longer runs ten
 * times as many. Every run draws new cases: fast-check seeds from the clock, and a failure
 * prints the seed and path that replay it.
 *
 * For a deep run, set PROPERTY_RUNS to the cases wanted per ordinary property (1,000 by
 * default): `PROPERTY_RUNS=10000 npx vitest run tests/unit/fast-plan.property.test.ts`. Every
 * property scales by the same factor, the costly ones (`propertyRuns(15)`) included.
 */
const DEFAULT_RUNS = 1_000;
const asked = Number(process.env.PROPERTY_RUNS);
const factor = Number.isFinite(asked) && asked > 0 ? asked / DEFAULT_RUNS : 1;

export function propertyRuns(runs = DEFAULT_RUNS): number {
  return Math.max(1, Math.round(runs * factor));
}
