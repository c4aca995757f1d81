import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fiscalYearOf } from '../../../shared/domain/wareki.js';
import { parseMapping } from '../../../shared/domain/printlog/mapping.js';
import type { Db } from '../../../electron/app/db/connection.js';
import { normalizeEncoding } from '../../../electron/app/printlog/encoding.js';
import { importFile, type ImportOptions } from '../../../electron/app/printlog/import-file.js';
import { testClock, testDb } from '../../helpers/test-app.js';
import { countedTotals, storedTotals, summaryMatchesRows } from './file-totals.js';

const root = new URL('../../../../shared/fixtures/printlogs/', import.meta.url).pathname;

interface Figures {
  jobs: number;
  pages: number;
  sheets: number;
}
interface ExpectedFile extends Partial<Figures> {
  format: string;
  rejected: number[];
  byFiscalYear?: Record<string, Figures>;
  duplicatesOf?: string;
  rows?: number;
  sheetsByMonth?: Record<string, number>;
}
const expected = JSON.parse(readFileSync(join(root, 'expected.json'), 'utf8')) as {
  files: Record<string, ExpectedFile>;
  total: Figures & { byFiscalYear: Record<string, Figures> };
};

function mappingFor(file: string): Pick<ImportOptions, 'mapping' | 'encoding'> {
  const name = file.startsWith('csv/counter') ? 'csv/counter-mapping.json' : file.startsWith('csv/') ? 'csv/joblog-mapping.json' : null;
  if (!name) return {};
  const parsed = parseMapping(JSON.parse(readFileSync(join(root, name), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const encoding = parsed.mapping.encoding ? normalizeEncoding(parsed.mapping.encoding) : null;
  return { mapping: parsed.mapping, ...(encoding && { encoding }) };
}

const importFixture = (db: Db, file: string) => importFile(db, join(root, file), { clock: testClock(), ...mappingFor(file) });

function byFiscalYear(db: Db): Record<string, Figures> {
  const out: Record<string, Figures> = {};
  for (const j of db.prepare('SELECT time, pages, sheets FROM print_jobs').all() as { time: string; pages: number; sheets: number }[]) {
    const fy = String(fiscalYearOf(new Date(j.time)));
    const f = (out[fy] ??= { jobs: 0, pages: 0, sheets: 0 });
    f.jobs += 1;
    f.pages += j.pages;
    f.sheets += j.sheets;
  }
  return out;
}

describe('every fixture imports to exactly the figures of expected.json', () => {
  for (const [file, want] of Object.entries(expected.files)) {
    it(file, async () => {
      const db = testDb();
      const result = await importFixture(db, file);
      expect(result.format).toBe(want.format);
      expect(result.rejected.map((r) => r.line)).toEqual(want.rejected);
      if (want.format === 'counter') {
        expect(result.readings).toBe(want.rows);
        const months = db.prepare('SELECT month, sum(sheets) AS sheets FROM counter_readings GROUP BY month ORDER BY month').all() as { month: string; sheets: number }[];
        expect(Object.fromEntries(months.map((m) => [m.month.replace('-', '/'), m.sheets]))).toEqual(want.sheetsByMonth);
        expect(result.jobs).toBe(0);
        return;
      }
      expect(result.jobs).toBe(want.jobs);
      if (want.pages !== undefined) expect(result.pages).toBe(want.pages);
      if (want.sheets !== undefined) expect(result.sheets).toBe(want.sheets);
      if (want.byFiscalYear) expect(byFiscalYear(db)).toEqual(want.byFiscalYear);
      // Every line is either a job, a reject, or a header: nothing silently dropped.
      const rejectedStored = db.prepare('SELECT line FROM rejected_lines ORDER BY line').all() as { line: number }[];
      expect(rejectedStored.map((r) => r.line)).toEqual(want.rejected);
    });
  }
});

describe('deduplication by content', () => {
  it('counts the jobs of the daily files and of the all-time file once, whatever the order', async () => {
    const daily = Object.keys(expected.files).filter((f) => f.startsWith('papercut-logger/daily/'));
    const allTime = 'papercut-logger/papercut-print-log-all-time.csv';
    const dailyJobs = daily.reduce((n, f) => n + (expected.files[f]?.jobs ?? 0), 0);

    const first = testDb();
    for (const f of daily) await importFixture(first, f);
    const after = await importFixture(first, allTime);
    expect(after.jobs).toBe(0);
    expect(after.duplicates).toBe(expected.files[allTime]?.jobs);

    const second = testDb();
    const all = await importFixture(second, allTime);
    expect(all.jobs).toBe(dailyJobs);
    let newFromDaily = 0;
    for (const f of daily) newFromDaily += (await importFixture(second, f)).jobs;
    expect(newFromDaily).toBe(0);
    expect(byFiscalYear(second)).toEqual(byFiscalYear(first));
    for (const db of [first, second]) expect(storedTotals(db)).toEqual(countedTotals(db));
  });

  it('a re-import stores nothing new and reports every job as already there', async () => {
    const db = testDb();
    const file = 'cups/page_log';
    const once = await importFixture(db, file);
    const [afterOnce] = storedTotals(db);
    const again = await importFixture(db, file);
    expect(again.jobs).toBe(0);
    expect(again.duplicates).toBe(once.jobs);
    // The file's figures did not grow: the jobs read again were seen there already.
    const lastJobTime = (db.prepare('SELECT max(time) AS t FROM print_jobs').get() as { t: string }).t;
    expect(afterOnce?.last_job_time).toBe(lastJobTime);
    expect(storedTotals(db)).toEqual([{ id: 1, jobs: once.jobs, pages: once.pages, sheets: once.sheets, sightings: once.jobs, rejected: 0, last_job_time: lastJobTime }]);
    expect(storedTotals(db)).toEqual(countedTotals(db));
  });

  it('keeps each file\'s stored figures equal to its rows through duplicates, copies and re-imports', async () => {
    const db = testDb();
    const files = Object.keys(expected.files).sort();
    for (const file of files) await importFixture(db, file);
    // Everything again, then the all-time file once more: duplicates only, and rejected lines read again.
    for (const file of [...files, 'papercut-logger/papercut-print-log-all-time.csv']) await importFixture(db, file);
    expect(storedTotals(db)).toEqual(countedTotals(db));
    expect(storedTotals(db).reduce((n, f) => n + f.jobs, 0)).toBe(expected.total.jobs);
    const rejected = Object.values(expected.files).reduce((n, f) => n + f.rejected.length, 0);
    expect(storedTotals(db).reduce((n, f) => n + f.rejected, 0)).toBe(rejected);
    const { summary, rows } = summaryMatchesRows(db);
    expect(summary).toEqual(rows);
  });

  it('importing every fixture gives the totals of expected.json', async () => {
    const db = testDb();
    for (const file of Object.keys(expected.files).sort()) await importFixture(db, file);
    const t = db.prepare('SELECT count(*) AS jobs, sum(pages) AS pages, sum(sheets) AS sheets FROM print_jobs').get();
    expect(t).toEqual({ jobs: expected.total.jobs, pages: expected.total.pages, sheets: expected.total.sheets });
    expect(byFiscalYear(db)).toEqual(expected.total.byFiscalYear);
    expect(storedTotals(db)).toEqual(countedTotals(db));
  });
});
