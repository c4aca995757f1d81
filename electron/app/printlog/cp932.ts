import iconv from 'iconv-lite';

/**
 * CP932 (Windows-31J, what Japanese Windows writes) decoding that gives
 * exactly the text iconv-lite gives, several times faster: a job's text is
 * part of its identity (printlog.repo.ts), so a decoder that read one
 * character differently would store a job again on a re-import.
 *
 * Node's own `new TextDecoder('shift_jis')` is faster still but is not CP932:
 * ICU's converter maps 0x1A, 0x1C and 0x7F differently and refuses bytes that
 * CP932 reads (3,835 of the 65,536 byte pairs decode differently).
 *
 * The tables are iconv-lite's own answers, asked once: each byte alone, and
 * each byte pair. A byte that is no character alone and starts no pair with
 * the next byte is one U+FFFD and the next byte is read afresh, as iconv-lite does.
 */
interface Tables {
  /** The character of a byte read alone, or -1 when it is none (a lead byte, or unassigned). */
  single: Int32Array;
  /** The character of a lead byte and the byte after it (index lead × 256 + trail), or 0 when they are none. */
  pairs: Uint16Array;
}

const REPLACEMENT = 0xfffd;
const LF = 0x0a;

/** iconv-lite's decoding of each byte sequence of `length` bytes in `questions`, none of them a newline byte. */
function iconvAnswers(questions: Buffer, length: number): string[] {
  const count = questions.length / length;
  const asked = Buffer.alloc(count * (length + 1), LF);
  for (let q = 0; q < count; q++) questions.copy(asked, q * (length + 1), q * length, (q + 1) * length);
  // A newline is never part of a character, so the text splits back at its "\n"s into one answer per question.
  return iconv.decode(asked, 'cp932').split('\n').slice(0, count);
}

const isOneCharacter = (text: string | undefined): text is string => text?.length === 1 && text.charCodeAt(0) !== REPLACEMENT;

function buildTables(): Tables {
  const single = new Int32Array(256).fill(-1);
  const pairs = new Uint16Array(65536);
  single[LF] = LF;
  const bytes = [...Array(256).keys()].filter((b) => b !== LF);
  iconvAnswers(Buffer.from(bytes), 1).forEach((text, i) => {
    if (isOneCharacter(text)) single[bytes[i] ?? 0] = text.charCodeAt(0);
  });
  // A pair that is no character decodes to U+FFFD and the trail byte read alone: never one character.
  const leads = bytes.filter((b) => single[b] === -1);
  const leadPairs = Buffer.alloc(leads.length * bytes.length * 2);
  leads.forEach((lead, l) => bytes.forEach((trail, t) => leadPairs.writeUInt16BE((lead << 8) | trail, (l * bytes.length + t) * 2)));
  iconvAnswers(leadPairs, 2).forEach((text, i) => {
    if (isOneCharacter(text)) pairs[leadPairs.readUInt16BE(i * 2)] = text.charCodeAt(0);
  });
  // decodeCp932 reads bytes below 0x80 as themselves without looking them up: iconv-lite must agree.
  if (!bytes.every((b) => b >= 0x80 || single[b] === b)) throw new Error('iconv-lite does not read ASCII as ASCII in CP932');
  return { single, pairs };
}

let tables: Tables | null = null;
/** Reused between calls: its size follows the largest input seen (a read slice, 32 KiB). */
let units = new Uint16Array(0);

export function decodeCp932(bytes: Uint8Array): string {
  const { single, pairs } = (tables ??= buildTables());
  const n = bytes.length;
  if (units.length < n) units = new Uint16Array(n);
  const out = units;
  let j = 0;
  for (let i = 0; i < n; ) {
    const b = bytes[i] as number;
    // ASCII first: most of a log is ASCII, and CP932 reads it as ASCII (buildTables checks).
    if (b < 0x80) {
      out[j++] = b;
      i += 1;
      continue;
    }
    const c = single[b] as number;
    if (c >= 0) {
      out[j++] = c;
      i += 1;
      continue;
    }
    const pair = i + 1 < n ? (pairs[(b << 8) | (bytes[i + 1] as number)] as number) : 0;
    out[j++] = pair !== 0 ? pair : REPLACEMENT;
    i += pair !== 0 ? 2 : 1;
  }
  return Buffer.from(out.buffer, 0, j * 2).toString('utf16le');
}
