import type { GuideRefusalCode } from './import-guide';

/*
 * From a file's bytes to text, or the reason there is none. Guides are text: UTF-8 (with or
 * without a byte order mark) or UTF-16 with one. Anything else is refused rather than guessed,
 * so a legacy encoding never turns into a plan full of mojibake.
 */

export const GUIDE_MAX_BYTES = 1_048_576;

export type DecodeResult = { ok: true; text: string } | { ok: false; code: GuideRefusalCode };

// File signatures of the binary formats people are most likely to drop by mistake.
const SIGNATURES: readonly number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP (docx, odt, xlsx…)
  [0x52, 0x49, 0x46, 0x46], // RIFF (webp, wav, avi)
  [0x1f, 0x8b], // gzip
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xd0, 0xcf, 0x11, 0xe0], // old Office documents
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);

/** Control characters other than tab, line breaks and form feed: a sign of binary data. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  const controls = sample.match(CONTROL)?.length ?? 0;
  return controls > Math.max(2, sample.length / 100);
}

function decodeWith(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Byte length as UTF-8, counted only when the text could be over the limit. */
export function overGuideLimit(text: string): boolean {
  if (text.length > GUIDE_MAX_BYTES) return true;
  return (
    text.length * 3 > GUIDE_MAX_BYTES && new TextEncoder().encode(text).length > GUIDE_MAX_BYTES
  );
}

export function decodeGuideText(text: string): DecodeResult {
  if (overGuideLimit(text)) return { ok: false, code: 'tooLarge' };
  const clean = text.replace(/^\uFEFF/, '');
  if (!clean.trim()) return { ok: false, code: 'empty' };
  if (looksBinary(clean)) return { ok: false, code: 'binary' };
  return { ok: true, text: clean };
}

export function decodeGuideBytes(bytes: Uint8Array): DecodeResult {
  // Checked first: a 50 MB file is refused without reading it.
  if (bytes.length > GUIDE_MAX_BYTES) return { ok: false, code: 'tooLarge' };
  if (bytes.length === 0) return { ok: false, code: 'empty' };
  if (SIGNATURES.some((signature) => startsWith(bytes, signature))) {
    return { ok: false, code: 'binary' };
  }
  let text: string | null;
  if (startsWith(bytes, [0xff, 0xfe])) text = decodeWith('utf-16le', bytes);
  else if (startsWith(bytes, [0xfe, 0xff])) text = decodeWith('utf-16be', bytes);
  else {
    // NUL bytes in a file without a UTF-16 mark: binary data, not text.
    if (bytes.subarray(0, 8192).includes(0)) return { ok: false, code: 'binary' };
    text = decodeWith('utf-8', bytes);
  }
  if (text === null) return { ok: false, code: 'encoding' };
  return decodeGuideText(text);
}
