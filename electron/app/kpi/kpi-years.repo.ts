import type { KpiMeasure } from '../../../shared/api/kpi.js';
import type { SheetBasis } from '../../../shared/domain/kpi/index.js';
import { AppError } from '../app-error.js';
import { isoAt, type Clock } from '../clock.js';
import type { Db } from '../db/connection.js';

/** A fiscal year's KPI settings: its target, measure, baseline and sheet basis. */
export interface KpiYear {
  fiscalYear: number;
  target: number | null;
  measure: KpiMeasure;
  /** Exactly one of baselineYear and baselineSheets is set, or neither (no baseline yet). */
  baselineYear: number | null;
  baselineSheets: number | null;
  baselineSource: string;
  sheetBasis: SheetBasis;
  /** False when the year has no row of its own and these are carried forward (target then null). */
  stored: boolean;
}

export type KpiYearInput = Omit<KpiYear, 'fiscalYear' | 'stored'>;

interface Row {
  fiscal_year: number;
  target: number | null;
  measure: KpiMeasure;
  baseline_year: number | null;
  baseline_sheets: number | null;
  baseline_source: string;
  sheet_basis: SheetBasis;
}

const toYear = (r: Row, stored: boolean): KpiYear => ({
  fiscalYear: r.fiscal_year, target: r.target, measure: r.measure, baselineYear: r.baseline_year, baselineSheets: r.baseline_sheets,
  baselineSource: r.baseline_source, sheetBasis: r.sheet_basis, stored,
});

/** The fiscal years' KPI settings (kpi_years), seeded with the seed strategy's targets. */
export function createKpiYearsRepo(db: Db, clock: Clock) {
  const s = {
    one: db.prepare('SELECT * FROM kpi_years WHERE fiscal_year = ?'),
    before: db.prepare('SELECT * FROM kpi_years WHERE fiscal_year < ? ORDER BY fiscal_year DESC LIMIT 1'),
    all: db.prepare('SELECT * FROM kpi_years ORDER BY fiscal_year'),
    upsert: db.prepare(`INSERT INTO kpi_years (fiscal_year, target, measure, baseline_year, baseline_sheets, baseline_source, sheet_basis, updated_at)
      VALUES (@fiscalYear, @target, @measure, @baselineYear, @baselineSheets, @baselineSource, @sheetBasis, @now)
      ON CONFLICT (fiscal_year) DO UPDATE SET target = excluded.target, measure = excluded.measure, baseline_year = excluded.baseline_year,
        baseline_sheets = excluded.baseline_sheets, baseline_source = excluded.baseline_source, sheet_basis = excluded.sheet_basis,
        updated_at = excluded.updated_at`),
  };

  return {
    /**
     * A year's settings. A year without a row of its own carries the measure,
     * baseline and basis of the latest year before it, without a target: the
     * baseline is chosen once, targets are set year by year.
     */
    get(fiscalYear: number): KpiYear {
      const own = s.one.get(fiscalYear) as Row | undefined;
      if (own) return toYear(own, true);
      const earlier = s.before.get(fiscalYear) as Row | undefined;
      if (earlier) return { ...toYear(earlier, false), fiscalYear, target: null };
      return { fiscalYear, target: null, measure: 'jobs', baselineYear: null, baselineSheets: null, baselineSource: '', sheetBasis: 'sheets', stored: false };
    },
    list: (): KpiYear[] => (s.all.all() as Row[]).map((r) => toYear(r, true)),
    /** Saves a year's settings; the baseline must be an earlier year or a figure, not both. */
    set(fiscalYear: number, input: KpiYearInput): KpiYear {
      if (input.baselineYear !== null && input.baselineSheets !== null) {
        throw new AppError('validation', { field: 'body.baselineSheets', detail: 'give a baseline year or a baseline figure, not both' });
      }
      if (input.baselineYear !== null && input.baselineYear >= fiscalYear) {
        throw new AppError('validation', { field: 'body.baselineYear', detail: `the baseline must be a year before ${fiscalYear}` });
      }
      if (input.baselineSheets !== null && input.baselineSource.trim() === '') {
        throw new AppError('validation', { field: 'body.baselineSource', detail: 'say where a typed-in baseline comes from (e.g. paper purchase records)' });
      }
      s.upsert.run({ fiscalYear, ...input, baselineSource: input.baselineSource.trim(), now: isoAt(clock) });
      return toYear(s.one.get(fiscalYear) as Row, true);
    },
  };
}
export type KpiYearsRepo = ReturnType<typeof createKpiYearsRepo>;
