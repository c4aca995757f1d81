import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../electron/app/db/connection.js';
import { migrate } from '../../electron/app/db/migrate.js';
import { buildApp } from '../../electron/app/server/app.js';
import { createKpiReports } from '../../electron/app/kpi/kpi-report.js';
import { signIn, seedTown, testClock } from '../helpers/test-app.js';

export interface KpiFigures {
  jobs: number;
  fillSeconds: number;
  rerollSeconds: number;
  reportP50Ms: number;
  reportMaxMs: number;
  afterMappingMs: number;
  plainSumMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * The dashboard's fiscal-year API over `jobs` print jobs (six fiscal years,
 * 300 log users, 40 printers), against a plain SUM over the jobs table for
 * the same year's monthly sheets; and a full re-roll of the monthly rollups.
 * Each user prints on the two printers of their floor, as in a town hall.
 * The jobs are written with SQL, not imported: the import has its own bench.
 */
export async function kpiBench(jobs: number): Promise<KpiFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'kamiless-kpi-bench-'));
  const db = openDatabase(join(dir, 'kamiless.db'));
  try {
    migrate(db);
    const clock = testClock(Date.parse('2026-11-25T10:00:00+09:00'));
    await seedTown(db, clock);
    const fileId = Number(db.prepare(`INSERT INTO log_files (path, head_hash, head_length, format, encoding, first_seen, updated_at)
      VALUES ('bench.csv', 'x', 0, 'papercut-logger', 'utf-8', '2026-01-01', '2026-01-01')`).run().lastInsertRowid);
    const start = Date.parse('2021-04-01T00:00:00+09:00') / 1000;
    const span = Date.parse('2026-11-24T00:00:00+09:00') / 1000 - start;
    const t0 = performance.now();
    // One INSERT … SELECT from a counter: ten million rows in seconds, in time order like a log.
    db.prepare(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < @jobs - 1)
      INSERT INTO print_jobs (id, time, user, printer, client, document, pages, sheets, copies, sides, n_up, color, paper_size, format, file_id, line)
      SELECT i + 1, strftime('%Y-%m-%dT%H:%M:%S.000Z', @start + (i * @span) / @jobs, 'unixepoch'),
        'user' || (i * 7919 % 300), 'PRN' || ((i * 7919 % 300) % 20 * 2 + i % 2), 'PC', 'doc ' || (i % 5000),
        1 + i % 20, 1 + (i % 20) / (1 + i % 2), 1, 1 + i % 2, 1, i % 5 = 0, CASE WHEN i % 17 = 0 THEN 'A3' ELSE 'A4' END,
        'papercut-logger', @fileId, i + 1
      FROM n`).run({ jobs, start, span, fileId });
    const fillSeconds = (performance.now() - t0) / 1000;

    const reports = createKpiReports(db, clock);
    const r0 = performance.now();
    reports.jobMonths.rebuildAll();
    const rerollSeconds = (performance.now() - r0) / 1000;

    const app = await buildApp({ db, mode: 'hub', clock });
    const dx = await signIn(app, 'dx');
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const res = await dx.inject({ method: 'GET', url: '/api/kpi/report?fy=2025&measure=jobs' });
      times.push(performance.now() - t);
      if (res.statusCode !== 200) throw new Error(`report answered ${res.statusCode}: ${res.body}`);
    }
    reports.names.add({ subject: 'printer', kind: 'prefix', pattern: 'PRN1', departmentId: null, siteId: 1 });
    const m = performance.now();
    await dx.inject({ method: 'GET', url: '/api/kpi/report?fy=2025&measure=jobs' });
    const afterMappingMs = performance.now() - m;
    await app.close();

    const plain = db.prepare(`SELECT strftime('%Y-%m', time, '+9 hours') AS month, sum(sheets) AS sheets, count(*) AS jobs FROM print_jobs
      WHERE time >= '2025-03-31T15:00:00.000Z' AND time < '2026-03-31T15:00:00.000Z' GROUP BY month`);
    const plainTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      plain.all();
      plainTimes.push(performance.now() - t);
    }
    return {
      jobs, fillSeconds, rerollSeconds, reportP50Ms: median(times), reportMaxMs: Math.max(...times), afterMappingMs, plainSumMs: median(plainTimes),
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
