import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import { openDatabase } from './db/connection.js';
import { migrate } from './db/migrate.js';
import { databaseFile, pidFile } from './data-folder.js';
import { ingestFolderName } from './printlog/ingest-store.js';
import { WatcherThread } from './printlog/watcher-thread.js';
import { buildApp } from './server/app.js';
import { EventHub } from './server/event-hub.js';

export interface CoreOptions {
  dataDir: string;
  host: string;
  port: number;
  mode: 'hub' | 'standalone';
  secret?: string;
  rendererDir?: string;
  tls?: { cert: string; key: string };
  trustProxy?: boolean;
  /** better-sqlite3 compiled for Electron's Node ABI (the desktop core); the default build otherwise. */
  sqliteBinding?: string;
  logger?: FastifyServerOptions['logger'];
  /** Follow the log sources' folders (default true); tests and the bench turn it off. */
  watchers?: boolean;
}

export interface RunningCore {
  url: string;
  port: number;
  /** The log-source watchers, or null when started with `watchers: false`. */
  watcher: WatcherThread | null;
  close(): Promise<void>;
}

/**
 * Starts the application core: database (migrated), API and renderer on one
 * port. Run by `kamiless hub`, by `npm start` without Electron, and inside
 * the desktop app's utilityProcess — never in Electron's main process.
 */
export async function startCore(opts: CoreOptions): Promise<RunningCore> {
  const db = openDatabase(databaseFile(opts.dataDir), opts.sqliteBinding ? { nativeBinding: opts.sqliteBinding } : {});
  try {
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const https = opts.tls ? { cert: readFileSync(opts.tls.cert), key: readFileSync(opts.tls.key) } : undefined;
  // The API is built before the watchers start; a source changed through it reaches them once they run.
  let watcher: WatcherThread | null = null;
  const events = new EventHub();
  const app = await buildApp({
    db,
    mode: opts.mode,
    ...(opts.secret !== undefined && { secret: opts.secret }),
    ...(opts.rendererDir !== undefined && { rendererDir: opts.rendererDir }),
    ...(https && { https }),
    logger: opts.logger ?? { level: 'warn' },
    trustProxy: opts.trustProxy ?? false,
    onSourcesChanged: () => void watcher?.refresh(),
    events,
  });
  try {
    await app.listen({ host: opts.host, port: opts.port });
  } catch (err) {
    await app.close();
    db.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  const url = `${https ? 'https' : 'http'}://${shownHost}:${port}/`;
  // Lets `kamiless restore` refuse to swap the database under a running core.
  writeFileSync(pidFile(opts.dataDir), String(process.pid));
  const watching = opts.watchers === false ? null : startWatchers(opts, app.log);
  // What the watchers store reaches open windows within a commit.
  watching?.watcher.on('commit', (e) => {
    if (e.jobs > 0 || e.rejected > 0) events.publish('printlog', { source: e.source, jobs: e.jobs, rejected: e.rejected });
  });
  watcher = watching?.watcher ?? null;
  let closed = false;
  return {
    url,
    port,
    watcher: watching?.watcher ?? null,
    async close() {
      if (closed) return;
      closed = true;
      await watching?.stop();
      await app.close();
      db.close();
      rmSync(pidFile(opts.dataDir), { force: true });
    },
  };
}

/**
 * The watchers run in a worker thread with their own connection, so a large
 * file dropped into a watched folder never holds up the API. Not awaited: a
 * network share that is slow to list must not hold up the API (or the
 * desktop's "ready").
 */
function startWatchers(opts: CoreOptions, log: FastifyBaseLogger): { watcher: WatcherThread; stop(): Promise<void> } {
  const watcher = new WatcherThread({
    dbFile: databaseFile(opts.dataDir),
    nativeBinding: opts.sqliteBinding,
    options: { ingestDir: join(opts.dataDir, ingestFolderName) },
  });
  watcher.on('sourceError', (e) => log.warn({ source: e.source, file: e.file }, `log source ${e.source}: ${e.message}`));
  watcher.on('failed', (message) => log.error(`log-source watchers: ${message}`));
  return { watcher, stop: () => watcher.stop() };
}
