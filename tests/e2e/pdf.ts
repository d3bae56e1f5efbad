import { spawnSync } from 'node:child_process';

/** The text of a PDF, read with poppler's pdftotext (installed by .ci/run: poppler-utils). */
export function pdfText(path: string): string {
  const result = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(
      `pdftotext failed (${result.error?.message ?? result.stderr}). Install it: sudo apt-get install -y poppler-utils`,
    );
  }
  return result.stdout;
}
