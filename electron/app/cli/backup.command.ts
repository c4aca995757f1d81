import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { blobsBeside, blobsIn, copyBlobs } from '../approvals/blob-backup.js';
import { backupDatabase, restoreDatabase } from '../db/backup.js';
import { openDatabase } from '../db/connection.js';
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
    .description('copy the database consistently while the hub keeps running (SQLite backup API), and its attachments beside it (FILE.blobs/)')
    .option('--data <dir>', 'data folder')
    .requiredOption('--to <file>', 'the backup file to create (must not exist)')
    .action(async (opts: { data?: string; to: string }) => {
      const target = resolve(opts.to);
      if (existsSync(target)) throw new CliError(`${target} already exists; choose a new file name`);
      const { db, dataDir } = openDataFolder(opts.data);
      try {
        const { pages } = await backupDatabase(db, target);
        // The files the backed-up database still keeps (attachments and archive PDFs; disposed ones are gone), beside it:
        // a database without them restores cases with no PDFs.
        const copy = openDatabase(target);
        const shas = (copy.prepare('SELECT sha256 FROM blobs WHERE removed_at IS NULL').all() as { sha256: string }[]).map((r) => r.sha256);
        copy.close();
        const blobs = await copyBlobs(join(dataDir, 'blobs'), blobsBeside(target), shas);
        console.log(`Backed up ${databaseFile(dataDir)} to ${target} (${pages} pages) and ${blobs.copied} attachment files to ${blobsBeside(target)}.`);
        if (blobs.missing.length > 0) {
          throw new CliError(`${blobs.missing.length} attachment files the database refers to are missing from ${join(dataDir, 'blobs')} (first: ${blobs.missing[0]}); the database itself is backed up`);
        }
      } finally {
        db.close();
      }
    });

  program
    .command('restore')
    .description('put a backup back as the database (stop the hub first); the current database is kept beside it')
    .option('--data <dir>', 'data folder')
    .requiredOption('--from <file>', 'a file made by `kamiless backup`')
    .action(async (opts: { data?: string; from: string }) => {
      const dataDir = resolveDataFolder(opts.data);
      const pid = runningCorePid(dataDir);
      if (pid !== null) throw new CliError(`Kamiless is running on this data folder (process ${pid}); stop it, then restore`);
      const from = resolve(opts.from);
      let keptAs: string | null;
      try {
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        keptAs = restoreDatabase(from, databaseFile(dataDir), stamp).keptAs;
      } catch (err) {
        throw new CliError(`restore failed, nothing changed: ${(err as Error).message}`);
      }
      console.log(`Restored ${from} into ${dataDir}.${keptAs ? ` The previous database is kept as ${keptAs}.` : ''}`);
      // Attachments are added, never replaced: a blob's name is its content.
      const { good, damaged } = await blobsIn(blobsBeside(from));
      const blobs = await copyBlobs(blobsBeside(from), join(dataDir, 'blobs'), good);
      console.log(`Attachment files: ${blobs.copied} restored, ${blobs.kept} already there.`);
      if (damaged.length > 0) {
        throw new CliError(`${damaged.length} attachment files in the backup do not match their names and were not restored (first: ${damaged[0]})`);
      }
    });
}
