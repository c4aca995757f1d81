import { existsSync, renameSync, rmSync } from 'node:fs';
import { openDatabase, type Db } from './connection.js';
import { migrate } from './migrate.js';

/**
 * Online-consistent copy through SQLite's backup API: safe while the hub is
 * running and writing, unlike copying the file (which can catch a torn WAL).
 */
export async function backupDatabase(db: Db, target: string): Promise<{ pages: number }> {
  if (existsSync(target)) throw new Error(`${target} already exists; choose a new file name`);
  const result = await db.backup(target);
  return { pages: result.totalPages };
}

/**
 * Puts a backup back as the database file. The backup is checked first (it
 * opens, passes integrity_check and migrates), then swapped in by rename, so
 * a bad backup leaves the current database untouched. The previous database
 * is kept beside it as `<file>.before-restore-<time>`.
 */
export function restoreDatabase(source: string, dbFile: string, stamp: string): { keptAs: string | null } {
  if (!existsSync(source)) throw new Error(`${source} does not exist`);
  const staging = `${dbFile}.restoring`;
  rmSync(staging, { force: true });
  const src = openDatabase(source, { readonly: true });
  try {
    const check = src.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`${source} is damaged: ${String(check)}`);
  } finally {
    src.close();
  }
  const copy = openDatabase(source, { readonly: true });
  try {
    copy.exec(`VACUUM INTO '${staging.replaceAll("'", "''")}'`);
  } finally {
    copy.close();
  }
  const staged = openDatabase(staging);
  try {
    migrate(staged);
  } catch (err) {
    staged.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(staging + suffix, { force: true });
    throw err;
  }
  staged.close();
  let keptAs: string | null = null;
  if (existsSync(dbFile)) {
    keptAs = `${dbFile}.before-restore-${stamp}`;
    renameSync(dbFile, keptAs);
    // After a crash the -wal holds committed transactions: keep it with the old
    // database (SQLite replays it when keptAs is opened); the -shm is rebuilt.
    if (existsSync(`${dbFile}-wal`)) renameSync(`${dbFile}-wal`, `${keptAs}-wal`);
    rmSync(`${dbFile}-shm`, { force: true });
  }
  renameSync(staging, dbFile);
  return { keptAs };
}
