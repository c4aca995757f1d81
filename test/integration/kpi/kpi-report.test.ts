import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import { duplexSavings } from '../../../shared/domain/kpi/index.js';
import { parseMapping } from '../../../shared/domain/printlog/mapping.js';
import { createKpiReports } from '../../../electron/app/kpi/kpi-report.js';
import { normalizeEncoding } from '../../../electron/app/printlog/encoding.js';
import { importFile } from '../../../electron/app/printlog/import-file.js';
import { writePrintLoggerFile } from '../../helpers/printlog-generate.js';
import { bodyOf, errorOf, makeTempDir, removeTempDir, signIn, testApp, testClock } from '../../helpers/test-app.js';

const root = new URL('../../../../shared/fixtures/printlogs/', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(join(root, 'expected.json'), 'utf8')) as {
  files: Record<string, { format: string }>;
  total: { byFiscalYear: Record<string, { jobs: number; pages: number; sheets: number }> };
};

// "Today" is well after both fixture years, so both are complete.
const clock = testClock(Date.parse('2026-11-25T10:00:00+09:00'));
const world = await testApp({ clock });

beforeAll(async () => {
  const mappingText = readFileSync(join(root, 'csv/joblog-mapping.json'), 'utf8');
  const parsed = parseMapping(JSON.parse(mappingText));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const encoding = parsed.mapping.encoding ? normalizeEncoding(parsed.mapping.encoding) : null;
  for (const [file, want] of Object.entries(expected.files)) {
    if (want.format === 'counter') continue;
    const mapping = want.format === 'csv' ? { mapping: parsed.mapping, ...(encoding && { encoding }) } : {};
    await importFile(world.db, join(root, file), { clock, ...mapping });
  }
});

const reports = () => createKpiReports(world.db, clock);

describe('the paper KPI report', () => {
  it("sums the pipeline's jobs per fiscal year through the monthly rollups, exactly as expected.json", () => {
    for (const fy of ['2023', '2024']) {
      const want = expected.total.byFiscalYear[fy];
      const r = reports().report(Number(fy), 'jobs');
      expect({ jobs: r.jobs, pages: r.pages, sheets: r.sheets }).toEqual(want);
      expect(r.months.reduce((a, m) => a + m.sheets, 0)).toBe(want?.sheets);
      expect(r.bySite.reduce((a, m) => a + m.sheets, 0)).toBe(want?.sheets);
    }
  });

  it('computes reduction and 達成率 against a baseline year and target, rounded like the seed', () => {
    const k = reports();
    k.years.set(2024, { target: 1000, measure: 'jobs', baselineYear: 2023, baselineSheets: null, baselineSource: '', sheetBasis: 'sheets' });
    const r = k.report(2024);
    const base = expected.total.byFiscalYear['2023']?.sheets ?? 0;
    const year = expected.total.byFiscalYear['2024']?.sheets ?? 0;
    expect(r.baseline).toEqual({ fiscalYear: 2023, sheets: base, source: 'FY2023' });
    expect(r.reduction).toBe(base - year);
    expect(r.achievementPercent).toBe(Math.round(((base - year) * 100) / 1000));
    expect(r.complete).toBe(true);
    expect(r.projection).toBeNull();
  });

  it('estimates the duplex savings exactly as the domain does job by job', () => {
    const rows = world.db.prepare(`SELECT pages, copies, sides, n_up AS nUp FROM print_jobs
      WHERE time >= '2024-03-31T15:00:00.000Z' AND time < '2025-03-31T15:00:00.000Z'`).all() as { pages: number; copies: number; sides: 1 | 2 | null; nUp: number }[];
    const want = rows.reduce((a, j) => a + duplexSavings({ pagesPerCopy: j.pages / j.copies, copies: j.copies, sides: j.sides, nUp: j.nUp }), 0);
    expect(want).toBeGreaterThan(0);
    expect(reports().report(2024, 'jobs').whatIfDuplex).toBe(want);
  });

  it('moves jobs out of 未割当 as soon as a mapping rule is added, without a re-import', () => {
    const k = reports();
    const before = k.report(2024, 'jobs');
    const site = world.db.prepare("SELECT id, name FROM sites LIMIT 1").get() as { id: number; name: string };
    const honcho = before.byPrinter.filter((p) => p.name.toUpperCase().startsWith('HONCHO'));
    expect(honcho.length).toBeGreaterThan(0);
    k.names.add({ subject: 'printer', kind: 'prefix', pattern: 'honcho', departmentId: null, siteId: site.id });
    const after = k.report(2024, 'jobs');
    const onSite = after.bySite.find((s) => s.id === site.id);
    expect(onSite?.sheets).toBe(honcho.reduce((a, p) => a + p.sheets, 0));
    expect(after.sheets).toBe(before.sheets);
  });

  it('refuses a rule that does not compile, naming it, and stores nothing', () => {
    const k = reports();
    const count = k.names.list().length;
    expect(() => k.names.add({ subject: 'user', kind: 'regex', pattern: '(a+)+$', departmentId: 1, siteId: null })).toThrow(/regular expression/i);
    expect(k.names.list()).toHaveLength(count);
  });

  it('rebuilds the months new jobs arrive in (the import marks them stale), and only those', async () => {
    const before = reports().report(2024, 'jobs');
    const stale = () => (world.db.prepare('SELECT month FROM kpi_stale_months').all() as { month: string }[]).map((r) => r.month);
    expect(stale()).toEqual([]);
    const again = await importFile(world.db, join(root, 'papercut-logger/papercut-print-log-all-time.csv'), { clock });
    // Already stored from the daily files: nothing new, nothing stale.
    expect(again.jobs).toBe(0);
    expect(stale()).toEqual([]);
    const dir = makeTempDir('kamiless-kpi-');
    try {
      const file = join(dir, 'papercut-print-log-new.csv');
      const added = await writePrintLoggerFile(file, 300, 21);
      await importFile(world.db, file, { clock });
      expect(stale()).toEqual(['2024-04']);
      const after = reports().report(2024, 'jobs');
      expect(stale()).toEqual([]);
      expect(after.sheets - before.sheets).toBe(added.sheets);
      expect(after.months[0]?.sheets).toBe((before.months[0]?.sheets ?? 0) + added.sheets);
    } finally {
      removeTempDir(dir);
    }
  });

  it('answers GET /api/kpi/report (the public contract) and refuses an unknown fiscal year and a clerk', async () => {
    const dx = await signIn(world.app, 'dx');
    const res = await dx.inject({ method: 'GET', url: '/api/kpi/report?fy=2024' });
    const body = bodyOf(api.kpiReport, res);
    for (const key of ['fiscalYear', 'label', 'measure', 'sheets', 'pages', 'jobs', 'baseline', 'reduction', 'target', 'achievementPercent', 'months', 'bySite', 'byDepartment', 'byPrinter', 'unmapped']) {
      expect(body).toHaveProperty(key);
    }
    expect(body.label).toBe('令和6年度');
    expect(body.months.map((m) => m.month)).toEqual(['2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03']);
    const bad = await dx.inject({ method: 'GET', url: '/api/kpi/report?fy=12' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).field).toBe('query.fy');
    const clerk = await signIn(world.app, 'clerk');
    expect((await clerk.inject({ method: 'GET', url: '/api/kpi/report?fy=2024' })).statusCode).toBe(403);
  });

  it('drills down: a site\'s departments, a department\'s printers and users, each adding up to its parent line', async () => {
    const dx = await signIn(world.app, 'dx');
    const report = bodyOf(api.kpiReport, await dx.inject({ method: 'GET', url: '/api/kpi/report?fy=2024&measure=jobs' }));
    for (const site of report.bySite) {
      const b = bodyOf(api.kpiBreakdown, await dx.inject({ method: 'GET', url: `/api/kpi/breakdown?fy=2024&siteId=${site.id ?? 0}` }));
      expect(b.sheets).toBe(site.sheets);
      expect(b.byDepartment.reduce((a, d) => a + d.sheets, 0)).toBe(site.sheets);
      expect(b.months.reduce((a, m) => a + m.sheets, 0)).toBe(site.sheets);
      for (const d of b.byDepartment) {
        const inner = bodyOf(api.kpiBreakdown, await dx.inject({ method: 'GET', url: `/api/kpi/breakdown?fy=2024&siteId=${site.id ?? 0}&departmentId=${d.id ?? 0}` }));
        expect(inner.byPrinter.reduce((a, p) => a + p.sheets, 0)).toBe(d.sheets);
      }
    }
  });

  it('lists the log names of a year with where each is placed and why, and moves one with a rule', async () => {
    const dx = await signIn(world.app, 'dx');
    const names = () => dx.inject({ method: 'GET', url: '/api/kpi/names?fy=2024&subject=user' }).then((r) => bodyOf(api.kpiNames, r).items);
    const before = await names();
    expect(before.length).toBeGreaterThan(0);
    const sheets = before.map((n) => n.sheets);
    expect([...sheets].sort((a, b) => b - a)).toEqual(sheets);
    const unplaced = before.find((n) => n.via === null);
    if (!unplaced) throw new Error('the fixtures have a user no login or rule places');
    const department = world.db.prepare('SELECT id FROM departments LIMIT 1').get() as { id: number };
    const created = await dx.inject({ method: 'POST', url: '/api/kpi/maps', payload: { subject: 'user', kind: 'exact', pattern: unplaced.name, departmentId: department.id, siteId: null } });
    const rule = bodyOf(api.createNameMap, created);
    const moved = (await names()).find((n) => n.name === unplaced.name);
    expect(moved).toMatchObject({ via: 'rule', ruleId: rule.id, departmentId: department.id });
    const again = await dx.inject({ method: 'POST', url: '/api/kpi/maps', payload: { subject: 'user', kind: 'exact', pattern: unplaced.name, departmentId: department.id, siteId: null } });
    expect(again.statusCode).toBe(409);
    const unknown = await dx.inject({ method: 'POST', url: '/api/kpi/maps', payload: { subject: 'user', kind: 'prefix', pattern: 'x', departmentId: 99999, siteId: null } });
    expect(errorOf(unknown)).toMatchObject({ code: 'unknown_reference', field: 'body.departmentId' });
    expect((await dx.inject({ method: 'DELETE', url: `/api/kpi/maps/${rule.id}` })).statusCode).toBe(200);
    expect((await names()).find((n) => n.name === unplaced.name)?.via).toBeNull();
    expect((await dx.inject({ method: 'DELETE', url: `/api/kpi/maps/${rule.id}` })).statusCode).toBe(404);
  });

  it('keeps a year\'s settings, carries them to later years without a target, and refuses bad ones changing nothing', async () => {
    const dx = await signIn(world.app, 'dx');
    const put = (body: Record<string, unknown>) => dx.inject({ method: 'PUT', url: '/api/kpi/years', payload: body });
    const base = { fiscalYear: 2025, target: 5000, measure: 'jobs', baselineYear: 2023, baselineSheets: null, baselineSource: '', sheetBasis: 'a4-equivalent' };
    expect(bodyOf(api.setKpiYear, await put(base))).toMatchObject({ fiscalYear: 2025, target: 5000, sheetBasis: 'a4-equivalent', stored: true });
    const carried = bodyOf(api.kpiYear, await dx.inject({ method: 'GET', url: '/api/kpi/year?fy=2026' }));
    expect(carried).toMatchObject({ fiscalYear: 2026, target: null, baselineYear: 2023, sheetBasis: 'a4-equivalent', stored: false });
    const snapshot = JSON.stringify(bodyOf(api.listKpiYears, await dx.inject({ method: 'GET', url: '/api/kpi/years' })));
    for (const [bad, field] of [
      [{ ...base, target: -5 }, 'body.target'],
      [{ ...base, baselineYear: 2025 }, 'body.baselineYear'],
      [{ ...base, baselineYear: 2023, baselineSheets: 100 }, 'body.baselineSheets'],
      [{ ...base, baselineYear: null, baselineSheets: 100, baselineSource: ' ' }, 'body.baselineSource'],
      [{ ...base, fiscalYear: 12 }, 'body.fiscalYear'],
    ] as const) {
      const res = await put(bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(errorOf(res).field).toBe(field);
    }
    expect(JSON.stringify(bodyOf(api.listKpiYears, await dx.inject({ method: 'GET', url: '/api/kpi/years' })))).toBe(snapshot);
  });

  it('lists the documents printed most in a year, by sheets', async () => {
    const dx = await signIn(world.app, 'dx');
    const docs = bodyOf(api.kpiDocuments, await dx.inject({ method: 'GET', url: '/api/kpi/documents?fy=2024&limit=5' })).items;
    expect(docs.length).toBe(5);
    const sheets = docs.map((d) => d.sheets);
    expect([...sheets].sort((a, b) => b - a)).toEqual(sheets);
  });

  it('adds mapping rules from a CSV, naming each bad line and storing nothing when any is bad', async () => {
    const dx = await signIn(world.app, 'dx');
    const site = world.db.prepare('SELECT code FROM sites LIMIT 1').get() as { code: string };
    const department = world.db.prepare('SELECT code FROM departments LIMIT 1').get() as { code: string };
    const count = () => (world.db.prepare('SELECT count(*) AS n FROM kpi_name_maps').get() as { n: number }).n;
    const before = count();
    const bad = await dx.inject({ method: 'POST', url: '/api/kpi/maps/import', payload: { csv: `subject,kind,pattern,department,site\nprinter,suffix,-MFP01,,${site.code}\nuser,exact,someone,NO-SUCH,\n` } });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad)).toMatchObject({ code: 'validation', field: 'body.csv' });
    expect(errorOf(bad).detail).toContain('line 3: no department with the code NO-SUCH');
    expect(count()).toBe(before);
    const csv = `printer,suffix,-MFP01,,${site.code}\nuser,exact,someone,${department.code},\n`;
    expect(bodyOf(api.importNameMaps, await dx.inject({ method: 'POST', url: '/api/kpi/maps/import', payload: { csv } }))).toEqual({ added: 2, unchanged: 0 });
    expect(bodyOf(api.importNameMaps, await dx.inject({ method: 'POST', url: '/api/kpi/maps/import', payload: { csv } }))).toEqual({ added: 0, unchanged: 2 });
    expect(count()).toBe(before + 2);
  });
});
