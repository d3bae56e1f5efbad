import type { Nodes } from 'mdast';

/*
 * Plain text out of the tree. The parser has already turned Markdown and HTML into structure;
 * what remains here is what a broken source leaves as literal text (a `**` that closed nothing,
 * an HTML tag a translator mangled, an entity without its semicolon), removed so that no
 * markup ever reaches a step, an item, a note or a link label.
 */

/** Text of a node and everything inside it; images, raw HTML and code markers give nothing. */
export function nodeText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return ' ';
    case 'html':
      // A line break written as HTML (`</br>`, `<br/>`) still separates words.
      return /^<\/?br\b/i.test(node.value.trim()) ? ' ' : '';
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
    case 'yaml':
    case 'code':
    case 'definition':
    case 'thematicBreak':
      return '';
    default:
      if ('children' in node) {
        const separator =
          node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell'
            ? ''
            : ' ';
        return (node.children as Nodes[]).map(nodeText).join(separator);
      }
      return '';
  }
}

/*
 * Entities left as text: a named one only with its semicolon, or one of the few a page writes
 * without it ("&nbsp"), so that "Barnes&Noble", "R&D" and "?a=1&lang=en" stay as written.
 */
const ENTITY =
  /&(?:[a-z][a-z0-9]{1,31};|#\d{1,7};?|#x[0-9a-f]{1,6};?|(?:nbsp|amp|lt|gt|quot|apos)(?![a-z0-9]))/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '', gt: '', quot: '"', apos: "'" };

const TAG_CHARACTERS = /[<{}%>=][<{}%>= \t]*/g;
const TAG_RESIDUE = /\{\{|\}\}|<[ \t]*%|%>|%=/;

/** Literal markup left over in a text, removed; whitespace (incl. no-break spaces) collapsed. */
export function cleanText(raw: string): string {
  // Removing one kind of residue can join the pieces of another ("<**/h2>" gives "</h2>"):
  // repeat until nothing changes. Runs of one kind ("&amp;amp;amp;", "<<<%%%", "# # #") go in
  // one pass, so eight passes undo nests of mixed kinds eight deep; each pass is linear.
  let text = raw;
  for (let pass = 0; pass < 8; pass += 1) {
    const next = cleanOnce(text);
    if (next === text) break;
    text = next;
  }
  return text;
}

function cleanOnce(raw: string): string {
  return (
    raw
      // Links written out but not parsed as such ("[label](url)"): their label stays. Neither
      // part may hold a bracket, so each "[" is scanned to the next one at most (linear).
      .replace(/!?\[([^[\]\n]*)\]\([^()[\]\n]*\)/g, '$1')
      // An image mark that opened nothing.
      .replace(/!\[/g, '[')
      // HTML tags and comments, however broken ("</br>", "<img src=…>", "<p style=…>").
      .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
      // A "<" inside a tag is text in an attribute ("<img onerror=alert<(1)>" in a <title>),
      // unless it starts another tag: so each tag's scan ends at the next one (linear).
      .replace(/<\/?[A-Za-z](?:[^<>\n]|<(?![A-Za-z/]))*>/g, ' ')
      // Escaped ampersands escaped again, in one go: "&amp;amp;amp;lt;" is "&lt;".
      .replace(/&(?:amp;)+/gi, '&')
      // Entities that were not decoded (no semicolon, unknown): the character or nothing.
      .replace(ENTITY, (entity) => {
        const name = entity.replace(/^&|;$/g, '').toLowerCase();
        if (Object.hasOwn(NAMED, name)) return NAMED[name] ?? '';
        return name === 'nbsp' ? ' ' : '';
      })
      // Emphasis markers that closed nothing, template residue, heading marks at the start.
      .replace(/\*{2,}|_{2,}|~{2,}|`+/g, '')
      // Template residue: a run of the tags' characters that holds an opener or a closer ("{{",
      // "}}", "<%", also with spaces inside as removing a link's "](" can leave it, "%>", "%=")
      // goes whole, nests such as "<<<%%%" included. The run is matched greedily and then
      // tested, so the time stays linear ("<" 40,000 times over is one run).
      .replace(TAG_CHARACTERS, (run) => (TAG_RESIDUE.test(run) ? ' ' : run))
      .replace(/\]\(/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\uE000-\uF8FF]/g, '')
      .replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ')
      .replace(/^\s*(?:#{1,6}\s+)+/, '')
      .trim()
  );
}

export const textOf = (node: Nodes) => cleanText(nodeText(node));

/** Cut to `max` characters at a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
