import type { GuideSource } from '@/guide/import-guide';

/*
 * The app's door to the guide importer (src/guide/). The importer and its parsers are loaded only
 * here, through a dynamic import(), when someone picks, drops or pastes a guide: never with the
 * first page (scripts/budgets.mjs checks it).
 */

export const loadGuideImporter = () => import('@/guide/import-guide');

/** What the guide file picker offers: Markdown or plain text, and saved web pages. */
export const GUIDE_FILE_ACCEPT = '.md,.markdown,.txt,.html,.htm,text/markdown,text/plain,text/html';

/** How much of a file is read to tell a plan file from a guide. */
const HEAD_BYTES = 512;

const isHtmlFile = (file: File) => /\.html?$/i.test(file.name) || file.type === 'text/html';

/**
 * A picked or dropped file as the importer takes it. Only one byte past the limit is read: a
 * 50 MB file is refused as too large without taking the tab's memory.
 */
export async function guideSourceFromFile(file: File, maxBytes: number): Promise<GuideSource> {
  const bytes = new Uint8Array(await file.slice(0, maxBytes + 1).arrayBuffer());
  return { name: file.name, bytes, ...(isHtmlFile(file) ? { mediaType: 'text/html' } : {}) };
}

/**
 * Pasted text as the importer takes it: the clipboard's HTML when the browser gives it (links
 * and headings survive), else its plain text.
 */
export function guideSourceFromPaste(
  name: string,
  pasted: { html: string; plain: string },
): GuideSource {
  return pasted.html.trim()
    ? { name, text: pasted.html, mediaType: 'text/html' }
    : { name, text: pasted.plain };
}

/** Dropped files sorted into plan files (imported as before) and guides (previewed). */
export async function sortDroppedFiles(files: File[]): Promise<{ plans: File[]; guides: File[] }> {
  const { isLikelyPlanFile } = await loadGuideImporter();
  const plans: File[] = [];
  const guides: File[] = [];
  for (const file of files) {
    let head = '';
    try {
      head = await file.slice(0, HEAD_BYTES).text();
    } catch {
      // Unreadable: the plan-file import reports it.
      plans.push(file);
      continue;
    }
    (isLikelyPlanFile(file.name, head) ? plans : guides).push(file);
  }
  return { plans, guides };
}

/** The browser's HTML parser, as the importer asks for it. */
export const parseHtml = (html: string): Document =>
  new DOMParser().parseFromString(html, 'text/html');
