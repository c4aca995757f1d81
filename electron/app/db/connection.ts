import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/**
 * Opens the SQLite database with the settings every connection needs:
 * WAL (readers never block the writer), enforced foreign keys, and a busy
 * timeout so a second connection (CLI, import worker) waits instead of failing.
 */
export function openDatabase(file: string, opts: { readonly?: boolean; nativeBinding?: string } = {}): Db {
  if (file !== ':memory:' && !opts.readonly) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.readonly ?? false,
    ...(opts.nativeBinding !== undefined && { nativeBinding: opts.nativeBinding }),
  });
  db.pragma('busy_timeout = 5000');
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  return db;
}
