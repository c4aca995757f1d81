import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../electron/app/printlog/import-file.js';
import { writePrintLoggerFile } from '../../helpers/printlog-generate.js';
import { makeTempDir, removeTempDir, testClock, testFileDb } from '../../helpers/test-app.js';

describe('the parse worker running out of heap', () => {
  it('hands the rest of the file to the importing thread: every job stored once, the long line rejected', async () => {
    const dir = makeTempDir('kamiless-worker-oom-');
    try {
      const log = join(dir, 'papercut-print-log-all-time.csv');
      const totals = await writePrintLoggerFile(log, 40_000, 3);
      // One line of 40 MB (a document name no log would write): more than an 8 MB heap can hold as a string and its pieces.
      appendFileSync(log, `2024-05-01 10:00:00,sato-k,1,1,HONCHO-SOUMU-MFP01,"${'x'.repeat(40_000_000)}",PC-1,A4,PCL6,,,NOT DUPLEX,GRAYSCALE,1kb,\r\n`);
      const db = testFileDb(dir);
      try {
        const result = await importFile(db, log, {
          clock: testClock(), parseWorkerFrom: 0, parseWorkerLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 },
        });
        expect(result.jobs + result.duplicates).toBeGreaterThanOrEqual(totals.jobs);
        const stored = db.prepare('SELECT count(*) AS jobs, sum(sheets) AS sheets FROM print_jobs').get() as { jobs: number; sheets: number };
        // The long line holds one more job (1 sheet) when it parses; either way no generated job is lost or doubled.
        expect([totals.jobs, totals.jobs + 1]).toContain(stored.jobs);
        expect(stored.sheets - totals.sheets).toBe(stored.jobs - totals.jobs);
        const file = db.prepare('SELECT finished FROM log_files').get() as { finished: number };
        expect(file.finished).toBe(1);
      } finally {
        db.close();
      }
    } finally {
      removeTempDir(dir);
    }
  }, 120_000);
});
