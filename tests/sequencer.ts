import { BaseSequencer, type TestSpecification } from 'vitest/node';

/*
 * The order the test files are handed to the workers. Vitest's own takes the projects in the
 * order of their names, each project's files longest first (by the last run's times, or by size).
 * On two workers that left the longest file of all, the guide property test, to start when most
 * of the suite was done. Here the projects whose files take longest come first and the
 * components last: the suite ends on their many short files, so both workers finish close
 * together. Within a project, Vitest's order is kept, but for the unit files of `dom`, which come
 * before its component files.
 *
 * `--sequence.shuffle` puts every file in a random order instead (the seed is printed), to find
 * a file that depends on what an earlier one in its worker did.
 */
const PROJECT_ORDER = ['unit', 'unit-isolated', 'dom-isolated', 'dom'];
// The unit files that need a DOM (they make stores of their own: tests/setup-dom-unit.ts).
const DOM_UNIT_FILE = /\.dom\.test\.tsx?$/;

const rank = (spec: TestSpecification) => {
  const index = PROJECT_ORDER.indexOf(spec.project.name);
  const project = index === -1 ? PROJECT_ORDER.length : index;
  return project * 2 + (DOM_UNIT_FILE.test(spec.moduleId) ? 0 : 1);
};

function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const { shuffle, seed } = this.ctx.config.sequence;
    if (shuffle) return shuffled(sorted, seed);
    // Array sort is stable: each project keeps Vitest's order of its files.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
