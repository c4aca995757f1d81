import { homedir } from 'node:os';
import { join } from 'node:path';
import { standaloneDataFolder } from '../../shared/domain/user-data-folder.js';

/** `--data`, else KAMILESS_DATA, else the same folder the desktop app uses. */
export function resolveDataFolder(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env['KAMILESS_DATA'] ?? standaloneDataFolder(process.platform, env, homedir());
}

export const databaseFile = (dataDir: string): string => join(dataDir, 'kamiless.db');
export const pidFile = (dataDir: string): string => join(dataDir, 'core.pid');
