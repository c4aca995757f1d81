/**
 * Worker-thread entry of the parse side of a whole-file import
 * (import-file.ts `LogFileSession.readInWorker`): reads the file from where
 * the import starts, decodes, parses and works out each job's key, and posts
 * the batches (job-batch.ts) to the thread that stores them. That thread
 * answers with the number of batches it has stored; a few batches at most
 * wait for it, so memory stays constant however far ahead of the database
 * the reading could get.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FormatName, ParserOptions } from '../../../shared/domain/printlog/format.js';
import { formatLoaders } from '../../../shared/domain/printlog/format-loaders.js';
import type { Encoding } from './encoding.js';
import type { JobBatch } from './job-batch.js';
import { LineBatcher } from './line-batcher.js';
import { readLineBatches } from './line-reader.js';

/** What the worker is given (structured-cloned into it). */
export interface ParseJob {
  path: string;
  encoding: Encoding;
  bomLength: number;
  /** Where reading starts, and the number of the line before it. */
  offset: number;
  lineBefore: number;
  format: FormatName;
  parser: ParserOptions;
  /** Most lines per batch. */
  batchLines: number;
  /** Batches posted and not yet stored after which the worker waits: enough to keep both threads busy, few enough to bound memory. */
  inFlight: number;
}

export type ParseMessage = { type: 'batch'; batch: JobBatch } | { type: 'failed'; message: string };

const job = workerData as ParseJob;
const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread');

let inFlight = 0;
let waiting: (() => void) | null = null;
// The writer says how many batches it has stored.
port.on('message', (stored: number) => {
  inFlight -= stored;
  waiting?.();
  waiting = null;
});

async function post(batch: JobBatch): Promise<void> {
  const message: ParseMessage = { type: 'batch', batch };
  port?.postMessage(message, [batch.numbers.buffer, batch.words.buffer]);
  inFlight += 1;
  if (inFlight >= job.inFlight) await new Promise<void>((resolve) => (waiting = resolve));
}

try {
  if (!Object.hasOwn(formatLoaders, job.format)) throw new Error(`unknown format ${job.format}`);
  const module = await formatLoaders[job.format]();
  const batcher = new LineBatcher(module.createParser(job.parser), { position: job.offset, line: job.lineBefore });
  const lines = readLineBatches(job.path, { encoding: job.encoding, offset: job.offset, lineBefore: job.lineBefore, bomLength: job.bomLength, lastLine: 'emit' });
  for await (const chunk of lines) {
    for (const l of chunk) {
      batcher.take(l);
      if (batcher.linesTaken >= job.batchLines) await post(batcher.cut());
    }
  }
  if (batcher.linesTaken > 0) await post(batcher.cut());
  await post(batcher.end());
} catch (err) {
  const message: ParseMessage = { type: 'failed', message: err instanceof Error ? err.message : String(err) };
  port.postMessage(message);
}
