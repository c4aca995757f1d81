import { copyFileSync, appendFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../electron/app/printlog/import-file.js';
import { writePrintLoggerFile } from '../../helpers/printlog-generate.js';
import { makeTempDir, removeTempDir, testClock, testFileDb } from '../../helpers/test-app.js';

const files = (db: ReturnType<typeof testFileDb>) =>
  (db.prepare('SELECT path, jobs, sightings FROM log_files ORDER BY id').all() as { path: string; jobs: number; sightings: number }[]);

describe('a file that starts like a stored one', () => {
  it('is a copy when the stored file is still at its path (the all-time file and its first daily file): both kept', async () => {
    const dir = makeTempDir('kamiless-identity-');
    const db = testFileDb(dir);
    try {
      const daily = join(dir, 'papercut-print-log-2024-04-01.csv');
      const totals = await writePrintLoggerFile(daily, 50, 4);
      await importFile(db, daily, { clock: testClock() });
      // The all-time file: the same first day, then more.
      const allTime = join(dir, 'papercut-print-log-all-time.csv');
      copyFileSync(daily, allTime);
      const more = join(dir, 'more.csv');
      const extra = await writePrintLoggerFile(more, 30, 5);
      appendFileSync(allTime, readFileSync(more).toString('latin1').split('\r\n').slice(2).join('\r\n'), 'latin1');
      const result = await importFile(db, allTime, { clock: testClock() });
      expect(result.duplicates).toBe(totals.jobs);
      expect(result.jobs).toBe(extra.jobs);
      expect(files(db).map((f) => f.path)).toEqual([daily, allTime]);
    } finally {
      db.close();
      removeTempDir(dir);
    }
  });

  it('is the same file renamed when its old path no longer holds it: one record, read on from its position', async () => {
    const dir = makeTempDir('kamiless-identity-');
    const db = testFileDb(dir);
    try {
      const log = join(dir, 'page.csv');
      await writePrintLoggerFile(log, 50, 6);
      await importFile(db, log, { clock: testClock() });
      const rotated = join(dir, 'page.csv.1');
      renameSync(log, rotated);
      writeFileSync(log, 'a new file, another start\r\n');
      const result = await importFile(db, rotated, { clock: testClock() });
      // Read to its end before: nothing new, and the record followed the file.
      expect(result.jobs).toBe(0);
      expect(files(db).map((f) => f.path)).toEqual([rotated]);
    } finally {
      db.close();
      removeTempDir(dir);
    }
  });
});
