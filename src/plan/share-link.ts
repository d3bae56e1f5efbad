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

/** Bytes fed to the inflater at a time: deflate expands at most about 1,032 times, so 1 MB. */
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

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const response = new Response(
    new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw')),
  );
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Inflates `bytes`, refusing (RangeError) as soon as the output passes `limit` bytes. The input
 * is fed a small chunk at a time and the output read as it comes: given the whole input at once,
 * the inflater would expand all of it before the first read (a 1.4 M-character link of spaces
 * is 1 GiB, 12 s of a frozen tab). Fed in chunks, it stops within a chunk's worth of the limit.
 */
export async function inflateLimited(
  bytes: Uint8Array<ArrayBuffer>,
  limit: number,
): Promise<Uint8Array> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  // Each write waits until the inflater has taken the chunk, which it does only as the output
  // is read (backpressure), so the input never runs far ahead of the reading below.
  const feeding = (async () => {
    for (let i = 0; i < bytes.length && !stopped; i += INFLATE_CHUNK) {
      await writer.ready;
      await writer.write(bytes.subarray(i, i + INFLATE_CHUNK));
    }
    if (!stopped) await writer.close();
  })();
  // A damaged stream rejects both sides; the reading side reports it.
  feeding.catch(() => undefined);
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

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
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
  return `${SHARE_PARAM}=${toBase64Url(await deflate(json))}`;
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
    const inflated = await inflateLimited(bytes, MAX_FILE_BYTES);
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return { ok: false, error: { code: 'damagedLink' } };
  }
  return readPlanFile(text);
}
