import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/*
 * The rooms of src/ are kept by lint (eslint.config.js), not by memory: each rule is shown here
 * firing on a bad import and staying quiet on a good one. The code is linted as if it were a file
 * at `filePath` (nothing is written); imports resolve against the real files of the project.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: 'eslint.config.js' });
/*
 * The rooms' rules alone, for every test but the cycles': no-cycle follows each import through
 * the project's files, most of this file's time, and a cycle is never what those tests are about.
 */
const eslintWithoutCycles = new ESLint({
  cwd: root,
  overrideConfigFile: 'eslint.config.js',
  overrideConfig: { rules: { 'import-x/no-cycle': 'off' } },
});

async function lint(filePath: string, code: string, { cycles = false } = {}) {
  const [result] = await (cycles ? eslint : eslintWithoutCycles).lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

/** The rule ids that fired, once each. */
async function rulesFired(filePath: string, code: string) {
  return [...new Set((await lint(filePath, code)).map((m) => m.split(':')[0]))];
}

describe('lint keeps the rooms of src/', () => {
  it('a feature never imports another feature', async () => {
    const messages = await lint(
      'src/features/checklist/probe.ts',
      "import { SharePanel } from '@/features/share/share-panel';\nexport const probe = SharePanel;\n",
    );
    expect(messages).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*never imports another feature/),
    ]);
  });

  it('catches a relative path into another feature too', async () => {
    expect(
      await rulesFired(
        'src/features/checklist/probe.ts',
        "import { SharePanel } from '../share/share-panel';\nexport const probe = SharePanel;\n",
      ),
    ).toEqual(['import-x/no-restricted-paths']);
  });

  it('a feature may import its own files and the shared rooms', async () => {
    expect(
      await lint(
        'src/features/checklist/probe.ts',
        [
          "import { StepRow } from '@/features/checklist/step-row';",
          "import { ProgressMeter } from '@/ui/progress-meter';",
          "import { usePlan } from '@/store/plans-store';",
          "import { parseDay } from '@/plan/dates';",
          'export const probe = [StepRow, ProgressMeter, usePlan, parseDay];',
          '',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('app/ is where features are combined', async () => {
    expect(
      await lint(
        'src/app/pages/probe.ts',
        [
          "import { ChecklistView } from '@/features/checklist/checklist-view';",
          "import { SharePanel } from '@/features/share/share-panel';",
          'export const probe = [ChecklistView, SharePanel];',
          '',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('shared code never imports a feature or app/', async () => {
    expect(
      await rulesFired(
        'src/components/probe.ts',
        "import { ChecklistView } from '@/features/checklist/checklist-view';\nexport const probe = ChecklistView;\n",
      ),
    ).toEqual(['import-x/no-restricted-paths']);
    expect(
      await rulesFired(
        'src/components/probe.ts',
        "import { routes } from '@/app/routes';\nexport const probe = routes;\n",
      ),
    ).toEqual(['import-x/no-restricted-paths']);
  });

  it('the store never imports a feature, app/ or UI components', async () => {
    for (const source of [
      '@/features/plans/use-import-plan',
      '@/app/routes',
      '@/ui/progress-meter',
    ]) {
      expect(
        await rulesFired(
          'src/store/probe.ts',
          `import * as m from '${source}';\nexport const probe = m;\n`,
        ),
      ).toEqual(['import-x/no-restricted-paths']);
    }
    expect(
      await lint(
        'src/store/probe.ts',
        "import { restorePlan } from '@/plan/restore';\nexport const probe = restorePlan;\n",
      ),
    ).toEqual([]);
  });

  it('i18n/ imports none of the rooms above it, plan/ and guide/ included', async () => {
    for (const source of ['@/plan/dates', '@/guide/import-guide', '@/store/plans-store']) {
      expect(
        await rulesFired(
          'src/i18n/probe.ts',
          `import * as m from '${source}';\nexport const probe = m;\n`,
        ),
        source,
      ).toEqual(['import-x/no-restricted-paths']);
    }
  });

  it('plan/, guide/ and data/ never import React, the router, zustand or i18next', async () => {
    for (const file of ['src/plan/probe.ts', 'src/guide/probe.ts', 'src/data/probe.ts']) {
      for (const source of [
        'react',
        'react-dom/client',
        'react-router',
        'react-i18next',
        'i18next',
        'zustand',
      ]) {
        const messages = await lint(
          file,
          `import * as m from '${source}';\nexport const probe = m;\n`,
        );
        expect(messages, `${file} importing ${source}`).toEqual([
          expect.stringMatching(/^no-restricted-imports: .*plain TypeScript/),
        ]);
      }
    }
  });

  it('plan/ and guide/ never import the store, a feature, app/, UI components or the i18next setup', async () => {
    for (const file of ['src/plan/probe.ts', 'src/guide/probe.ts']) {
      for (const source of [
        '@/store/plans-store',
        '@/features/checklist/checklist-view',
        '@/app/routes',
        '@/ui/progress-meter',
        '@/i18n/i18n',
      ]) {
        expect(
          await rulesFired(file, `import * as m from '${source}';\nexport const probe = m;\n`),
          `${file} importing ${source}`,
        ).toEqual(['import-x/no-restricted-paths']);
      }
    }
  });

  it('plan/ and guide/ may import plain modules: their own, date-fns, the date locale', async () => {
    expect(
      await lint(
        'src/guide/probe.ts',
        [
          "import { format } from 'date-fns';",
          "import { ky } from '@/i18n/ky-date-locale';",
          "import { parseDay } from '@/plan/dates';",
          "import { decodeGuideFile } from '@/guide/decode';",
          'export const probe = [format, ky, parseDay, decodeGuideFile];',
          '',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('plan/ is the ground floor: it never imports the guide importer', async () => {
    expect(
      await rulesFired(
        'src/plan/probe.ts',
        "import { importGuides } from '@/guide/import-guide';\nexport const probe = importGuides;\n",
      ),
    ).toEqual(['import-x/no-restricted-paths']);
  });

  it('data/ (saving, tab sync) builds on plan/ and never imports the store or UI; plan/ never imports data/', async () => {
    expect(
      await lint(
        'src/data/probe.ts',
        "import { restorePlan } from '@/plan/restore';\nexport const probe = restorePlan;\n",
      ),
    ).toEqual([]);
    for (const source of ['@/store/plans-store', '@/ui/announcer']) {
      expect(
        await rulesFired(
          'src/data/probe.ts',
          `import * as m from '${source}';\nexport const probe = m;\n`,
        ),
        source,
      ).toEqual(['import-x/no-restricted-paths']);
    }
    expect(
      await rulesFired(
        'src/plan/probe.ts',
        "import * as m from '@/data/plans-sync';\nexport const probe = m;\n",
      ),
    ).toEqual(['import-x/no-restricted-paths']);
  });

  it('no import cycles', async () => {
    // Linted as if schema.ts imported restore.ts, which imports schema.ts: a cycle.
    const cycle = await lint(
      'src/plan/schema.ts',
      "import { restorePlan } from './restore';\nexport const probe = restorePlan;\n",
      { cycles: true },
    );
    expect(cycle).toEqual([expect.stringMatching(/^import-x\/no-cycle: /)]);
    // The same import from a module restore.ts does not import is fine.
    expect(
      await lint(
        'src/plan/probe.ts',
        "import { restorePlan } from './restore';\nexport const probe = restorePlan;\n",
        { cycles: true },
      ),
    ).toEqual([]);
  });
});
