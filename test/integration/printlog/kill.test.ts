import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/app/db/connection.js';
import { databaseFile } from '../../../electron/app/data-folder.js';
import { prng, writePrintLoggerFile } from '../../helpers/printlog-generate.js';
import { countedTotals, storedTotals } from './file-totals.js';

const runCli = new URL('../../helpers/run-cli.ts', import.meta.url).pathname;

function importProcess(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', runCli, 'import', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The last line committed for the file so far (0 before the first batch). */
function committedLine(dataDir: string): number {
  if (!existsSync(databaseFile(dataDir))) return 0;
  const db = openDatabase(databaseFile(dataDir), { readonly: true });
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'log_files'").get();
    return hasTable ? ((db.prepare('SELECT max(line) AS line FROM log_files').get() as { line: number | null }).line ?? 0) : 0;
  } finally {
    db.close();
  }
}

function stored(dataDir: string) {
  const db = openDatabase(databaseFile(dataDir));
  try {
    // The file's stored figures were committed with its rows, so a kill leaves them equal.
    expect(storedTotals(db)).toEqual(countedTotals(db));
    return db.prepare('SELECT count(*) AS jobs, coalesce(sum(pages), 0) AS pages, coalesce(sum(sheets), 0) AS sheets FROM print_jobs').get() as {
      jobs: number; pages: number; sheets: number;
    };
  } finally {
    db.close();
  }
}

describe('crash safety of the import', () => {
  it('loses no job and stores none twice when the importing process is SIGKILLed 20+ times', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kamiless-kill-'));
    const log = join(dir, 'papercut-print-log-all-time.csv');
    const expected = await writePrintLoggerFile(log, 200_000, 42);
    const data = join(dir, 'data');
    const rnd = prng(7);
    let killedMidway = 0;
    for (let attempt = 0; attempt < 22; attempt++) {
      const before = committedLine(data);
      const child = importProcess([log, '--data', data]);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // Kill at a random line a few thousand into this run (so it has committed at least once),
      // plus a random few milliseconds: a point in the file rather than in time, so that a fast
      // importer is still killed 20+ times within the file and a slow one still makes progress.
      const target = before + 1 + Math.floor(rnd() * 6000);
      while (child.exitCode === null && committedLine(data) < target) await sleep(2);
      await sleep(Math.floor(rnd() * 5));
      const stillRunning = child.exitCode === null;
      if (stillRunning) child.kill('SIGKILL');
      await exited;
      if (!stillRunning) break;
      killedMidway += 1;
      const now = stored(data);
      expect(now.jobs).toBeLessThan(expected.jobs);
    }
    expect(killedMidway).toBeGreaterThanOrEqual(20);
    const finish = importProcess([log, '--data', data]);
    const code = await new Promise<number | null>((resolve) => finish.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(stored(data)).toEqual(expected);
  }, 300_000);
});
