import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import { openDatabase } from './db/connection.js';
import { migrate } from './db/migrate.js';
import { databaseFile, pidFile } from './data-folder.js';
import { WatcherService } from './printlog/watcher.js';
import { buildApp } from './server/app.js';

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
  watcher: WatcherService | null;
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
  const app = await buildApp({
    db,
    mode: opts.mode,
    ...(opts.secret !== undefined && { secret: opts.secret }),
    ...(opts.rendererDir !== undefined && { rendererDir: opts.rendererDir }),
    ...(https && { https }),
    logger: opts.logger ?? { level: 'warn' },
    trustProxy: opts.trustProxy ?? false,
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
 * The watchers get their own connection, so they can move to a worker thread
 * without changing how they reach the database. Not awaited: a network share
 * that is slow to list must not hold up the API (or the desktop's "ready").
 */
function startWatchers(opts: CoreOptions, log: FastifyBaseLogger): { watcher: WatcherService; stop(): Promise<void> } {
  const db = openDatabase(databaseFile(opts.dataDir), opts.sqliteBinding ? { nativeBinding: opts.sqliteBinding } : {});
  const watcher = new WatcherService(db);
  watcher.on('sourceError', (e) => log.warn({ source: e.source, file: e.file }, `log source ${e.source}: ${e.message}`));
  const started = watcher.start().catch((err: unknown) => log.error({ err }, 'log-source watchers did not start'));
  return {
    watcher,
    async stop() {
      await started;
      await watcher.stop();
      db.close();
    },
  };
}
