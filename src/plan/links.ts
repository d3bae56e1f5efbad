/** The guide's resources, resolved (see shared/GUIDE.md). Addresses are not translated. */
export const GUIDE_LINKS = {
  videos: 'https://hourofcode.com/promote/resources#videos',
  stats: 'https://hourofcode.com/promote/stats',
  sampleEmails: 'https://hourofcode.com/promote/resources#sample-emails',
  pressKit: 'https://hourofcode.com/promote/press-kit',
  eventsGuide: 'https://hourofcode.com/how-to/events',
  howTo: 'https://hourofcode.com/how-to',
  officialToolkit: 'https://hourofcode.com/files/elected-official.pdf',
  onePager: 'https://hourofcode.com/files/hoc-one-pager.pdf',
  eventsMap: 'https://hourofcode.com/events',
  proclamation: 'https://hourofcode.com/resources/proclamation',
  opEd: 'https://hourofcode.com/promote/op-ed',
  pressRelease: 'https://hourofcode.com/promote/official-press-release',
  moreResources: 'https://hourofcode.com/promote',
  // Officials' step 9: the page the Bokmål guide links, with the petition for advocacy updates.
  advocacy: 'https://code.org/promote',
  home: 'https://hourofcode.com/',
  /** The press kit's contact for all media questions. */
  pressContact: 'mailto:press@code.org',
  /** Officials' step 7: share the Hour of Code video on Facebook (the guide's share link). */
  shareVideo: 'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fhourofcode.com%2Fus',
  /** Officials' step 7: a ready post of support on X/Twitter (the guide's text and hashtag). */
  postSupport:
    'https://twitter.com/intent/tweet?text=I%27m%20participating%20in%20this%20year%27s%20%23HourOfCode%2C%20are%20you%3F%20%40codeorg&url=https%3A%2F%2Fhourofcode.com',
} as const;

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The one gate every link passes before it reaches an `href`: only http, https and mailto
 * addresses are returned; anything else (javascript:, data:, relative paths…) gives null and
 * is shown as plain text.
 */
export function safeHref(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return null;
  return url.protocol === 'mailto:' ? mailtoWithoutExtras(url) : url.href;
}

/**
 * A subject is one line: line breaks (and other control characters) in a title, a stored subject
 * or a mail link's subject become spaces, so they can never add a header line (`%0D%0ABcc:`).
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** What a mail link may fill in besides the address: the subject and the text. */
const MAIL_FIELDS = new Set(['subject', 'body']);

/**
 * A mail link with only its address, subject and text: the other fields a mail program may
 * honour (`attach`, `bcc`, `cc`, `from`…) could attach a file or copy someone in unseen.
 * Fields are read as RFC 6068 writes them (percent-encoded; "+" is a plus, not a space). The
 * subject is made one line: a line break in it would start a header of its own (`Bcc:`).
 */
function mailtoWithoutExtras(url: URL): string {
  const query = url.search.slice(1);
  if (!query) return url.href;
  const bare = new URL(url.href);
  bare.search = '';
  bare.hash = '';
  const address = bare.href;
  const kept: string[] = [];
  for (const field of query.split('&')) {
    const at = field.indexOf('=');
    const name = (at < 0 ? field : field.slice(0, at)).toLowerCase();
    if (!MAIL_FIELDS.has(name)) continue;
    try {
      const value = decodeURIComponent(at < 0 ? '' : field.slice(at + 1));
      kept.push(`${name}=${encodeURIComponent(name === 'subject' ? oneLine(value) : value)}`);
    } catch {
      // Not valid percent-encoding: the field is left out.
    }
  }
  return kept.length > 0 ? `${address}?${kept.join('&')}` : address;
}
