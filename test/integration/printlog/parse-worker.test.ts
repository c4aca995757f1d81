import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/app/db/connection.js';
import { normalizeEncoding } from '../../../electron/app/printlog/encoding.js';
import { importFile, type ImportOptions } from '../../../electron/app/printlog/import-file.js';
import { parseMapping } from '../../../shared/domain/printlog/mapping.js';
import { fixturesDir, loadExpected } from '../../helpers/printlog-fixtures.js';
import { writePrintLoggerFile } from '../../helpers/printlog-generate.js';
import { testClock, testDb } from '../../helpers/test-app.js';
import { countedTotals, storedTotals } from './file-totals.js';
import { keysConsistent } from './job-keys.js';

// A whole-file import of a large file parses it in a worker thread (parse-worker.ts) and stores its
// batches here; a small one parses in this thread. Both must store exactly the same.

function mappingFor(file: string): Pick<ImportOptions, 'mapping' | 'encoding'> {
  const name = file.startsWith('csv/counter') ? 'csv/counter-mapping.json' : file.startsWith('csv/') ? 'csv/joblog-mapping.json' : null;
  if (!name) return {};
  const parsed = parseMapping(JSON.parse(readFileSync(join(fixturesDir(), name), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const encoding = parsed.mapping.encoding ? normalizeEncoding(parsed.mapping.encoding) : null;
  return { mapping: parsed.mapping, ...(encoding && { encoding }) };
}

/** Everything an import stores, whatever the ids of files and rows. */
const stored = (db: Db) => ({
  jobs: db.prepare(`SELECT j.id, j.time, j.user, j.printer, j.client, j.document, j.pages, j.sheets, j.copies, j.sides, j.n_up, j.color, j.paper_size, j.format, f.path, j.line
    FROM print_jobs j JOIN log_files f ON f.id = j.file_id ORDER BY j.id`).all(),
  sightings: db.prepare('SELECT s.job_id, f.path, s.line FROM job_sightings s JOIN log_files f ON f.id = s.file_id ORDER BY 1, 2').all(),
  rejected: db.prepare('SELECT f.path, r.line, r.reason, r.raw FROM rejected_lines r JOIN log_files f ON f.id = r.file_id ORDER BY 1, 2').all(),
  readings: db.prepare('SELECT dedup_key, month, department, device, sheets, color_sheets, line FROM counter_readings ORDER BY 1').all(),
  files: db.prepare('SELECT path, format, encoding, position, line, finished, jobs, pages, sheets, sightings, rejected, last_job_time FROM log_files ORDER BY path').all(),
});

describe('the parse worker of whole-file imports', () => {
  it('stores every fixture exactly as a read in this thread does, with the same results', async () => {
    const inThread = testDb();
    const inWorker = testDb();
    for (const file of Object.keys(loadExpected())) {
      const path = join(fixturesDir(), file);
      const here = await importFile(inThread, path, { clock: testClock(), ...mappingFor(file), parseWorkerFrom: Infinity });
      const there = await importFile(inWorker, path, { clock: testClock(), ...mappingFor(file), parseWorkerFrom: 0, batchLines: 7 });
      expect(there, file).toEqual(here);
    }
    expect(stored(inWorker)).toEqual(stored(inThread));
    expect(storedTotals(inWorker)).toEqual(countedTotals(inWorker));
    expect(keysConsistent(inWorker)).toEqual([]);
  });

  it('commits batch after batch with their positions, the same job twice in a row included, and a re-import finds every job', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kamiless-parse-worker-'));
    const log = join(dir, 'papercut-print-log-all-time.csv');
    // Every 500th job is written twice: the same key twice in a batch.
    const totals = await writePrintLoggerFile(log, 20_000, 5);
    const db = testDb();
    const commits: { line: number; position: number }[] = [];
    const result = await importFile(db, log, { clock: testClock(), parseWorkerFrom: 0, batchLines: 1000, onCommit: (c) => commits.push(c) });
    expect(result).toMatchObject({ jobs: totals.jobs, pages: totals.pages, sheets: totals.sheets, duplicates: 0, lines: totals.jobs + 2 });
    expect(commits.length).toBeGreaterThan(20);
    expect(commits.every((c, i) => i === 0 || (c.line >= (commits[i - 1]?.line ?? 0) && c.position >= (commits[i - 1]?.position ?? 0)))).toBe(true);
    expect(await importFile(db, log, { clock: testClock(), parseWorkerFrom: 0 })).toMatchObject({ jobs: 0, duplicates: totals.jobs });
    expect(storedTotals(db)).toEqual(countedTotals(db));
    expect(keysConsistent(db)).toEqual([]);
  });

  it('stores the batches the worker posts together, one transaction per batchLines lines, and the last at the end of the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kamiless-parse-worker-'));
    const log = join(dir, 'papercut-print-log-all-time.csv');
    const totals = await writePrintLoggerFile(log, 20_000, 0);
    const db = testDb();
    const commits: { line: number; position: number }[] = [];
    const result = await importFile(db, log, { clock: testClock(), parseWorkerFrom: 0, batchLines: 4500, onCommit: (c) => commits.push(c) });
    expect(result).toMatchObject({ jobs: totals.jobs, duplicates: 0, lines: totals.jobs + 2 });
    // The worker posts every 1,000 lines: five batches make the 4,500 lines of a transaction.
    expect(commits.map((c) => c.line)).toEqual([5000, 10000, 15000, 20000, 20002]);
    expect(commits.at(-1)?.position).toBe(statSync(log).size);
    expect(db.prepare('SELECT line, position, finished FROM log_files').get()).toEqual({ line: 20002, position: statSync(log).size, finished: 1 });
    expect(storedTotals(db)).toEqual(countedTotals(db));
  });
});
