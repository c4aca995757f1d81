import { existsSync } from 'node:fs';
import { openDatabase, type Db } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { databaseFile, resolveDataFolder } from '../data-folder.js';

/** Opens (creating if needed) and migrates the database of a data folder for a one-off command. */
export function openDataFolder(flag: string | undefined): { dataDir: string; db: Db; existed: boolean } {
  const dataDir = resolveDataFolder(flag);
  const file = databaseFile(dataDir);
  const existed = existsSync(file);
  const db = openDatabase(file);
  try {
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return { dataDir, db, existed };
}
