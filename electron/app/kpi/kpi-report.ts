import type { BreakdownRow, KpiBreakdown, KpiMeasure, KpiReport } from '../../../shared/api/kpi.js';
import { computeKpi, fiscalMonths, isA3, validateKpiInput, type KpiBaseline, type KpiResult, type SheetBasis } from '../../../shared/domain/kpi/index.js';
import { fiscalYearLabel } from '../../../shared/domain/wareki.js';
import { AppError } from '../app-error.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { createApprovalEffectRepo } from './approval-effect.repo.js';
import { createJobMonthsRepo, tokyoMonthRange, type JobMonthRow } from './job-months.repo.js';
import { createKpiYearsRepo } from './kpi-years.repo.js';
import { createNameMapsRepo, type Placement } from './name-maps.repo.js';

const UNASSIGNED = '未割当';

interface KpiDocumentRow {
  document: string;
  jobs: number;
  pages: number;
  sheets: number;
}

export interface KpiNameRow {
  name: string;
  jobs: number;
  sheets: number;
  departmentId: number | null;
  siteId: number | null;
  via: 'login' | 'rule' | null;
  ruleId: number | null;
}
/** The users listed by name in a report: the ones who print most. */
const TOP_USERS = 50;

type Monthly = Record<string, number>;

const percent = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part * 100) / whole) : null);

/** Adds a row's figures to the named line of a breakdown. */
function addTo(lines: Map<string, BreakdownRow>, key: string, id: number | null, name: string, r: { jobs: number; pages: number; sheets: number }): void {
  let line = lines.get(key);
  if (!line) lines.set(key, (line = { id, name, jobs: 0, pages: 0, sheets: 0 }));
  line.jobs += r.jobs;
  line.pages += r.pages;
  line.sheets += r.sheets;
}

const bySheets = (lines: Map<string, BreakdownRow>): BreakdownRow[] => [...lines.values()].sort((a, b) => b.sheets - a.sheets || a.name.localeCompare(b.name));

/**
 * The paper KPI of a fiscal year as the dashboard, the report command and the
 * evaluation use it: the measure's monthly sheets (from the rollups for print
 * jobs), the baseline and target of the year's settings, computeKpi for the
 * figures, and the breakdowns through the organisation mapping.
 */
export function createKpiReports(db: Db, clock: Clock) {
  const years = createKpiYearsRepo(db, clock);
  const jobMonths = createJobMonthsRepo(db, isA3);
  const names = createNameMapsRepo(db, clock);
  const approvalEffects = createApprovalEffectRepo(db);
  const s = {
    counters: db.prepare('SELECT month, sum(sheets) AS sheets FROM counter_readings WHERE month >= ? AND month <= ? GROUP BY month'),
    purchases: db.prepare('SELECT month, reams * 500 AS sheets FROM kpi_purchases WHERE month >= ? AND month <= ?'),
    departments: db.prepare('SELECT id, name FROM departments'),
    sites: db.prepare('SELECT id, name FROM sites'),
    // Through the time index: one fiscal year's jobs.
    documents: db.prepare(`SELECT document, count(*) AS jobs, sum(pages) AS pages, sum(sheets) AS sheets FROM print_jobs
      WHERE time >= @start AND time < @end AND document != '' GROUP BY document ORDER BY sheets DESC, document LIMIT @limit`),
  };

  const sheetsOf = (r: JobMonthRow, basis: SheetBasis) => r.sheets + (basis === 'a4-equivalent' ? r.a3Sheets : 0);

  function monthly(measure: KpiMeasure, fiscalYear: number, basis: SheetBasis, detail: 'rows' | 'totals' = 'rows'): { monthly: Monthly; rows: JobMonthRow[] } {
    const months = fiscalMonths(fiscalYear);
    const first = months[0] ?? '';
    const last = months[11] ?? '';
    const out: Monthly = {};
    if (measure === 'jobs' && detail === 'totals') {
      for (const r of jobMonths.monthTotals(first, last)) out[r.month] = r.sheets + (basis === 'a4-equivalent' ? r.a3Sheets : 0);
      return { monthly: out, rows: [] };
    }
    if (measure === 'jobs') {
      const rows = jobMonths.rows(first, last);
      for (const r of rows) out[r.month] = (out[r.month] ?? 0) + sheetsOf(r, basis);
      return { monthly: out, rows };
    }
    const stmt = measure === 'counters' ? s.counters : s.purchases;
    for (const r of stmt.all(first, last) as { month: string; sheets: number }[]) out[r.month] = r.sheets;
    return { monthly: out, rows: [] };
  }

  /**
   * The rows' figures by site, department, printer, user and month, through
   * the organisation mapping as it is now; with a filter, only the rows placed
   * in that site and/or department (0 = 未割当).
   */
  function breakdownOf(rows: readonly JobMonthRow[], basis: SheetBasis, filter: { siteId?: number | undefined; departmentId?: number | undefined } = {}) {
    const resolver = names.resolver();
    const departmentName = new Map((s.departments.all() as { id: number; name: string }[]).map((d) => [d.id, d.name]));
    const siteName = new Map((s.sites.all() as { id: number; name: string }[]).map((d) => [d.id, d.name]));
    const lines = { sites: new Map<string, BreakdownRow>(), departments: new Map<string, BreakdownRow>(), printers: new Map<string, BreakdownRow>(), users: new Map<string, BreakdownRow>() };
    const months = new Map<string, number>();
    const unmapped = { jobs: 0, sheets: 0 };
    const totals = { jobs: 0, pages: 0, sheets: 0, duplex: 0, color: 0, a3: 0, unknownSides: 0, savings: 0 };
    for (const r of rows) {
      const user = resolver.user(r.user);
      const printer = resolver.printer(r.printer);
      // The user's department first (who printed), then the printer's; the printer's site first (where).
      const place: Placement = { departmentId: user.departmentId ?? printer.departmentId, siteId: printer.siteId ?? user.siteId };
      if (filter.siteId !== undefined && (place.siteId ?? 0) !== filter.siteId) continue;
      if (filter.departmentId !== undefined && (place.departmentId ?? 0) !== filter.departmentId) continue;
      const figures = { jobs: r.jobs, pages: r.pages, sheets: sheetsOf(r, basis) };
      addTo(lines.departments, String(place.departmentId), place.departmentId, place.departmentId === null ? UNASSIGNED : (departmentName.get(place.departmentId) ?? UNASSIGNED), figures);
      addTo(lines.sites, String(place.siteId), place.siteId, place.siteId === null ? UNASSIGNED : (siteName.get(place.siteId) ?? UNASSIGNED), figures);
      addTo(lines.printers, r.printer, null, r.printer, figures);
      addTo(lines.users, r.user, null, r.user, figures);
      months.set(r.month, (months.get(r.month) ?? 0) + figures.sheets);
      if (place.departmentId === null) {
        unmapped.jobs += r.jobs;
        unmapped.sheets += figures.sheets;
      }
      totals.jobs += r.jobs;
      totals.pages += r.pages;
      totals.sheets += figures.sheets;
      totals.duplex += r.duplexJobs;
      totals.color += r.colorJobs;
      totals.a3 += r.a3Sheets;
      totals.unknownSides += r.unknownSidesJobs;
      totals.savings += r.duplexSavings;
    }
    return { lines, months, unmapped, totals };
  }

  /** The report and the domain's KpiResult it was made from (the evaluation table builds on the latter). */
  function build(fiscalYear: number, measureOverride?: KpiMeasure): { report: KpiReport; kpi: KpiResult } {
    const settings = years.get(fiscalYear);
    const measure = measureOverride ?? settings.measure;
    const basis = settings.sheetBasis;
    const year = monthly(measure, fiscalYear, basis);
    const yearSheets = Object.values(year.monthly).reduce((a, b) => a + b, 0);
    let baseline: KpiBaseline;
    if (settings.baselineYear !== null) {
      baseline = { kind: 'year', fiscalYear: settings.baselineYear, monthly: monthly(measure, settings.baselineYear, basis, 'totals').monthly };
    } else if (settings.baselineSheets !== null) {
      baseline = { kind: 'figure', sheets: settings.baselineSheets, source: settings.baselineSource };
    } else {
      // No baseline chosen (the baseline year itself, or a town that has not set one): nothing to reduce from.
      baseline = { kind: 'figure', sheets: yearSheets, source: 'no baseline set' };
    }
    const input = { fiscalYear, today: isoAt(clock), yearMonthly: year.monthly, baseline, target: settings.target };
    const problems = validateKpiInput(input);
    const first = problems[0];
    if (first) throw new AppError('validation', { field: 'query.fy', detail: `${first.field}: ${first.message}` });
    const kpi = computeKpi(input);

    const { lines, unmapped, totals } = breakdownOf(year.rows, basis);
    const report: KpiReport = {
      fiscalYear,
      label: fiscalYearLabel(fiscalYear, 'ja'),
      measure,
      sheetBasis: basis,
      sheets: kpi.sheets,
      pages: totals.pages,
      jobs: totals.jobs,
      baseline: { fiscalYear: kpi.baseline.fiscalYear, sheets: kpi.baselineSheets, source: kpi.baseline.source },
      reduction: kpi.reduction,
      target: kpi.target,
      achievementPercent: kpi.achievementPercent,
      complete: kpi.complete,
      ytd: { months: kpi.ytd.months, sheets: kpi.ytd.sheets, baselineSheets: kpi.ytd.baselineSheets, reduction: kpi.ytd.reduction, method: kpi.ytd.method },
      projection: kpi.projection && {
        basis: kpi.projection.basis, sheets: kpi.projection.sheets, reduction: kpi.projection.reduction, achievementPercent: kpi.projection.achievementPercent, method: kpi.projection.method,
      },
      months: kpi.monthly.map((m) => ({ month: m.month, sheets: m.sheets, baselineSheets: m.baselineSheets, cumulativeReduction: m.cumulativeReduction })),
      bySite: bySheets(lines.sites),
      byDepartment: bySheets(lines.departments),
      byPrinter: bySheets(lines.printers),
      byUser: bySheets(lines.users).slice(0, TOP_USERS),
      unmapped,
      rates: {
        duplexPercent: percent(totals.duplex, totals.jobs),
        colorPercent: percent(totals.color, totals.jobs),
        a3Percent: percent(totals.a3, yearSheets),
        unknownSidesJobs: totals.unknownSides,
      },
      whatIfDuplex: totals.savings,
      // An estimate beside the measured figures, never added into sheets or reduction.
      approvalEffect: approvalEffects.summary(fiscalYear),
    };
    return { report, kpi };
  }

  /** A drill-down of a year's print jobs (the jobs measure: only jobs say who printed where). */
  function breakdown(fiscalYear: number, filter: { siteId?: number | undefined; departmentId?: number | undefined }): KpiBreakdown {
    const basis = years.get(fiscalYear).sheetBasis;
    const { lines, months, totals } = breakdownOf(monthly('jobs', fiscalYear, basis).rows, basis, filter);
    return {
      sheets: totals.sheets,
      jobs: totals.jobs,
      byDepartment: bySheets(lines.departments),
      byPrinter: bySheets(lines.printers),
      byUser: bySheets(lines.users).slice(0, TOP_USERS),
      months: fiscalMonths(fiscalYear).map((month) => ({ month, sheets: months.get(month) ?? 0 })),
    };
  }

  /** The log user or printer names of a year, most sheets first, with where the mapping places each now and why. */
  function logNames(fiscalYear: number, subject: 'user' | 'printer'): KpiNameRow[] {
    const basis = years.get(fiscalYear).sheetBasis;
    const sums = new Map<string, { jobs: number; sheets: number }>();
    for (const r of monthly('jobs', fiscalYear, basis).rows) {
      const name = subject === 'user' ? r.user : r.printer;
      const sum = sums.get(name) ?? { jobs: 0, sheets: 0 };
      sum.jobs += r.jobs;
      sum.sheets += sheetsOf(r, basis);
      sums.set(name, sum);
    }
    const resolver = names.resolver();
    return [...sums.entries()]
      .map(([name, sum]) => ({ name, ...sum, ...resolver.explain(subject, name) }))
      .sort((a, b) => b.sheets - a.sheets || a.name.localeCompare(b.name));
  }

  return {
    build,
    report: (fiscalYear: number, measure?: KpiMeasure): KpiReport => build(fiscalYear, measure).report,
    breakdown,
    logNames,
    /** The documents printed most in a year, by sheets. */
    documents: (fiscalYear: number, limit: number) => ({
      items: s.documents.all({ start: tokyoMonthRange(`${fiscalYear}-04`).start, end: tokyoMonthRange(`${fiscalYear + 1}-04`).start, limit }) as KpiDocumentRow[],
    }),
    years,
    jobMonths,
    names,
    approvalEffects,
  };
}
export type KpiReports = ReturnType<typeof createKpiReports>;
