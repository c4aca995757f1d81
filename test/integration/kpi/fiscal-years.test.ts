import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fiscalYearsSql } from '../../../electron/app/kpi/fiscal-years.js';
import { createKpiReports } from '../../../electron/app/kpi/kpi-report.js';
import { importFile } from '../../../electron/app/printlog/import-file.js';
import { parseMapping } from '../../../shared/domain/printlog/mapping.js';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf, makeTempDir, removeTempDir, signIn, testApp, testClock } from '../../helpers/test-app.js';

// "Today" is 25 November 2026: FY2026 (令和8年度) is the current year.
const clock = testClock(Date.parse('2026-11-25T10:00:00+09:00'));
const world = await testApp({ clock });
const dx = await signIn(world.app, 'dx');
const dir = makeTempDir();
afterAll(() => removeTempDir(dir));

const fixtures = new URL('../../../../shared/fixtures/printlogs/csv/', import.meta.url).pathname;

const fiscalYears = async () => bodyOf(api.kpiFiscalYears, await dx.inject({ method: 'GET', url: '/api/kpi/fiscal-years' }));
/** fiscalYear → [hasSettings, hasData], to compare at a glance. */
const flags = (items: { fiscalYear: number; hasSettings: boolean; hasData: boolean }[]) =>
  Object.fromEntries(items.map((y) => [y.fiscalYear, [y.hasSettings, y.hasData]]));

async function importPrintLog(name: string, times: string[]): Promise<void> {
  const head = 'PaperCut Print Logger - http://www.papercut.com/\r\nTime,User,Pages,Copies,Printer,Document Name,Client,Paper Size,Language,Height,Width,Duplex,Grayscale,Size\r\n';
  const path = join(dir, name);
  writeFileSync(path, head + times.map((t) => `${t},dx,3,1,HONCHO-PRN01,"資料.pdf",PC-1,A4,PCL6,,,NOT DUPLEX,GRAYSCALE,10kb,\r\n`).join(''));
  await importFile(world.db, path, { clock });
}

describe('GET /api/kpi/fiscal-years', () => {
  it('offers the seeded settings years and their baseline year up to today, newest first, before any data', async () => {
    const list = await fiscalYears();
    expect(list.current).toBe(2026);
    expect(list.items.map((y) => y.fiscalYear)).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
    expect(list.items[0]).toEqual({ fiscalYear: 2026, label: '令和8年度', hasSettings: false, hasData: false });
    expect(flags(list.items)).toMatchObject({ 2024: [true, false], 2022: [true, false], 2021: [false, false] });
  });

  it('reaches back to the earliest month of copier counters, print jobs (rolled up or not yet) and purchases', async () => {
    // Copier counter readings of FY2024 (Shift_JIS, through their mapping): a year with settings gains data.
    const mapping = parseMapping(JSON.parse(readFileSync(join(fixtures, 'counter-mapping.json'), 'utf8')));
    if (!mapping.ok) throw new Error(mapping.errors.join('; '));
    await importFile(world.db, join(fixtures, 'counter-2024.csv'), { clock, mapping: mapping.mapping, encoding: 'cp932' });
    expect(flags((await fiscalYears()).items)).toMatchObject({ 2024: [true, true], 2023: [true, false] });

    // Jobs of May 2019 (FY2019) and March 2026 (FY2025), not yet rolled up: their months wait as stale.
    await importPrintLog('papercut-print-log-2019.csv', ['2019-05-10 09:00:00', '2026-03-31 23:50:00']);
    expect(world.db.prepare('SELECT count(*) AS n FROM kpi_stale_months').get()).toEqual({ n: 2 });
    let list = await fiscalYears();
    expect(list.items.at(-1)?.fiscalYear).toBe(2019);
    expect(list.items.map((y) => y.fiscalYear)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019]);
    expect(flags(list.items)).toMatchObject({ 2026: [false, false], 2025: [false, true], 2020: [false, false], 2019: [false, true] });

    // Rolled up (a report was read): the same answer from kpi_job_months.
    createKpiReports(world.db, clock).jobMonths.refresh();
    expect(world.db.prepare('SELECT count(*) AS n FROM kpi_stale_months').get()).toEqual({ n: 0 });
    expect(await fiscalYears()).toEqual(list);

    // A purchase of March 2017 is FY2016.
    expect((await dx.inject({ method: 'PUT', url: '/api/kpi/purchases', payload: { month: '2017-03', reams: 20 } })).statusCode).toBe(200);
    list = await fiscalYears();
    expect(list.items.at(-1)).toEqual({ fiscalYear: 2016, label: '平成28年度', hasSettings: false, hasData: true });
    expect(list.items).toHaveLength(2026 - 2016 + 1);
  });

  it('adds a later year once it has settings, and leaves out data dated after today', async () => {
    const year = await dx.inject({
      method: 'PUT', url: '/api/kpi/years',
      payload: { fiscalYear: 2027, target: 200000, measure: 'jobs', baselineYear: 2021, baselineSheets: null, baselineSource: '', sheetBasis: 'sheets' },
    });
    expect(year.statusCode, year.body).toBe(200);
    // A copier whose clock ran years ahead.
    await importPrintLog('papercut-print-log-future.csv', ['2031-06-01 09:00:00']);
    const list = await fiscalYears();
    expect(list.current).toBe(2026);
    expect(list.items[0]).toEqual({ fiscalYear: 2027, label: '令和9年度', hasSettings: true, hasData: false });
    expect(list.items.map((y) => y.fiscalYear)).not.toContain(2031);
  });

  it('reads the rollups, never the jobs: index seeks for the earliest month and for each year', () => {
    const plan = (sql: string) => (world.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ first: '2024-04', last: '2025-03' }) as { detail: string }[]).map((r) => r.detail);
    for (const sql of [fiscalYearsSql.earliest, fiscalYearsSql.indexedData]) {
      const steps = plan(sql);
      expect(steps.join(' | ')).not.toContain('print_jobs');
      const tables = steps.filter((d) => /kpi_(job_months|stale_months|purchases)/.test(d));
      expect(tables).toHaveLength(3);
      for (const step of tables) expect(step).toMatch(/^SEARCH kpi_\w+ USING (PRIMARY KEY|COVERING INDEX)/);
    }
  });

  it('is for the DX office and administrators only', async () => {
    const clerk = await signIn(world.app, 'clerk');
    expect((await clerk.inject({ method: 'GET', url: '/api/kpi/fiscal-years' })).statusCode).toBe(403);
    expect((await world.app.inject({ method: 'GET', url: '/api/kpi/fiscal-years' })).statusCode).toBe(401);
  });
});
