/**
 * Worker-thread entry of a manual import (import-runner.ts starts it): its own
 * connection to the database file, one `importFile`, one answer, then exit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection.js';
import { ImportError, importFile } from './import-file.js';
import { reasonOf, toOutcome, type WorkerJob, type WorkerMessage } from './import-runner.js';

const job = workerData as WorkerJob;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

const db = openDatabase(job.dbFile, job.nativeBinding ? { nativeBinding: job.nativeBinding } : {});
try {
  const result = await importFile(db, job.path, {
    clock: { now: () => Date.now() + job.clockOffset },
    source: job.source,
    batchLines: job.batchLines,
    nativeBinding: job.nativeBinding,
    ...(job.format !== undefined && { format: job.format }),
  });
  post({ type: 'done', outcome: toOutcome(result, job.rejectedShown) });
} catch (err) {
  if (err instanceof ImportError) post({ type: 'failed', importError: true, message: reasonOf(err) });
  else post({ type: 'failed', importError: false, message: err instanceof Error ? err.message : String(err) });
} finally {
  db.close();
}
