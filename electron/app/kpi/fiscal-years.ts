import type { FiscalYearList } from '../../../shared/api/kpi-evaluation.js';
import { fiscalMonths, fiscalYearOfMonth, isYearMonth } from '../../../shared/domain/kpi/index.js';
import { fiscalYearLabel, fiscalYearOf } from '../../../shared/domain/wareki.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';

/** The schema's bounds (shared/api/kpi.ts fiscalYearSchema): a month outside them is a broken clock, not history. */
const FIRST_FISCAL_YEAR = 2000;
const LAST_FISCAL_YEAR = 2100;

/** The statements, exported so a test can check their query plans (index seeks, never print_jobs). */
export const fiscalYearsSql = {
  earliest: `SELECT min(m) AS month FROM (
    SELECT min(month) AS m FROM kpi_job_months
    UNION ALL SELECT min(month) FROM kpi_stale_months
    UNION ALL SELECT min(month) FROM kpi_purchases)`,
  indexedData: `SELECT EXISTS (SELECT 1 FROM kpi_job_months WHERE month >= @first AND month <= @last)
    OR EXISTS (SELECT 1 FROM kpi_stale_months WHERE month >= @first AND month <= @last)
    OR EXISTS (SELECT 1 FROM kpi_purchases WHERE month >= @first AND month <= @last) AS found`,
  counterMonths: 'SELECT DISTINCT month FROM counter_readings',
  settings: 'SELECT fiscal_year AS fiscalYear, baseline_year AS baselineYear FROM kpi_years',
} as const;

/**
 * The fiscal years the 紙削減 dashboard offers (GET /api/kpi/fiscal-years):
 * every year from the earliest that has data (print-job rollups, months
 * waiting to be rolled up, paper purchases, copier counter readings), KPI
 * settings or is named as a baseline, to the current one (or a later one
 * with settings), none skipped, newest first.
 *
 * Fast whatever the number of jobs: the earliest month is a MIN over the
 * primary keys of the rollup, stale-month and purchase tables, and whether a
 * year has data is an indexed range probe a year. print_jobs is never read;
 * counter readings (a row per device and month) have no month index and are
 * few, so their distinct months are read once.
 */
export function createFiscalYears(db: Db, clock: Clock) {
  const s = {
    earliest: db.prepare(fiscalYearsSql.earliest),
    indexedData: db.prepare(fiscalYearsSql.indexedData),
    counterMonths: db.prepare(fiscalYearsSql.counterMonths),
    settings: db.prepare(fiscalYearsSql.settings),
  };
  const inRange = (fy: number) => Number.isInteger(fy) && fy >= FIRST_FISCAL_YEAR && fy <= LAST_FISCAL_YEAR;

  return {
    list(): FiscalYearList {
      const current = fiscalYearOf(clock.now());
      const counterYears = new Set(
        (s.counterMonths.all() as { month: string }[]).filter((r) => isYearMonth(r.month)).map((r) => fiscalYearOfMonth(r.month)),
      );
      const settings = s.settings.all() as { fiscalYear: number; baselineYear: number | null }[];
      const withSettings = new Set(settings.map((r) => r.fiscalYear));

      let first = current;
      let last = current;
      const consider = (fy: number | null) => {
        if (fy === null || !inRange(fy)) return;
        first = Math.min(first, fy);
        last = Math.max(last, fy);
      };
      const earliest = (s.earliest.get() as { month: string | null }).month;
      // Data only reaches back: a month after today (a copier with its clock wrong) does not add years ahead.
      if (earliest !== null && isYearMonth(earliest)) consider(Math.min(current, fiscalYearOfMonth(earliest)));
      for (const fy of counterYears) consider(Math.min(current, fy));
      for (const r of settings) {
        consider(r.fiscalYear);
        consider(r.baselineYear === null ? null : Math.min(current, r.baselineYear));
      }

      const items: FiscalYearList['items'] = [];
      for (let fy = last; fy >= first; fy -= 1) {
        const months = fiscalMonths(fy);
        const indexed = (s.indexedData.get({ first: months[0], last: months[11] }) as { found: number }).found === 1;
        items.push({ fiscalYear: fy, label: fiscalYearLabel(fy, 'ja'), hasSettings: withSettings.has(fy), hasData: indexed || counterYears.has(fy) });
      }
      return { items, current };
    },
  };
}
export type FiscalYears = ReturnType<typeof createFiscalYears>;
