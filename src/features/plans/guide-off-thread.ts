import type { GuideImportResult, GuideSource } from '@/guide/import-guide';
import { browserDeps } from '@/plan/create-plan';
import { loadGuideImporter, parseHtml } from './guide-files';
import type { GuideWorkerRequest } from './guide-worker';

/** How long a guide may take to read before it is given up as too complex (a real one: 0.1 s). */
export const GUIDE_READ_LIMIT_MS = 8000;

type Importer = Awaited<ReturnType<typeof loadGuideImporter>>;
type WorkerReply =
  { kind: 'done'; result: GuideImportResult } | { kind: 'html' } | { kind: 'failed' };

/**
 * Imports guide files without holding up the page: Markdown and text are read in a worker
 * (guide-worker.ts), given up after `limitMs` as too complex, so a hostile file can't freeze the
 * tab; saved web pages need the browser's HTML parser and are read here (the HTML parser and the
 * walk over its tree take time in proportion to the file). Where there is no worker (tests under
 * jsdom, a worker that could not be loaded), the page reads the files itself.
 */
export async function importGuidesOffThread(
  importer: Importer,
  sources: GuideSource[],
  { eventDate, limitMs = GUIDE_READ_LIMIT_MS }: { eventDate?: string; limitMs?: number } = {},
): Promise<GuideImportResult> {
  const onPage = () =>
    importer.importGuides(sources, {
      parseHtml,
      deps: browserDeps,
      ...(eventDate ? { eventDate } : {}),
    });
  if (typeof Worker === 'undefined' || sources.some((source) => isHtml(importer, source)))
    return onPage();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./guide-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return onPage();
  }
  const reply = await new Promise<WorkerReply | 'timeout' | 'error'>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), limitMs);
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      clearTimeout(timer);
      resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      clearTimeout(timer);
      resolve('error');
    };
    worker.postMessage({
      sources,
      ...(eventDate ? { eventDate } : {}),
    } satisfies GuideWorkerRequest);
  });
  worker.terminate();
  if (reply === 'timeout')
    return {
      ok: false,
      refusals: sources.map((source) => ({ file: source.name, code: 'tooComplex' })),
    };
  if (reply === 'error' || reply.kind === 'html') return onPage();
  if (reply.kind === 'failed')
    return {
      ok: false,
      refusals: sources.map((source) => ({ file: source.name, code: 'noSteps' })),
    };
  return reply.result;
}

/** A saved web page, by its type, its name or its first characters (the importer's own test). */
function isHtml(importer: Importer, source: GuideSource): boolean {
  const head =
    source.text?.slice(0, 1024) ??
    new TextDecoder('utf-8', { fatal: false }).decode(source.bytes?.subarray(0, 1024));
  return importer.looksLikeHtml(source.name, head.replace(/^\uFEFF/, ''), source.mediaType);
}
