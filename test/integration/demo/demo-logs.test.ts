import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/app/cli/main.js';
import type { Clock } from '../../../electron/app/clock.js';
import { databaseFile } from '../../../electron/app/data-folder.js';
import { openDatabase, type Db } from '../../../electron/app/db/connection.js';
import { migrate } from '../../../electron/app/db/migrate.js';
import { createDemoTown } from '../../../electron/app/demo/demo.js';
import { DEMO_LOG_SEED, renderDemoLogFiles, type DemoLogFile, type DemoLogsSummary } from '../../../electron/app/demo/demo-logs.js';
import { planDemoLogs, tokyoDayOf } from '../../../electron/app/demo/demo-logs-plan.js';
import { demoUsers } from '../../../electron/app/demo/demo-town.js';
import { createKpiReports } from '../../../electron/app/kpi/kpi-report.js';
import { createSourcesRepo } from '../../../electron/app/printlog/sources.repo.js';
import { WatcherService, type SourceErrorEvent } from '../../../electron/app/printlog/watcher.js';
import { captureOutput } from '../../helpers/capture-output.js';

/**
 * `kamiless demo` with its print logs, on a frozen day (2026-11-25, Tokyo):
 * the logs go through the real import, and the seed's figures must come back
 * out of print_jobs, summed here with plain SQL.
 */

const { out } = captureOutput();

// Noon in Tokyo on 25 November 2026: the logs run from 1 April 2021 to the 24th.
const clock: Clock = { now: () => Date.parse('2026-11-25T03:00:00.000Z') };
const root = mkdtempSync(join(tmpdir(), 'kamiless-demo-logs-'));
const data = join(root, 'data');
const logDir = join(data, 'demo-logs');
let db: Db;
let summary: DemoLogsSummary | null = null;
let demoSeconds = 0;
/** The files the demo wrote, rendered again here from the same seed and day. */
let expected: DemoLogFile[];

beforeAll(async () => {
  db = openDatabase(databaseFile(data));
  migrate(db);
  const started = performance.now();
  await createDemoTown(db, clock, 'demo-password-123', { logs: { dir: logDir, onLogs: (s) => (summary = s) } });
  demoSeconds = (performance.now() - started) / 1000;
  expected = [...renderDemoLogFiles(planDemoLogs({ seed: DEMO_LOG_SEED, today: tokyoDayOf(clock.now()) }))];
}, 300_000);

afterAll(() => {
  db?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Sheets of the stored jobs whose time falls in a fiscal year, Tokyo time: 1 April 00:00 JST is 31 March 15:00 UTC. */
function sheetsOfFiscalYear(fy: number, until?: string): number {
  const from = `${fy}-03-31T15:00:00.000Z`;
  const to = until ?? `${fy + 1}-03-31T15:00:00.000Z`;
  return (db.prepare('SELECT coalesce(sum(sheets), 0) AS n FROM print_jobs WHERE time >= ? AND time < ?').get(from, to) as { n: number }).n;
}

const count = (sql: string, ...params: unknown[]): number => (db.prepare(sql).get(...params) as { n: number }).n;

interface FileRow {
  id: number;
  path: string;
  format: string;
  encoding: string;
  source: string;
  finished: number;
  jobs: number;
  sightings: number;
  rejected: number;
}

describe('kamiless demo: print logs that reproduce the seed', () => {
  it("gives the seed's evaluation table through the KPI report: 74,240 / 161 % and 102,591 / 79 %, FY2024 short of 184,800", () => {
    const reports = createKpiReports(db, clock);
    expect(reports.report(2022)).toMatchObject({ label: '令和4年度', baseline: { fiscalYear: 2021 }, reduction: 74_240, target: 46_000, achievementPercent: 161, complete: true });
    expect(reports.report(2023)).toMatchObject({ label: '令和5年度', reduction: 102_591, target: 130_000, achievementPercent: 79 });
    const fy2024 = reports.report(2024);
    expect(fy2024.target).toBe(184_800);
    expect(fy2024.reduction).toBeLessThan(184_800);
    expect(fy2024.achievementPercent).toBeLessThan(100);
    // Demo users print under their logins: most sheets land in departments, the few unknown names in 未割当.
    expect(fy2024.unmapped.sheets).toBeGreaterThan(0);
    expect(fy2024.unmapped.sheets).toBeLessThan(fy2024.sheets / 5);
  });

  it('reproduces the seed\'s reductions exactly, through the import', () => {
    const fy = (y: number) => sheetsOfFiscalYear(y);
    const baseline = fy(2021);
    expect(baseline).toBe(400_000);
    expect(baseline - fy(2022)).toBe(74_240);
    expect(baseline - fy(2023)).toBe(102_591);
    // FY2024 falls short of the KGI, FY2025 passes it.
    expect(baseline - fy(2024)).toBeGreaterThan(102_591);
    expect(baseline - fy(2024)).toBeLessThan(184_800);
    expect(Math.abs(baseline - fy(2025) - 190_000)).toBeLessThan(5_000);
    // FY2026 so far is below the same months of the baseline: the reduction goes on.
    const ytd = fy(2026);
    const baselineSameMonths = sheetsOfFiscalYear(2021, '2021-11-24T15:00:00.000Z');
    expect(ytd).toBeGreaterThan(0);
    expect(ytd).toBeLessThan(baselineSameMonths - 74_240 * 0.5);
    // Nothing before the baseline year or from today on.
    expect(count("SELECT count(*) AS n FROM print_jobs WHERE time < '2021-03-31T15:00:00.000Z' OR time >= '2026-11-24T15:00:00.000Z'")).toBe(0);
  });

  it('reports what it stored, checked against the plan', () => {
    expect(summary).not.toBeNull();
    const s = summary as unknown as DemoLogsSummary;
    expect(s.years.map((y) => y.fiscalYear)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    for (const y of s.years) {
      expect(y.stored, `FY${y.fiscalYear}`).toBe(y.planned);
      expect(y.stored).toBe(sheetsOfFiscalYear(y.fiscalYear));
    }
    expect(s.years.map((y) => y.complete)).toEqual([true, true, true, true, true, false]);
    expect(s.firstDay).toBe('2021-04-01');
    expect(s.lastDay).toBe('2026-11-24');
    expect(s.rejected).toBe(3);
    expect(s.stored).toBe(s.plannedJobs);
    expect(count('SELECT count(*) AS n FROM print_jobs')).toBe(s.plannedJobs);
    // The demo stays quick (about 15 s on a 2-core machine); generous, for a loaded test run.
    expect(demoSeconds).toBeLessThan(120);
    console.info(`demo with logs: ${demoSeconds.toFixed(1)} s, ${s.files} files, ${s.stored} jobs`);
  });

  it('imports every file with no error but the three deliberate bad lines', () => {
    const rows = db.prepare('SELECT id, path, format, encoding, source, finished, jobs, sightings, rejected FROM log_files').all() as FileRow[];
    const byPath = new Map(rows.map((r) => [r.path, r]));
    expect(rows.length).toBe(expected.length);
    for (const f of expected) {
      const row = byPath.get(join(logDir, ...f.path.split('/')));
      expect(row, f.path).toBeDefined();
      if (!row) continue;
      expect({ path: f.path, finished: row.finished, format: row.format, source: row.source, seen: row.sightings, rejected: row.rejected })
        .toEqual({ path: f.path, finished: 1, format: f.format, source: f.source, seen: f.jobs, rejected: f.badLines });
      // Print Logger files are CP932 (Japanese Windows); CUPS and PaperCut NG write UTF-8.
      expect(row.encoding).toBe(f.format === 'papercut-logger' ? 'cp932' : 'utf-8');
    }
    const rejected = db.prepare('SELECT f.format, r.reason FROM rejected_lines r JOIN log_files f ON f.id = r.file_id ORDER BY f.format').all() as { format: string; reason: string }[];
    expect(rejected.map((r) => r.format)).toEqual(['cups', 'papercut-logger', 'papercut-ng']);
    expect(rejected.map((r) => r.reason)).toEqual([
      expect.stringMatching(/^not a page_log line/),
      expect.stringMatching(/^too few columns/),
      expect.stringMatching(/control characters/),
    ]);
  });

  it('counts the jobs the all-time file repeats once: duplicates, not extra jobs', () => {
    const allTime = expected.find((f) => f.path.endsWith('papercut-print-log-all-time.csv'));
    expect(allTime?.jobs).toBeGreaterThan(500);
    const row = db.prepare('SELECT id, jobs, sightings FROM log_files WHERE path = ?').get(join(logDir, 'HONCHO', 'papercut-print-log-all-time.csv')) as { id: number; jobs: number; sightings: number };
    expect(row.jobs).toBe(0);
    expect(row.sightings).toBe(allTime?.jobs);
    expect(count('SELECT count(*) AS n FROM job_sightings WHERE file_id = ?', row.id)).toBe(allTime?.jobs);
    expect((summary as unknown as DemoLogsSummary).duplicates).toBe(allTime?.jobs);
    // Every row of it is a row of a November daily file (where the job was stored from): November since 2 November, 12:00.
    const rowsOf = (f: DemoLogFile | undefined) => (f ? iconv.decode(f.bytes, 'cp932').split('\r\n').slice(2).filter((r) => r !== '') : []);
    const november = new Set(expected.filter((f) => /papercut-print-log-2026-11-\d\d\.csv$/.test(f.path)).flatMap(rowsOf));
    const repeated = rowsOf(allTime);
    expect(repeated.filter((r) => !november.has(r))).toEqual([]);
    expect(repeated[0]).toMatch(/^2026-11-02 1[2-7]:/);
    expect(november.size).toBeGreaterThan(repeated.length);
    const distinct = expected.filter((f) => f !== allTime).reduce((a, f) => a + f.jobs, 0);
    expect(count('SELECT count(*) AS n FROM print_jobs')).toBe(distinct);
  });

  it('writes the same bytes for the same seed, other bytes for another', () => {
    const onDisk = (readdirSync(logDir, { recursive: true, encoding: 'utf8' }))
      .filter((p) => !['HONCHO', 'GEIHOKU', 'OASA', 'TOYOHIRA', 'CHIYODA-HC'].includes(p))
      .map((p) => p.split(/[\\/]/).join('/'))
      .sort();
    expect(onDisk).toEqual(expected.map((f) => f.path).sort());
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const differing = expected.filter((f) => sha(readFileSync(join(logDir, ...f.path.split('/')))) !== sha(f.bytes)).map((f) => f.path);
    expect(differing).toEqual([]);
    const other = renderDemoLogFiles(planDemoLogs({ seed: DEMO_LOG_SEED + 1, today: tokyoDayOf(Date.parse('2021-04-10T00:00:00Z')) })).next().value;
    const same = expected.find((f) => f.path === other?.path);
    expect(other?.path).toBe('HONCHO/papercut-print-log-2021-04-01.csv');
    expect(sha(other?.bytes ?? new Uint8Array())).not.toBe(sha(same?.bytes ?? new Uint8Array()));
  });

  it('logs the demo users (some with the Windows domain) and a few names nobody logs in with', () => {
    const users = (db.prepare('SELECT DISTINCT user FROM print_jobs').pluck().all() as string[]);
    expect(users).toEqual(expect.arrayContaining(['scanner', 'guest']));
    expect(users.some((u) => u.startsWith('KITAHIROSHIMA\\'))).toBe(true);
    const logins = new Set(demoUsers.map((u) => u.login));
    const unknown = users.map((u) => u.replace(/^KITAHIROSHIMA\\/, '')).filter((u) => !logins.has(u)).sort();
    expect(unknown).toEqual(['Administrator', 'guest', 'hoken-shared', 'scanner']);
    const unmatchedSheets = count("SELECT coalesce(sum(sheets), 0) AS n FROM print_jobs WHERE user IN ('Administrator', 'guest', 'hoken-shared', 'scanner')");
    expect(unmatchedSheets).toBeGreaterThan(0);
    const printers = db.prepare('SELECT DISTINCT printer FROM print_jobs').pluck().all() as string[];
    expect(printers).toEqual(expect.arrayContaining(['HONCHO-SOMU-MFP01', 'HONCHO-ZAISEI-MFP01', 'GEIHOKU-MFP01', 'OASA-MFP01', 'TOYOHIRA-MFP01', 'CHIYODA-HC-MFP01']));
  });

  it('registers a log source per print server, which a hub then watches without reading anything again', async () => {
    const sources = createSourcesRepo(db, clock).list();
    expect(sources.map((s) => [s.name, s.siteCode, s.format, s.active]).sort()).toEqual([
      ['CHIYODA-HC-PCNG01', 'CHIYODA-HC', 'papercut-ng', true],
      ['GEIHOKU-CUPS01', 'GEIHOKU', 'cups', true],
      ['HONCHO-PRTSRV01', 'HONCHO', 'papercut-logger', true],
      ['OASA-CUPS01', 'OASA', 'cups', true],
      ['TOYOHIRA-CUPS01', 'TOYOHIRA', 'cups', true],
    ]);
    const repo = createSourcesRepo(db, clock);
    expect(sources.reduce((a, s) => a + repo.stats(s.name).jobs, 0)).toBe(count('SELECT count(*) AS n FROM print_jobs'));
    expect(sources.reduce((a, s) => a + repo.stats(s.name).rejected, 0)).toBe(3);

    const before = { jobs: count('SELECT count(*) AS n FROM print_jobs'), sightings: count('SELECT count(*) AS n FROM job_sightings'), files: count('SELECT count(*) AS n FROM log_files') };
    const watcher = new WatcherService(db, { clock, refreshMs: 0 });
    const errors: SourceErrorEvent[] = [];
    watcher.on('sourceError', (e) => errors.push(e));
    try {
      await watcher.start();
      await watcher.idle();
      expect(watcher.watching()).toHaveLength(5);
    } finally {
      await watcher.stop();
    }
    expect(errors).toEqual([]);
    expect({ jobs: count('SELECT count(*) AS n FROM print_jobs'), sightings: count('SELECT count(*) AS n FROM job_sightings'), files: count('SELECT count(*) AS n FROM log_files') }).toEqual(before);
  }, 60_000);

  it('refuses a logs folder that already holds files, before making the town', async () => {
    const dir = join(root, 'taken');
    const other = openDatabase(join(dir, 'kamiless.db'));
    try {
      migrate(other);
      const logs = join(dir, 'old-logs');
      mkdirSync(logs);
      writeFileSync(join(logs, 'papercut-print-log-2020-01-06.csv'), 'old');
      await expect(createDemoTown(other, clock, 'demo-password-123', { logs: { dir: logs } })).rejects.toMatchObject({ code: 'conflict' });
      expect((other.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(0);
    } finally {
      other.close();
    }
  });

  it('`kamiless demo --no-logs` makes the town alone', async () => {
    const bare = join(root, 'bare');
    expect(await main(['demo', '--data', bare, '--no-logs', '--json'])).toBe(0);
    const printed = JSON.parse(out.join('')) as { users: unknown[]; logs?: unknown };
    expect(printed.users.length).toBeGreaterThanOrEqual(40);
    expect(printed.logs).toBeUndefined();
    expect(existsSync(join(bare, 'demo-logs'))).toBe(false);
    const other = openDatabase(databaseFile(bare));
    try {
      expect((other.prepare('SELECT count(*) AS n FROM print_jobs').get() as { n: number }).n).toBe(0);
      expect((other.prepare('SELECT count(*) AS n FROM log_sources').get() as { n: number }).n).toBe(0);
    } finally {
      other.close();
    }
  });
});
