import { fromDom } from 'hast-util-from-dom';
import { toMdast } from 'hast-util-to-mdast';
import type { Root as HastRoot } from 'hast';
import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { parse as parseYaml } from 'yaml';

/*
 * Markdown (CommonMark + GFM tables, with YAML front matter) and HTML (through the DOM parser
 * the caller gives: the browser's DOMParser, jsdom's in the terminal) both become one mdast
 * tree, so the rest of the importer reads one structure whatever the file was.
 */

export interface ParsedGuide {
  tree: Root;
  /** Front matter's fields (Markdown) or the page's <title> and lang (HTML). */
  meta: { title: string | null; lang: string | null; dir: string | null };
  isHtml: boolean;
}

function readFrontMatter(value: string): Record<string, unknown> {
  try {
    const data: unknown = parseYaml(value, {
      maxAliasCount: 10,
      prettyErrors: false,
      logLevel: 'silent',
    });
    return typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : {};
  } catch {
    // Broken front matter still leaves the guide's body readable.
    return {};
  }
}

const asText = (value: unknown) => (typeof value === 'string' ? value : null);

/** Front matter that opens on the first line and closes on a later one. */
// Each line is matched one way only (`[^\r\n]*`, not `[^\n]*` which also takes the `\r`), so a
// Windows file whose `---` never closes is rejected in linear time, not in 2^lines steps.
const FRONT_MATTER = /^---[ \t]*\r?\n(?:[^\r\n]*\r?\n)*?---[ \t]*(?:\r?\n|$)/;

// Built once: combining the syntax extensions costs more than parsing a guide.
const PLAIN = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };
const WITH_FRONT_MATTER = {
  extensions: [gfm(), frontmatter(['yaml'])],
  mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
};

export function parseMarkdown(text: string): ParsedGuide {
  // The front matter extension is only given a front matter that closes: an opening `---` with
  // no closer would otherwise stop the lists of the whole file from being read as lists.
  const hasFrontMatter = FRONT_MATTER.test(text);
  const tree = fromMarkdown(text, hasFrontMatter ? WITH_FRONT_MATTER : PLAIN);
  let data: Record<string, unknown> = {};
  const first = tree.children[0];
  if (first?.type === 'yaml') data = readFrontMatter(first.value);
  return {
    tree,
    meta: {
      title: asText(data.title),
      lang: asText(data.lang) ?? asText(data.language) ?? asText(data.locale),
      dir: asText(data.dir),
    },
    isHtml: false,
  };
}

export function parseHtmlGuide(html: string, parseHtml: (html: string) => Document): ParsedGuide {
  const document = parseHtml(html);
  const root = document.body ?? document.documentElement;
  // A <base> in the body would become the base of every link, and a relative one ("/") is no
  // base at all (the converter throws): links are resolved against the guides' site instead.
  for (const base of root?.querySelectorAll('base') ?? []) base.remove();
  const hast = root ? (fromDom(root) as HastRoot) : ({ type: 'root', children: [] } as HastRoot);
  const mdast = toMdast(hast);
  const children: RootContent[] = mdast.type === 'root' ? mdast.children : [mdast as RootContent];
  const element = document.documentElement;
  return {
    tree: { type: 'root', children },
    meta: {
      title: document.title || null,
      lang: element?.getAttribute('lang') || null,
      dir: element?.getAttribute('dir') || null,
    },
    isHtml: true,
  };
}

/** HTML when the caller says so or the text starts like a web page. */
export function looksLikeHtml(name: string, text: string, mediaType?: string): boolean {
  if (mediaType?.toLowerCase().includes('html')) return true;
  if (/\.x?html?$/i.test(name)) return true;
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text);
}
