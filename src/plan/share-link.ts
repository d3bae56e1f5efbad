import { MAX_FILE_BYTES, readPlanFile, type PlanFile, type ReadResult } from './file-format';

/*
 * A plan inside a link: the plan file, deflated with the platform's CompressionStream and
 * base64url-encoded, in the URL fragment (`/shared#plan=…`). The fragment never reaches a
 * server, so the plan stays between the two people.
 */

export const SHARE_PARAM = 'plan';
/** Longer links get cut by chat apps and mail programs; we warn and suggest the file. */
export const SAFE_LINK_LENGTH = 8000;
/** A compressed plan never needs more; larger fragments are refused before inflating. */
const MAX_FRAGMENT_CHARS = 2_000_000;

/** Bytes fed to the inflater at a time: deflate expands at most about 1,032 times, so a piece
 * gives at most about 256 KB, which the browser inflates in one go as it takes it. */
const INFLATE_CHUNK = 256;
/*
 * How far a link may expand. A decompression bomb expands about 1,000 times (deflate's most),
 * and inflating it up to the 5 MB limit costs the browser some 30 ms. A plan from the app expands
 * 10 to 40 times; only a long run of one repeated character expands as much as a bomb, and a
 * valid plan holds such runs only in its text fields, each at most 50,000 characters (150 KB of
 * UTF-8). So a stretch of the link that expands more than 600 times, by over 512 KB more than
 * that, is refused at once, after about 2 MB (the way zip readers guard against bombs, e.g.
 * Apache POI's minimum inflate ratio): a plan would need some 2 MB of such runs in a row, a bomb
 * is caught early. Any stretch counts, not only the whole so far: a bomb placed after a part that
 * hardly compresses is caught as soon. A bomb tuned to expand just under 600 times is stopped by
 * the 5 MB limit, as before.
 */
export const LINK_EXPANSION = { maxRatio: 600, allowance: 512 * 1024 };

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const written = writer.write(bytes).then(() => writer.close());
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
  }
  await written;
  return concat(chunks, total);
}

/** The input in pieces of at most INFLATE_CHUNK bytes, cut as they are asked for. */
function* inPieces(
  input: Uint8Array<ArrayBuffer> | Iterable<Uint8Array<ArrayBuffer>>,
): Generator<Uint8Array<ArrayBuffer>> {
  for (const bytes of input instanceof Uint8Array ? [input] : input)
    for (let i = 0; i < bytes.length; i += INFLATE_CHUNK)
      yield bytes.subarray(i, i + INFLATE_CHUNK);
}

/**
 * Inflates `input` (bytes, or pieces of them made as they are asked for), refusing (RangeError)
 * as soon as the output passes `limit` bytes. The input is fed a small piece at a time and the
 * output read as it comes: given the whole input at once, the inflater would expand all of it
 * before the first read (a 1.4 M-character link of spaces is 1 GiB, 12 s of a frozen tab). Fed
 * in pieces, it stops within a piece's worth of the limit, and the rest of the input is never
 * even decoded.
 */
export async function inflateLimited(
  input: Uint8Array<ArrayBuffer> | Iterable<Uint8Array<ArrayBuffer>>,
  limit: number,
  /** Refuse a stretch of input whose output is over `allowance` bytes more than `maxRatio` × it. */
  expansion: { maxRatio: number; allowance: number } = { maxRatio: Infinity, allowance: 0 },
): Promise<Uint8Array> {
  const pieces = inPieces(input);
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  /*
   * The largest excess of output over `maxRatio` × input, over any stretch ending now (Kadane's
   * running maximum: output adds to it, input takes from it). It never goes below what two
   * pieces take: the browser's inflater works through a piece as it takes it and takes the next
   * one only once the output is read, so a piece's input counts for its own output, with a
   * piece to spare, and a part that hardly compresses earns no credit for a bomb after it.
   */
  const floor = -expansion.maxRatio * 2 * INFLATE_CHUNK;
  let excess = 0;
  // Each write waits until the inflater has taken the piece, which it does only as the output
  // is read (backpressure), so the input never runs far ahead of the reading below.
  const feeding = (async () => {
    try {
      for (const piece of pieces) {
        if (stopped) return;
        await writer.ready;
        excess = Math.max(floor, excess - expansion.maxRatio * piece.byteLength);
        await writer.write(piece);
      }
      if (!stopped) await writer.close();
    } catch (error) {
      // A piece that can't be made (bad characters) errors the stream: the reading side sees it.
      await writer.abort(error).catch(() => undefined);
    }
  })();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) throw new RangeError('too large');
      excess += value.length;
      if (excess > expansion.allowance) throw new RangeError('expands too much');
      chunks.push(value);
    }
  } catch (error) {
    stopped = true;
    await reader.cancel().catch(() => undefined);
    await writer.abort().catch(() => undefined);
    await feeding;
    throw error;
  }
  await feeding;
  return concat(chunks, total);
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url characters decoded at a time (3 KB, fed to the inflater in smaller pieces): a
 * multiple of 4, so each piece decodes on its own. */
const BASE64_PIECE = 4096;

/**
 * The bytes of a base64url text, decoded a piece at a time as the inflater asks for them (a bomb
 * is refused before most of it is decoded). Throws on a character outside base64url.
 */
function* fromBase64Url(text: string): Generator<Uint8Array<ArrayBuffer>> {
  for (let i = 0; i < text.length; i += BASE64_PIECE) {
    const piece = text.slice(i, i + BASE64_PIECE);
    if (!/^[A-Za-z0-9_-]*$/.test(piece)) throw new SyntaxError('not base64url');
    const binary = atob(piece.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let j = 0; j < binary.length; j += 1) bytes[j] = binary.charCodeAt(j);
    yield bytes;
  }
}

export async function encodeShareFragment(file: PlanFile): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(file));
  return `${SHARE_PARAM}=${toBase64Url(await deflate(json))}`;
}

export type ShareReadResult = ReadResult | { ok: false; error: { code: 'damagedLink' } };

/** Reads `#plan=…` back into a plan; a damaged or tampered link gives an error, never a throw. */
export async function decodeShareFragment(fragment: string): Promise<ShareReadResult> {
  const raw = fragment.replace(/^#/, '');
  const prefix = `${SHARE_PARAM}=`;
  if (!raw.startsWith(prefix) || raw.length > MAX_FRAGMENT_CHARS)
    return { ok: false, error: { code: 'damagedLink' } };
  const encoded = raw.slice(prefix.length);
  if (encoded.length === 0) return { ok: false, error: { code: 'damagedLink' } };
  let text: string;
  try {
    const inflated = await inflateLimited(fromBase64Url(encoded), MAX_FILE_BYTES, LINK_EXPANSION);
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return { ok: false, error: { code: 'damagedLink' } };
  }
  return readPlanFile(text);
}
