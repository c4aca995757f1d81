import { statSync } from 'node:fs';
import type { FormatModule, FormatName, LineParser, ParseEvent } from '../../../shared/domain/printlog/format.js';
import { detectFormat, formatByName } from '../../../shared/domain/printlog/registry.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { decodeBytes, detectEncoding, type Encoding } from './encoding.js';
import { identify } from './file-identity.js';
import { readHead, readLineBatches, type LogLine } from './line-reader.js';
import { createPrintlogRepo, emptyTally, type BatchTally, type FileWriter } from './printlog.repo.js';

export interface ImportOptions {
  format?: FormatName;
  /** A validated mapping (csv, counter). */
  mapping?: unknown;
  /** From the mapping file, when it names one; otherwise detected. */
  encoding?: Encoding;
  timeZone?: string;
  /** The watched source (or a name the user gives) the file belongs to. */
  source?: string;
  /** Most lines per transaction (a transaction also ends with each chunk read from the file). */
  batchLines?: number;
  clock: Clock;
  /** Called after every committed batch (progress bars, the kill test). */
  onCommit?: (progress: { line: number; position: number }) => void;
}

export interface FileImportResult extends BatchTally {
  path: string;
  format: FormatName;
  formatReason: string;
  encoding: Encoding;
  encodingReason: string;
  /** Lines read in this run. */
  lines: number;
  rejected: { line: number; reason: string }[];
}

export class ImportError extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'ImportError';
  }
}

function chooseFormat(path: string, head: Buffer, encoding: Encoding, bomLength: number, opts: ImportOptions): { module: FormatModule; reason: string } {
  if (opts.format) {
    const module = formatByName(opts.format);
    if (!module) throw new ImportError(path, `unknown format ${opts.format}`);
    return { module, reason: 'given with --format' };
  }
  const headLines = decodeBytes(head.subarray(bomLength), encoding).split(/\r?\n/).slice(0, 20);
  const detected = detectFormat(headLines, opts.mapping);
  if (detected.format === null) throw new ImportError(path, `format not recognised (${detected.reason}); give --format`);
  const module = formatByName(detected.format);
  if (!module) throw new ImportError(path, `unknown format ${detected.format}`);
  return { module, reason: detected.reason };
}

/** Lines between two calls of forgetSettled within a transaction. */
const FORGET_EVERY = 256;

/**
 * One log file being read into the database: detects encoding and format,
 * streams its lines through the format's parser and stores jobs, counter
 * readings and rejected lines in batches. Each batch's transaction also
 * records how far the file has been read, so after a crash the next session
 * resumes there and a job is never lost or stored twice.
 *
 * `importFile` reads a file once to its end; a folder watcher keeps a session
 * open and calls `readAvailable('hold')` whenever the file grows.
 */
export class LogFileSession {
  readonly result: FileImportResult;
  private readonly recent: LogLine[] = [];
  private readonly batchLines: number;
  private readonly now: () => string;

  private constructor(
    private readonly db: Db,
    private readonly writer: FileWriter,
    readonly fileId: number,
    private readonly parser: LineParser,
    private readonly read: { encoding: Encoding; bomLength: number },
    /** Where reading continues: past the last line handed to the parser. */
    private lastEnd: number,
    private lastLine: number,
    result: FileImportResult,
    private readonly opts: ImportOptions,
  ) {
    this.result = result;
    this.batchLines = opts.batchLines ?? 5000;
    this.now = () => isoAt(opts.clock);
  }

  /**
   * Opens a file: a file already read to its end is read again from the start
   * (its jobs then count as duplicates); an unfinished one continues from its
   * committed position, or from the start for formats that need the header.
   */
  static async open(db: Db, path: string, opts: ImportOptions): Promise<LogFileSession> {
    let size: number;
    try {
      size = statSync(path).size;
    } catch (err) {
      throw new ImportError(path, `cannot read: ${(err as Error).message}`);
    }
    const head = await readHead(path);
    const detected = detectEncoding(head);
    const encoding = opts.encoding ?? detected.encoding;
    const encodingReason = opts.encoding ? 'given by the mapping file' : detected.reason;
    const bomLength = opts.encoding && opts.encoding !== detected.encoding ? 0 : detected.bomLength;
    const { module, reason } = chooseFormat(path, head, encoding, bomLength, opts);
    if (module.needsMapping && opts.mapping === undefined) throw new ImportError(path, `the ${module.name} format needs --mapping`);
    let parser: LineParser;
    try {
      parser = module.createParser({ timeZone: opts.timeZone ?? 'Asia/Tokyo', ...(opts.mapping !== undefined && { mapping: opts.mapping }) });
    } catch (err) {
      throw new ImportError(path, `the mapping does not fit the ${module.name} format: ${(err as Error).message}`);
    }

    const repo = createPrintlogRepo(db);
    const now = isoAt(opts.clock);
    const id = identify(repo, path, head, size);
    const file = db.transaction(() => {
      if (id.kind === 'known') {
        // The encoding is the one this read uses: a watcher that first saw only a
        // file's ASCII header took it for UTF-8 and reopens it once CP932 shows.
        repo.moveFile(id.file.id, path, id.headHash, id.headLength, encoding, now);
        return id.file;
      }
      const fileId = repo.insertFile({ path, headHash: id.headHash, headLength: id.headLength, format: module.name, encoding, source: opts.source ?? '', now });
      return { id: fileId, position: 0, line: 0, finished: 0 };
    })();
    const resume = file.finished === 0 && file.position > 0 && !module.resumeFromStart;
    const result: FileImportResult = {
      path, format: module.name, formatReason: reason, encoding, encodingReason, lines: 0, rejected: [], ...emptyTally(),
    };
    return new LogFileSession(db, repo.fileWriter(file.id, module.name, result), file.id, parser, { encoding, bomLength }, resume ? file.position : 0, resume ? file.line : 0, result, opts);
  }

  /** Byte offset up to which the file has been read. */
  get readPosition(): number {
    return this.lastEnd;
  }

  /**
   * Reads the lines available now. 'emit' takes a last line without its
   * newline as a line (the file is complete); 'hold' leaves it for the next
   * call, since the writer may be in the middle of it.
   */
  async readAvailable(lastLine: 'emit' | 'hold'): Promise<void> {
    const batches = readLineBatches(this.result.path, {
      encoding: this.read.encoding, offset: this.lastEnd, lineBefore: this.lastLine, bomLength: this.read.bomLength, lastLine,
    });
    let committed = false;
    // Each chunk's lines are stored as they are parsed, in transactions that
    // end with the chunk (a transaction cannot stay open across an await on a
    // connection others use), so nothing read waits in memory for a commit.
    for await (const batch of batches) {
      for (let from = 0; from < batch.length; ) {
        const to = Math.min(batch.length, from + this.batchLines);
        this.commit(false, () => {
          for (let i = from; i < to; i++) {
            this.take(batch[i] as LogLine);
            if ((i - from) % FORGET_EVERY === FORGET_EVERY - 1) this.forgetSettled();
          }
        });
        from = to;
        committed = true;
      }
    }
    if (!committed) this.commit(false, () => undefined);
  }

  /** The file is complete: emit what the parser still holds and mark the file read to its end. */
  finish(): FileImportResult {
    this.commit(true, () => {
      for (const event of this.parser.end()) this.apply(event);
    });
    return this.result;
  }

  private take(l: LogLine): void {
    this.recent.push(l);
    this.result.lines += 1;
    for (const event of this.parser.push(l.text, l.line)) this.apply(event);
    this.lastEnd = l.end;
    this.lastLine = l.line;
  }

  private apply(event: ParseEvent): void {
    switch (event.kind) {
      case 'job':
        this.writer.job(event.line, event.job);
        break;
      case 'counter':
        this.writer.reading(event.line, event.reading);
        break;
      case 'reject':
        this.writer.reject(event.line, event.reason, this.at(event.line)?.text ?? '', this.now());
        this.result.rejected.push({ line: event.line, reason: event.reason });
        break;
      default: {
        const never: never = event;
        throw new Error(`unknown event ${String(never)}`);
      }
    }
  }

  // `recent` holds consecutive lines, so a line's index is its number minus the first one's.
  private at(line: number): LogLine | undefined {
    return this.recent[line - (this.recent[0]?.line ?? 0)];
  }

  /** Runs `read` (which stores what it parses) and records the position reached, in one transaction. */
  private commit(finished: boolean, read: () => void): void {
    let position = 0;
    let line = 0;
    this.db.transaction(() => {
      this.writer.begin();
      read();
      const pending = finished ? null : this.parser.pendingSince();
      const held = pending === null ? undefined : this.at(pending);
      position = held ? held.start : this.lastEnd;
      line = held ? held.line - 1 : this.lastLine;
      this.writer.commit({ position, line, finished, now: this.now() });
    })();
    this.forgetSettled();
    this.opts.onCommit?.({ line, position });
  }

  /**
   * Drops what only lines the parser no longer holds needed. Done every few
   * hundred lines, not only at commits, so that a line's objects die young
   * and V8 does not start allocating them straight into the old generation.
   */
  private forgetSettled(): void {
    const keepFrom = this.parser.pendingSince() ?? this.lastLine + 1;
    this.recent.splice(0, Math.max(0, keepFrom - (this.recent[0]?.line ?? keepFrom)));
    this.writer.settle(keepFrom);
  }
}

/** Reads a whole file once (the `kamiless import` command, manual imports). */
export async function importFile(db: Db, path: string, opts: ImportOptions): Promise<FileImportResult> {
  const session = await LogFileSession.open(db, path, opts);
  await session.readAvailable('emit');
  return session.finish();
}
