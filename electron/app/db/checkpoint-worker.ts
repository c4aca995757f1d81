/**
 * Worker-thread entry of a `Checkpointer` (checkpointer.ts): its own
 * connection to the database, copying what the write-ahead log holds into
 * the database file whenever it is asked, and saying how far it got.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './connection.js';
import type { CheckpointerData, CheckpointDone } from './checkpointer.js';

const data = workerData as CheckpointerData;
const port = parentPort;
if (!port) throw new Error('checkpoint-worker runs as a worker thread');
const db = openDatabase(data.dbFile, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {});

port.on('message', () => {
  // PASSIVE: copies what it can without waiting for the writer, which goes on appending meanwhile.
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  const done: CheckpointDone = { walFrames: result?.log ?? 0 };
  port.postMessage(done);
});
