/**
 * Worker-thread entry of the log-source watchers (watcher-thread.ts starts
 * it): its own connection to the database, one WatcherService, its events
 * passed to the core, and the core's requests answered.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection.js';
import { WatcherService } from './watcher.js';
import type { ToWatcher, FromWatcher, WatcherThreadData } from './watcher-thread.js';

const data = workerData as WatcherThreadData;
const port = parentPort;
if (!port) throw new Error('watcher-worker runs as a worker thread');
const post = (message: FromWatcher) => port.postMessage(message);

const db = openDatabase(data.dbFile, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {});
const watcher = new WatcherService(db, data.options);
watcher.on('commit', (event) => post({ type: 'commit', event }));
watcher.on('sourceError', (event) => post({ type: 'sourceError', event }));

const started = watcher.start().then(
  () => post({ type: 'started', watching: watcher.watching() }),
  (err: unknown) => post({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
);

port.on('message', (message: ToWatcher) => {
  switch (message.type) {
    case 'refresh':
      void started.then(() => watcher.refresh()).then(() => post({ type: 'answer', id: message.id, watching: watcher.watching() }));
      break;
    case 'stop':
      void started.then(() => watcher.stop()).finally(() => {
        db.close();
        post({ type: 'answer', id: message.id, watching: watcher.watching() });
        port.close();
      });
      break;
    default: {
      const never: never = message;
      throw new Error(`unknown message ${String(never)}`);
    }
  }
});
