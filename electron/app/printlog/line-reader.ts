import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { decodeBytes, newlineOf, type Encoding } from './encoding.js';

export interface LogLine {
  text: string;
  /** 1-based line number in the file. */
  line: number;
  /** Byte offset of the line's first byte (uncompressed for .gz). */
  start: number;
  /** Byte offset just past its line ending: where the next read resumes. */
  end: number;
}

export const isGzip = (path: string): boolean => path.toLowerCase().endsWith('.gz');

/**
 * The file's bytes (decompressed for .gz) from `offset` on. A gzip stream
 * cannot seek, so for .gz the caller drops the first `skip` bytes itself.
 */
export function openBytes(path: string, offset: number): { stream: Readable; skip: number } {
  if (!isGzip(path)) return { stream: createReadStream(path, { start: offset, highWaterMark: 256 * 1024 }), skip: 0 };
  return { stream: createReadStream(path, { highWaterMark: 256 * 1024 }).pipe(createGunzip()), skip: offset };
}

/** The first `max` bytes (decompressed), for encoding and format detection. */
export async function readHead(path: string, max = 64 * 1024): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  const { stream } = openBytes(path, 0);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= max) break;
  }
  stream.destroy();
  return Buffer.concat(parts).subarray(0, max);
}

export interface ReadOptions {
  encoding: Encoding;
  /** Where to start (a committed position); 0 = the start of the file. */
  offset: number;
  /** The number of the last line before `offset`. */
  lineBefore: number;
  bomLength: number;
  /**
   * A last line without its newline: emitted at the end of a finished file,
   * held back while tailing (the writer may still be writing it).
   */
  lastLine: 'emit' | 'hold';
}

interface Splitter {
  /** The lines the chunk completes, a few hundred at a time: each group is decoded only when asked for. */
  push(chunk: Buffer): Iterable<LogLine[]>;
  /** The bytes after the last newline, as a line. */
  rest(): LogLine | null;
}

/**
 * Splits a file into lines at byte level (so every line has exact byte
 * offsets to resume from) and decodes each, yielding the lines a few hundred
 * at a time: one await per group, not per line. A group is decoded when it is
 * asked for, not a whole chunk read ahead: lines that are used up before the
 * next group is made die young, cheap for the garbage collector.
 * Constant memory: one group's lines and the current partial line.
 */
export async function* readLineBatches(path: string, opts: ReadOptions): AsyncGenerator<LogLine[]> {
  const position = opts.offset === 0 ? opts.bomLength : opts.offset;
  const { stream, skip: toSkip } = openBytes(path, position);
  const splitter = newlineOf(opts.encoding).unit === 1 ? singleByteSplitter(opts, position) : doubleByteSplitter(opts, position);
  let skip = toSkip;
  for await (const raw of stream as AsyncIterable<Buffer>) {
    if (skip >= raw.length) {
      skip -= raw.length;
      continue;
    }
    const chunk = skip > 0 ? raw.subarray(skip) : raw;
    skip = 0;
    for (const lines of splitter.push(chunk)) if (lines.length > 0) yield lines;
  }
  const rest = splitter.rest();
  if (rest && opts.lastLine === 'emit') yield [rest];
}

/** Decodes one line's bytes, its line ending (CR of a CRLF included) cut off. */
function lineDecoder(opts: ReadOptions): (bytes: Buffer, line: number, start: number, end: number) => LogLine {
  const { unit, cr } = newlineOf(opts.encoding);
  return (bytes, line, start, end) => {
    let body = bytes;
    if (body.length >= unit && cr.every((b, i) => body[body.length - unit + i] === b)) body = body.subarray(0, body.length - unit);
    return { text: decodeBytes(body, opts.encoding), line, start, end };
  };
}

/** Bytes decoded in one call: the text stays under V8's large-object size (128 KiB) even as UTF-16. */
const DECODE_SLICE = 32 * 1024;

/**
 * UTF-8 and CP932: whole lines are decoded many at a time, then the text is
 * cut at its "\n"s. Each line gets exactly the text decoding it alone
 * would give: 0x0A and 0x0D are never part of a multi-byte character in either
 * encoding, and both decoders start afresh at an ASCII byte after a broken
 * sequence, so every 0x0A byte is one "\n" and no character spans it.
 */
function singleByteSplitter(opts: ReadOptions, position: number): Splitter {
  const decodeLine = lineDecoder(opts);
  let line = opts.lineBefore;
  let partial: Buffer | null = null;
  let chunkStart = position;
  return {
    *push(chunk) {
      let from = 0;
      if (partial) {
        const nl = chunk.indexOf(0x0a);
        if (nl === -1) {
          partial = Buffer.concat([partial, chunk]);
          chunkStart += chunk.length;
          return;
        }
        const whole = decodeLine(Buffer.concat([partial, chunk.subarray(0, nl)]), ++line, chunkStart - partial.length, chunkStart + nl + 1);
        partial = null;
        from = nl + 1;
        yield [whole];
      }
      const lastNl = chunk.lastIndexOf(0x0a);
      const start = chunkStart;
      // The rest of the chunk waits for the next one; the groups below take their offsets from `start`.
      if (lastNl + 1 < chunk.length) partial = Buffer.from(chunk.subarray(lastNl + 1));
      chunkStart += chunk.length;
      while (from <= lastNl) {
        // Decoded a slice at a time: a line's text refers to the string it was
        // cut from, and a string this small is freed young instead of waiting
        // in the old generation for a full collection.
        let sliceEnd = from + DECODE_SLICE >= lastNl ? lastNl : chunk.lastIndexOf(0x0a, from + DECODE_SLICE);
        if (sliceEnd < from) sliceEnd = chunk.indexOf(0x0a, from);
        const text = decodeBytes(chunk.subarray(from, sliceEnd + 1), opts.encoding);
        const lines: LogLine[] = [];
        let t = 0;
        for (let b = from; b <= sliceEnd; ) {
          const nl = chunk.indexOf(0x0a, b);
          const tnl = text.indexOf('\n', t);
          const end = tnl > t && text.charCodeAt(tnl - 1) === 0x0d ? tnl - 1 : tnl;
          lines.push({ text: text.slice(t, end), line: ++line, start: start + b, end: start + nl + 1 });
          b = nl + 1;
          t = tnl + 1;
        }
        from = sliceEnd + 1;
        yield lines;
      }
    },
    rest: () => (partial ? decodeLine(partial, ++line, chunkStart - partial.length, chunkStart) : null),
  };
}

/** UTF-16: a newline is two bytes at an even offset, so lines are found and decoded one by one. */
function doubleByteSplitter(opts: ReadOptions, position: number): Splitter {
  const decodeLine = lineDecoder(opts);
  const { unit, lf } = newlineOf(opts.encoding);
  const findNewline = (buf: Buffer, from: number, alignBase: number): number => {
    for (let i = buf.indexOf(lf[0] ?? 0, from); i !== -1; i = buf.indexOf(lf[0] ?? 0, i + 1)) {
      if ((alignBase + i) % 2 === 0 && buf[i + 1] === lf[1]) return i;
    }
    return -1;
  };
  let line = opts.lineBefore;
  let pending: Buffer = Buffer.alloc(0);
  let pendingStart = position;
  return {
    *push(chunk) {
      const buf = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      const base = pendingStart;
      const lines: LogLine[] = [];
      let from = 0;
      for (let nl = findNewline(buf, 0, base); nl !== -1; nl = findNewline(buf, from, base)) {
        const end = nl + unit;
        lines.push(decodeLine(buf.subarray(from, nl), ++line, base + from, base + end));
        from = end;
      }
      pending = Buffer.from(buf.subarray(from));
      pendingStart = base + from;
      yield lines;
    },
    rest: () => (pending.length > 0 ? decodeLine(pending, ++line, pendingStart, pendingStart + pending.length) : null),
  };
}
