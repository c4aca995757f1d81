import { z } from 'zod';

/**
 * The paper KPI (紙削減): a fiscal year's sheets against its baseline and
 * target, and where the paper goes. The report's JSON (`kamiless report
 * --json`, `GET /api/kpi/report`) is a public contract: fields may be added,
 * never renamed or removed. Figures are whole numbers.
 */

export const kpiMeasureSchema = z.enum(['jobs', 'counters', 'purchases']);
export type KpiMeasure = z.infer<typeof kpiMeasureSchema>;

export const sheetBasisSchema = z.enum(['sheets', 'a4-equivalent']);

const int = z.number().int();
const count = int.min(0);

export const fiscalYearSchema = z.coerce.number().int().min(2000).max(2100);

export const kpiReportQuerySchema = z.object({
  fy: fiscalYearSchema,
  /** The measure to report; by default the one the fiscal year's settings name. */
  measure: kpiMeasureSchema.optional(),
});

/** One line of a breakdown; `id` null and `name` '未割当' for what no mapping reaches. */
export const breakdownRowSchema = z.object({
  id: z.number().int().nullable(),
  name: z.string(),
  jobs: count,
  pages: count,
  sheets: count,
});
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

export const kpiReportSchema = z.object({
  fiscalYear: int,
  /** 令和6年度 */
  label: z.string(),
  measure: kpiMeasureSchema,
  sheetBasis: sheetBasisSchema,
  /** The year's sheets so far (the whole year once it is over). */
  sheets: count,
  /** Pages and jobs: print-server jobs only (0 for the other measures). */
  pages: count,
  jobs: count,
  baseline: z.object({
    fiscalYear: int.nullable(),
    sheets: count,
    /** Where a typed-in figure comes from, or 'print-server jobs FY2021' and the like. */
    source: z.string(),
  }),
  /**
   * A complete year: baseline − year. A year in progress: the reduction so far, against the same period of
   * the baseline (ytd), never the whole baseline against part of a year; `projection` gives the year end.
   */
  reduction: int,
  target: count.nullable(),
  /** reduction ÷ the year's target as a whole percent (rounded half up, like the seed's 161% and 79%); null without a target. */
  achievementPercent: int.nullable(),
  complete: z.boolean(),
  ytd: z.object({
    months: z.array(z.string()),
    sheets: count,
    baselineSheets: count,
    reduction: int,
    method: z.string(),
  }),
  projection: z.object({
    sheets: count,
    reduction: int,
    achievementPercent: int.nullable(),
    method: z.string(),
  }).nullable(),
  months: z.array(z.object({
    month: z.string(),
    sheets: count,
    baselineSheets: count,
    /** Running reduction over the elapsed months; null for months still ahead. */
    cumulativeReduction: int.nullable(),
  })),
  bySite: z.array(breakdownRowSchema),
  byDepartment: z.array(breakdownRowSchema),
  byPrinter: z.array(breakdownRowSchema),
  byUser: z.array(breakdownRowSchema),
  unmapped: z.object({ jobs: count, sheets: count }),
  rates: z.object({
    /** Of the jobs: duplex, colour; of the sheets: A3. Whole percents; null without jobs. */
    duplexPercent: int.nullable(),
    colorPercent: int.nullable(),
    a3Percent: int.nullable(),
    /** Jobs whose log does not say whether they were duplex (counted one-sided). */
    unknownSidesJobs: count,
  }),
  /** Sheets saved had every one-sided job of more than one page a copy been duplex: an estimate beside the measured figure. */
  whatIfDuplex: count,
});
export type KpiReport = z.infer<typeof kpiReportSchema>;
