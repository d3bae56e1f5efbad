/// <reference lib="webworker" />
import { importGuidesUnguarded, type GuideSource } from '@/guide/import-guide';
import { browserDeps } from '@/plan/create-plan';

/*
 * Reads guide files away from the page (guide-off-thread.ts): a Markdown file built to be hard to
 * parse (thousands of nested quotes, alternating lists and headings) takes the parser seconds or
 * minutes, and here that only keeps this worker busy until the page gives up on it. A saved web
 * page needs the browser's HTML parser, which a worker doesn't have: the page reads those itself.
 */

declare let self: DedicatedWorkerGlobalScope;

export interface GuideWorkerRequest {
  sources: GuideSource[];
  eventDate?: string;
}

/** Thrown where the importer asks for the HTML parser: the page is to read these files. */
const NEEDS_PAGE = 'needs the page: HTML';

self.onmessage = (event: MessageEvent<GuideWorkerRequest>) => {
  const { sources, eventDate } = event.data;
  try {
    const result = importGuidesUnguarded(sources, {
      parseHtml: () => {
        throw new Error(NEEDS_PAGE);
      },
      deps: browserDeps,
      ...(eventDate ? { eventDate } : {}),
    });
    self.postMessage({ kind: 'done', result });
  } catch (error) {
    self.postMessage({
      kind: error instanceof Error && error.message === NEEDS_PAGE ? 'html' : 'failed',
    });
  }
};
