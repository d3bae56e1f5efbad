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

/** Bytes fed to the inflater at a time (links are decoded in 3 KB pieces): deflate expands at
 * most about 1,032 times, so a piece gives at most about 1 MB (3 MB from a link). */
const INFLATE_CHUNK = 1024;

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

function* inPieces(bytes: Uint8Array<ArrayBuffer>): Generator<Uint8Array<ArrayBuffer>> {
  for (let i = 0; i < bytes.length; i += INFLATE_CHUNK) yield bytes.subarray(i, i + INFLATE_CHUNK);
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
): Promise<Uint8Array> {
  const pieces = input instanceof Uint8Array ? inPieces(input) : input;
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  // Each write waits until the inflater has taken the piece, which it does only as the output
  // is read (backpressure), so the input never runs far ahead of the reading below.
  const feeding = (async () => {
    try {
      for (const piece of pieces) {
        if (stopped) return;
        await writer.ready;
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

/** base64url characters per piece (3 KB): a multiple of 4, so each piece decodes on its own. */
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
    const inflated = await inflateLimited(fromBase64Url(encoded), MAX_FILE_BYTES);
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return { ok: false, error: { code: 'damagedLink' } };
  }
  return readPlanFile(text);
}
