import iconv from 'iconv-lite';
import { decodeCp932 } from './cp932.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'cp932';

export interface EncodingDetection {
  encoding: Encoding;
  /** Bytes of byte-order mark at the start of the file (skipped, not part of line 1). */
  bomLength: number;
  reason: string;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Drops a trailing partial UTF-8 sequence so a head cut mid-character still validates. */
function trimPartialUtf8(head: Uint8Array): Uint8Array {
  let end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = head[end - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (need > back) end -= back;
    break;
  }
  return head.subarray(0, end);
}

/**
 * Detects the encoding from the file's first bytes: a BOM decides; otherwise
 * bytes that are valid UTF-8 are UTF-8 and anything else is taken as CP932
 * (Windows-31J, what Japanese Windows print servers write). Never assumed from
 * the format.
 */
export function detectEncoding(head: Uint8Array): EncodingDetection {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, reason: 'UTF-8 byte-order mark' };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, reason: 'UTF-16LE byte-order mark' };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, reason: 'UTF-16BE byte-order mark' };
  try {
    fatalUtf8.decode(trimPartialUtf8(head));
    const ascii = head.every((b) => b < 0x80);
    return { encoding: 'utf-8', bomLength: 0, reason: ascii ? 'ASCII only (read as UTF-8)' : 'valid UTF-8 without BOM' };
  } catch {
    return { encoding: 'cp932', bomLength: 0, reason: 'not valid UTF-8: read as CP932 (Shift_JIS)' };
  }
}

/** Accepts the names people write in mapping files and on the command line. */
export function normalizeEncoding(name: string): Encoding | null {
  const n = name.trim().toLowerCase().replace(/[_\s]/g, '-');
  if (['utf-8', 'utf8', 'utf-8-bom'].includes(n)) return 'utf-8';
  if (['utf-16le', 'utf-16', 'ucs-2'].includes(n)) return 'utf-16le';
  if (n === 'utf-16be') return 'utf-16be';
  if (['cp932', 'shift-jis', 'sjis', 'windows-31j', 'ms932', 'shiftjis'].includes(n)) return 'cp932';
  return null;
}

export function decodeBytes(bytes: Uint8Array, encoding: Encoding): string {
  // A view, not a copy: this decodes every line of every file.
  const view = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'utf-8') return view.toString('utf8');
  return encoding === 'cp932' ? decodeCp932(view) : iconv.decode(view, encoding);
}

/** Byte width of one code unit and the bytes of "\n" in the encoding, for splitting lines without decoding. */
export function newlineOf(encoding: Encoding): { unit: number; lf: number[]; cr: number[] } {
  switch (encoding) {
    case 'utf-16le':
      return { unit: 2, lf: [0x0a, 0x00], cr: [0x0d, 0x00] };
    case 'utf-16be':
      return { unit: 2, lf: [0x00, 0x0a], cr: [0x00, 0x0d] };
    case 'utf-8':
    case 'cp932':
      // 0x0A never occurs inside a multi-byte character of UTF-8 or CP932.
      return { unit: 1, lf: [0x0a], cr: [0x0d] };
    default: {
      const never: never = encoding;
      return never;
    }
  }
}
