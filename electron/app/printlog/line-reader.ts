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

function findNewline(buf: Buffer, from: number, lf: number[], unit: number, alignBase: number): number {
  const first = lf[0] ?? 0x0a;
  for (let i = buf.indexOf(first, from); i !== -1; i = buf.indexOf(first, i + 1)) {
    if (unit === 1) return i;
    if ((alignBase + i) % 2 === 0 && buf[i + 1] === lf[1]) return i;
  }
  return -1;
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

/**
 * Splits a file into lines at byte level (so every line has exact byte
 * offsets to resume from) and decodes each. Constant memory: only the
 * current partial line is buffered.
 */
export async function* readLines(path: string, opts: ReadOptions): AsyncGenerator<LogLine> {
  const { unit, lf, cr } = newlineOf(opts.encoding);
  const position = opts.offset === 0 ? opts.bomLength : opts.offset;
  let line = opts.lineBefore;
  let pending: Buffer = Buffer.alloc(0);
  let pendingStart = position;
  const { stream, skip: toSkip } = openBytes(path, position);
  let skip = toSkip;
  const emit = (bytes: Buffer, start: number, end: number): LogLine => {
    let body = bytes;
    if (body.length >= unit && cr.every((b, i) => body[body.length - unit + i] === b)) body = body.subarray(0, body.length - unit);
    line += 1;
    return { text: decodeBytes(body, opts.encoding), line, start, end };
  };
  for await (const raw of stream as AsyncIterable<Buffer>) {
    if (skip >= raw.length) {
      skip -= raw.length;
      continue;
    }
    const chunk = skip > 0 ? raw.subarray(skip) : raw;
    skip = 0;
    const buf = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    const base = pendingStart;
    let from = 0;
    for (let nl = findNewline(buf, 0, lf, unit, base); nl !== -1; nl = findNewline(buf, from, lf, unit, base)) {
      const end = nl + unit;
      yield emit(buf.subarray(from, nl), base + from, base + end);
      from = end;
    }
    pending = Buffer.from(buf.subarray(from));
    pendingStart = base + from;
  }
  if (pending.length > 0 && opts.lastLine === 'emit') yield emit(pending, pendingStart, pendingStart + pending.length);
}
