import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import type { FormatModule, FormatName, ParserOptions } from '../../../shared/domain/printlog/format.js';
import { detectFormat, formatByName } from '../../../shared/domain/printlog/registry.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { decodeBytes, detectEncoding, type Encoding } from './encoding.js';
import { identify } from './file-identity.js';
import type { JobBatch } from './job-batch.js';
import { LineBatcher } from './line-batcher.js';
import { isGzip, readHead, readLineBatches } from './line-reader.js';
import type { ParseJob, ParseMessage } from './parse-worker.js';
import { createPrintlogRepo, emptyTally, type BatchTally, type FileWriter } from './printlog.repo.js';
import type { ResourceLimits } from 'node:worker_threads';
import { startWorker } from '../workers/start-worker.js';
import { Checkpointer } from '../db/checkpointer.js';

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
  /** Files with at least this many bytes left to read are parsed in a worker thread (0: every file); 4 MiB unless given. */
  parseWorkerFrom?: number;
  /** The parse worker's heap limits (WORKER_LIMITS unless given). */
  parseWorkerLimits?: ResourceLimits;
  /** better-sqlite3's native binding, for the connection of the thread that copies a large import's write-ahead log (the desktop app's own build). */
  nativeBinding?: string | undefined;
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

/** Files with more bytes than this left to read are parsed in a worker thread (importFile): below it, starting one costs more than it saves. */
const PARSE_WORKER_FROM = 4 * 1024 * 1024;

/**
 * The parse worker's heap, capped: it holds a few batches and a word list, and
 * two full-size heaps would take a large import past its 200 MB goal. A line
 * too long for it ends the worker with ERR_WORKER_OUT_OF_MEMORY, and the
 * import goes on in-thread (importFile).
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 12 };

/**
 * Makes V8 start the young generation of the threads started from now on at
 * 4 MB semi-spaces, the size WORKER_LIMITS lets the parse worker's grow to,
 * instead of 1 MB. Growing from 1 MB, the worker's scavenges kept finding
 * a quarter to a half of what was made since the last one still in use and
 * moved it to the old generation, 230 to 290 MB of it per million lines,
 * which then had to be marked and compacted (0.5 to 0.8 s of the worker's
 * time); at 4 MB from the start, 8 MB was moved. A flag of the process, as
 * a worker's resource limits set no initial size; set once, before the first
 * parse worker, and harmless to the threads started after it.
 */
let youngGenerationSet = false;
function startYoungGenerationAtFullSize(): void {
  if (youngGenerationSet) return;
  setFlagsFromString(`--min-semi-space-size=${WORKER_LIMITS.maxYoungGenerationSizeMb / 3}`);
  youngGenerationSet = true;
}

/** Commits of a whole-file import between two requests to copy the write-ahead log into the database (checkpointer.ts): about 4 MB of pages. */
const CHECKPOINT_EVERY = 4;

/**
 * Lines per batch the parse worker posts. Smaller than a transaction's: what
 * the worker makes of a line (its time and document texts) lives until its
 * batch is posted, and a batch posted before V8's young generation fills
 * twice is freed young instead of being copied into the old generation and
 * marked there. The writer stores the batches together (`readInWorker`).
 */
const WORKER_POST_LINES = 1000;
/** Most batches stored in one transaction, whatever their lines. */
const GROUP_MAX = 8;
/** Batches the worker may post beyond a whole group before it waits for the writer: it reads on while a group is stored. */
const WORKER_AHEAD = 4;

/**
 * One log file being read into the database: detects encoding and format,
 * streams its lines through the format's parser and stores jobs, counter
 * readings and rejected lines in batches. Each batch's transaction also
 * records how far the file has been read, so after a crash the next session
 * resumes there and a job is never lost or stored twice.
 *
 * `importFile` reads a file once to its end, parsing it in a worker thread
 * when it is large; a folder watcher keeps a session open and calls
 * `readAvailable('hold')` whenever the file grows.
 */
export class LogFileSession {
  readonly result: FileImportResult;
  private readonly batchLines: number;
  private readonly now: () => string;
  private readonly batcher: LineBatcher;

  private constructor(
    private readonly db: Db,
    private readonly writer: FileWriter,
    readonly fileId: number,
    private readonly parse: { module: FormatModule; options: ParserOptions },
    private readonly read: { encoding: Encoding; bomLength: number },
    /** Where reading starts: a committed position, and the number of the line before it. */
    from: { position: number; line: number },
    result: FileImportResult,
    private readonly opts: ImportOptions,
  ) {
    this.result = result;
    this.batchLines = opts.batchLines ?? 5000;
    this.now = () => isoAt(opts.clock);
    this.batcher = new LineBatcher(parse.module.createParser(parse.options), from);
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
    const options: ParserOptions = { timeZone: opts.timeZone ?? 'Asia/Tokyo', ...(opts.mapping !== undefined && { mapping: opts.mapping }) };
    try {
      // Made once here so that a mapping that does not fit is the file's error before anything is stored.
      module.createParser(options);
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
    const from = resume ? { position: file.position, line: file.line } : { position: 0, line: 0 };
    return new LogFileSession(db, repo.fileWriter(file.id, module.name, result), file.id, { module, options }, { encoding, bomLength }, from, result, opts);
  }

  /** Byte offset up to which the file has been read. */
  get readPosition(): number {
    return this.batcher.readPosition;
  }

  /**
   * Reads the lines available now. 'emit' takes a last line without its
   * newline as a line (the file is complete); 'hold' leaves it for the next
   * call, since the writer may be in the middle of it.
   */
  async readAvailable(lastLine: 'emit' | 'hold'): Promise<void> {
    const chunks = readLineBatches(this.result.path, {
      encoding: this.read.encoding, offset: this.batcher.readPosition, lineBefore: this.batcher.readLine, bomLength: this.read.bomLength, lastLine,
    });
    let committed = false;
    for await (const chunk of chunks) {
      for (const l of chunk) {
        this.batcher.take(l);
        if (this.batcher.linesTaken >= this.batchLines) {
          this.store([this.batcher.cut()]);
          committed = true;
        }
      }
    }
    // Also when nothing was read: the file's updated_at says when it was last looked at.
    if (!committed || this.batcher.linesTaken > 0) this.store([this.batcher.cut()]);
  }

  /** The file is complete: emit what the parser still holds and mark the file read to its end. */
  finish(): FileImportResult {
    this.store([this.batcher.end()]);
    return this.result;
  }

  /**
   * Reads the file to its end and finishes it, the parsing in a worker thread
   * (parse-worker.ts) while this thread stores its batches: the two halves of
   * an import take about as long each, and this thread alone holds the
   * connection. Crash safety is that of `readAvailable`: each batch commits
   * with its position, and the worker keeps only a few batches ahead.
   */
  readInWorker(): Promise<FileImportResult> {
    const job: ParseJob = {
      path: this.result.path, encoding: this.read.encoding, bomLength: this.read.bomLength, offset: this.batcher.readPosition,
      lineBefore: this.batcher.readLine, format: this.parse.module.name, parser: this.parse.options,
      batchLines: Math.min(WORKER_POST_LINES, this.batchLines), inFlight: GROUP_MAX + WORKER_AHEAD,
    };
    startYoungGenerationAtFullSize();
    return new Promise<FileImportResult>((resolve, reject) => {
      const worker = startWorker(new URL('./parse-worker.js', import.meta.url), job, this.opts.parseWorkerLimits ?? WORKER_LIMITS);
      const checkpointer = Checkpointer.start(this.db, { every: CHECKPOINT_EVERY, nativeBinding: this.opts.nativeBinding });
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        void Promise.all([worker.terminate(), checkpointer?.close()]).finally(fn);
      };
      // The worker's batches, stored together once they hold batchLines lines: a batch as small as the worker posts would be a commit too many.
      let group: JobBatch[] = [];
      let groupLines = 0;
      worker.on('message', (message: ParseMessage) => {
        if (settled) return;
        if (message.type === 'failed') {
          settle(() => reject(new ImportError(this.result.path, message.message)));
          return;
        }
        group.push(message.batch);
        groupLines += message.batch.lines;
        if (groupLines < this.batchLines && group.length < GROUP_MAX && !message.batch.finished) return;
        try {
          this.store(group);
          checkpointer?.committed();
        } catch (err) {
          settle(() => reject(err instanceof Error ? err : new Error(String(err))));
          return;
        }
        if (message.batch.finished) {
          settle(() => resolve(this.result));
          return;
        }
        worker.postMessage(group.length);
        group = [];
        groupLines = 0;
      });
      worker.on('error', (err) => settle(() => reject(err)));
      worker.on('exit', (code) => settle(() => reject(new Error(`the parse worker exited (${code}) before the end of ${this.result.path}`))));
    });
  }

  /** Stores batches read one after the other, with the position the last one reaches, in one transaction. */
  private store(batches: JobBatch[]): void {
    const now = this.now();
    this.db.transaction(() => {
      for (const batch of batches) this.writer.store(batch, now);
    })();
    for (const batch of batches) {
      this.result.lines += batch.lines;
      for (const r of batch.rejects) this.result.rejected.push({ line: r.line, reason: r.reason });
    }
    const last = batches.at(-1);
    if (last) this.opts.onCommit?.({ line: last.line, position: last.position });
  }
}

/** What two sessions over one file read, as one result (the second's detection stands). */
function addResults(first: FileImportResult, second: FileImportResult): FileImportResult {
  const sum: FileImportResult = { ...second, lines: first.lines + second.lines, rejected: [...first.rejected, ...second.rejected] };
  for (const key of Object.keys(emptyTally()) as (keyof BatchTally)[]) sum[key] = first[key] + second[key];
  return sum;
}

/** Reads a whole file once (the `kamiless import` command, manual imports). */
export async function importFile(db: Db, path: string, opts: ImportOptions): Promise<FileImportResult> {
  const session = await LogFileSession.open(db, path, opts);
  const left = (isGzip(path) ? Infinity : statSync(path).size) - session.readPosition;
  if (left >= (opts.parseWorkerFrom ?? PARSE_WORKER_FROM)) {
    try {
      return await session.readInWorker();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw err;
      // A line longer than the worker's capped heap holds (a one-line XML export of many events):
      // read the rest on this thread, from the position the worker's batches committed.
      const rest = await LogFileSession.open(db, path, opts);
      await rest.readAvailable('emit');
      return addResults(session.result, rest.finish());
    }
  }
  await session.readAvailable('emit');
  return session.finish();
}
