import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/app/db/connection.js';
import { createImportRunner, ImportCancelled, ImportFailed } from '../../../electron/app/printlog/import-runner.js';
import { fixturesDir } from '../../helpers/printlog-fixtures.js';
import { writePrintLoggerFile, type GeneratedTotals } from '../../helpers/printlog-generate.js';
import { makeTempDir, removeTempDir, testClock, testDb, testFileDb } from '../../helpers/test-app.js';

const stored = (db: Db) =>
  db.prepare('SELECT count(*) AS jobs, coalesce(sum(pages), 0) AS pages, coalesce(sum(sheets), 0) AS sheets FROM print_jobs').get() as GeneratedTotals;
const committedLine = (db: Db) => (db.prepare('SELECT coalesce(max(line), 0) AS line FROM log_files').get() as { line: number }).line;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the import runner', () => {
  let dir: string;
  let db: Db;
  beforeAll(() => {
    dir = makeTempDir('kamiless-runner-');
    db = testFileDb(dir);
  });
  afterAll(() => {
    db.close();
    removeTempDir(dir);
  });

  it('uses a worker for a database file and runs inline for an in-memory one', async () => {
    expect(createImportRunner({ db, clock: testClock() }).mode).toBe('worker');
    const memory = testDb();
    const inline = createImportRunner({ db: memory, clock: testClock() });
    expect(inline.mode).toBe('inline');
    const outcome = await inline.run({ path: join(fixturesDir(), 'papercut-logger/bad-lines-utf8.csv'), source: 'test' });
    expect(outcome).toMatchObject({ jobs: 10, rejectedCount: 6 });
    await expect(inline.run({ path: join(dir, 'missing.csv'), source: 'test' })).rejects.toBeInstanceOf(ImportFailed);
    memory.close();
  });

  it('writes the rows with the app clock, cuts the rejected lines it returns, and reports a file it cannot read', async () => {
    const clock = testClock(Date.parse('2030-01-01T00:00:00Z'));
    const runner = createImportRunner({ db, clock, rejectedShown: 2 });
    const outcome = await runner.run({ path: join(fixturesDir(), 'papercut-logger/bad-lines-utf8.csv'), source: 'test' });
    expect(outcome.rejected.map((r) => r.line)).toEqual([4, 6]);
    expect(outcome.rejectedCount).toBe(6);
    const at = (db.prepare('SELECT min(at) AS at FROM rejected_lines').get() as { at: string }).at;
    expect(at.startsWith('2030-01-01')).toBe(true);
    const failed = runner.run({ path: join(dir, 'missing.csv'), source: 'test' });
    await expect(failed).rejects.toBeInstanceOf(ImportFailed);
    await expect(failed).rejects.toThrow(/cannot read/);
  });

  it('stops a cancelled import in the middle, consistent, and a re-run completes it exactly', async () => {
    db.exec('DELETE FROM job_sightings; DELETE FROM rejected_lines; DELETE FROM counter_readings; DELETE FROM print_jobs; DELETE FROM log_files;');
    const log = join(dir, 'papercut-print-log-all-time.csv');
    const totals = await writePrintLoggerFile(log, 60_000, 5);
    const runner = createImportRunner({ db, clock: testClock(), batchLines: 1000 });
    const controller = new AbortController();
    const first = runner.run({ path: log, source: 'test' }, controller.signal);
    const settled = first.then(() => 'finished', (err: unknown) => err);
    // Cancel once some batches are committed, well before the end.
    while (committedLine(db) < 3000) await sleep(5);
    controller.abort();
    const outcome = await settled;
    expect(outcome).toBeInstanceOf(ImportCancelled);
    const partial = stored(db);
    expect(partial.jobs).toBeGreaterThan(0);
    expect(partial.jobs).toBeLessThan(totals.jobs);
    expect((db.prepare('SELECT finished FROM log_files').get() as { finished: number }).finished).toBe(0);

    const rest = await runner.run({ path: log, source: 'test' });
    expect(rest.jobs + partial.jobs).toBe(totals.jobs);
    expect(stored(db)).toEqual(totals);
  });
});
