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

/** Runs bytes through a (de)compression stream; stops past `limit` bytes (a "zip bomb"). */
async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit = Infinity,
): Promise<Uint8Array> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  const reader = source
    .pipeThrough(stream as unknown as TransformStream<Uint8Array, Uint8Array>)
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new RangeError('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

export async function encodeShareFragment(file: PlanFile): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(file));
  return `${SHARE_PARAM}=${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

export type ShareReadResult = ReadResult | { ok: false; error: { code: 'damagedLink' } };

/** Reads `#plan=…` back into a plan; a damaged or tampered link gives an error, never a throw. */
export async function decodeShareFragment(fragment: string): Promise<ShareReadResult> {
  const raw = fragment.replace(/^#/, '');
  const prefix = `${SHARE_PARAM}=`;
  if (!raw.startsWith(prefix) || raw.length > MAX_FRAGMENT_CHARS)
    return { ok: false, error: { code: 'damagedLink' } };
  const bytes = fromBase64Url(raw.slice(prefix.length));
  if (!bytes || bytes.length === 0) return { ok: false, error: { code: 'damagedLink' } };
  let text: string;
  try {
    const inflated = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_FILE_BYTES);
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return { ok: false, error: { code: 'damagedLink' } };
  }
  return readPlanFile(text);
}
