import type { FormatName } from '../../../shared/domain/printlog/format.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { startWorker } from '../workers/start-worker.js';
import { ImportError, importFile, type FileImportResult } from './import-file.js';

/** One file to import, as the manual import on the ログ取込 screen asks for it. */
export interface ImportJob {
  path: string;
  format?: FormatName | undefined;
  source: string;
}

/** FileImportResult with its rejected lines cut to `rejectedShown` (a broken 200 MB file can reject millions). */
export interface ImportOutcome extends Omit<FileImportResult, 'rejected'> {
  rejected: { line: number; reason: string }[];
  rejectedCount: number;
}

/** What the worker is given (structured-cloned into it). */
export interface WorkerJob extends ImportJob {
  dbFile: string;
  nativeBinding?: string | undefined;
  /** The app's clock minus the system clock, so a test clock reaches the rows the worker writes. */
  clockOffset: number;
  batchLines: number;
  rejectedShown: number;
}

export type WorkerMessage =
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'failed'; importError: boolean; message: string };

/** The import failed on the file itself (format, encoding, mapping, unreadable): the caller's 422. */
export class ImportFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFailed';
  }
}

export class ImportCancelled extends Error {
  constructor() {
    super('the import was cancelled');
    this.name = 'ImportCancelled';
  }
}

export interface ImportRunner {
  /** 'worker' with a database file, 'inline' for an in-memory database (a worker cannot share it). */
  readonly mode: 'worker' | 'inline';
  /** Imports run one after another: SQLite has one writer, and two imports would only wait on each other. */
  run(job: ImportJob, signal?: AbortSignal): Promise<ImportOutcome>;
}

export interface ImportRunnerOptions {
  db: Db;
  clock: Clock;
  /** better-sqlite3 built for Electron's ABI (the desktop core); the worker must load the same build. */
  nativeBinding?: string | undefined;
  /** Lines per transaction: small enough that the API's own writes never wait long for the lock. */
  batchLines?: number;
  rejectedShown?: number;
}

/** `ImportError: /data/imports/x/log.csv: format not recognised…` → `format not recognised…`. */
export function reasonOf(err: ImportError): string {
  const prefix = `${err.path}: `;
  return err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
}

export function toOutcome(result: FileImportResult, rejectedShown: number): ImportOutcome {
  return { ...result, rejected: result.rejected.slice(0, rejectedShown), rejectedCount: result.rejected.length };
}

function runInWorker(job: WorkerJob, signal: AbortSignal | undefined): Promise<ImportOutcome> {
  return new Promise<ImportOutcome>((resolve, reject) => {
    if (signal?.aborted) return reject(new ImportCancelled());
    const worker = startWorker(new URL('./import-worker.js', import.meta.url), job);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    // Ending the worker mid-batch is safe: its open transaction rolls back, and the
    // committed position matches the committed rows (the kill test proves it).
    const onAbort = () => {
      void worker.terminate();
      settle(() => reject(new ImportCancelled()));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'done') settle(() => resolve(message.outcome));
      else settle(() => reject(message.importError ? new ImportFailed(message.message) : new Error(message.message)));
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the import worker exited (${code}) without an answer`))));
  });
}

async function runInline(db: Db, job: ImportJob, opts: { clock: Clock; batchLines: number; rejectedShown: number }): Promise<ImportOutcome> {
  try {
    const result = await importFile(db, job.path, {
      clock: opts.clock,
      source: job.source,
      batchLines: opts.batchLines,
      ...(job.format !== undefined && { format: job.format }),
    });
    return toOutcome(result, opts.rejectedShown);
  } catch (err) {
    if (err instanceof ImportError) throw new ImportFailed(reasonOf(err));
    throw err;
  }
}

/**
 * Runs manual imports off the API's thread: a worker opens its own connection
 * to the same database file (WAL lets the API read meanwhile) and runs
 * `importFile`, so a large upload never blocks other requests.
 */
export function createImportRunner(opts: ImportRunnerOptions): ImportRunner {
  const batchLines = opts.batchLines ?? 2000;
  const rejectedShown = opts.rejectedShown ?? 200;
  const inline = opts.db.memory || opts.db.name === '';
  let queue: Promise<unknown> = Promise.resolve();

  const runOne = (job: ImportJob, signal: AbortSignal | undefined): Promise<ImportOutcome> => {
    if (inline) return runInline(opts.db, job, { clock: opts.clock, batchLines, rejectedShown });
    return runInWorker(
      {
        ...job,
        dbFile: opts.db.name,
        nativeBinding: opts.nativeBinding,
        clockOffset: opts.clock.now() - Date.now(),
        batchLines,
        rejectedShown,
      },
      signal,
    );
  };

  return {
    mode: inline ? 'inline' : 'worker',
    run(job, signal) {
      const next = queue.then(() => {
        if (signal?.aborted) throw new ImportCancelled();
        return runOne(job, signal);
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
