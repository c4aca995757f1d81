import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { backupDatabase, restoreDatabase } from '../db/backup.js';
import { databaseFile, pidFile, resolveDataFolder } from '../data-folder.js';
import { CliError } from './io.js';
import { openDataFolder } from './open-data.js';

function runningCorePid(dataDir: string): number | null {
  const file = pidFile(dataDir);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

export function backupCommands(program: Command): void {
  program
    .command('backup')
    .description('copy the database consistently while the hub keeps running (SQLite backup API)')
    .option('--data <dir>', 'data folder')
    .requiredOption('--to <file>', 'the backup file to create (must not exist)')
    .action(async (opts: { data?: string; to: string }) => {
      const target = resolve(opts.to);
      if (existsSync(target)) throw new CliError(`${target} already exists; choose a new file name`);
      const { db, dataDir } = openDataFolder(opts.data);
      try {
        const { pages } = await backupDatabase(db, target);
        console.log(`Backed up ${databaseFile(dataDir)} to ${target} (${pages} pages).`);
      } finally {
        db.close();
      }
    });

  program
    .command('restore')
    .description('put a backup back as the database (stop the hub first); the current database is kept beside it')
    .option('--data <dir>', 'data folder')
    .requiredOption('--from <file>', 'a file made by `kamiless backup`')
    .action((opts: { data?: string; from: string }) => {
      const dataDir = resolveDataFolder(opts.data);
      const pid = runningCorePid(dataDir);
      if (pid !== null) throw new CliError(`Kamiless is running on this data folder (process ${pid}); stop it, then restore`);
      try {
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const { keptAs } = restoreDatabase(resolve(opts.from), databaseFile(dataDir), stamp);
        console.log(`Restored ${resolve(opts.from)} into ${dataDir}.${keptAs ? ` The previous database is kept as ${keptAs}.` : ''}`);
      } catch (err) {
        throw new CliError(`restore failed, nothing changed: ${(err as Error).message}`);
      }
    });
}
