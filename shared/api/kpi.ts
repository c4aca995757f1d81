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

/**
 * The e-approval effect in short, as the report carries it: the cases finally approved (決裁済み・施行済み) in the
 * fiscal year, their pages (each case's 起案用紙 + its current attachments), the settings the estimate used
 * and the sheets a paper route would have printed.
 */
export const approvalEffectSummarySchema = z.object({
  cases: count,
  pages: count,
  /** Paper copies a paper route would have needed (a setting; 2 by default: the circulated original and the file copy). */
  paperCopies: count,
  /** Whether those copies would have been printed on both sides (a setting; no by default). */
  duplex: z.boolean(),
  sheets: count,
});
export type ApprovalEffectSummary = z.infer<typeof approvalEffectSummarySchema>;

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
    /** 'baseline-shape': scaled by the baseline year's own months; 'linear': by the share of the year elapsed. */
    basis: z.enum(['baseline-shape', 'linear']),
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
  /**
   * The e-approval effect (電子決裁の効果): an ESTIMATE of the sheets a paper route would have used for the
   * cases finally approved in the year. Never part of `sheets` or `reduction` (those are measured and already
   * contain whatever e-approval saved). Details: GET /api/kpi/approval-effect.
   */
  approvalEffect: approvalEffectSummarySchema,
});
export type KpiReport = z.infer<typeof kpiReportSchema>;

/** A fiscal year's KPI settings. */
export const kpiYearSchema = z.object({
  fiscalYear: int,
  /** The reduction aimed at, in sheets; null: none set. */
  target: count.nullable(),
  measure: kpiMeasureSchema,
  /** The baseline: an earlier fiscal year of the same measure, or a typed-in figure with its source; neither: none yet. */
  baselineYear: int.nullable(),
  baselineSheets: count.nullable(),
  baselineSource: z.string(),
  sheetBasis: sheetBasisSchema,
  /** False: the year has no settings of its own; these are carried from the latest year before it (target then null). */
  stored: z.boolean(),
});
export type KpiYear = z.infer<typeof kpiYearSchema>;

export const kpiYearListSchema = z.object({ items: z.array(kpiYearSchema) });
export const kpiYearQuerySchema = z.object({ fy: fiscalYearSchema });

export const kpiYearInputSchema = z.object({
  fiscalYear: z.number().int().min(2000).max(2100),
  target: z.number().int().min(0).max(1_000_000_000).nullable(),
  measure: kpiMeasureSchema,
  baselineYear: z.number().int().min(2000).max(2100).nullable(),
  baselineSheets: z.number().int().min(0).max(1_000_000_000).nullable(),
  baselineSource: z.string().trim().max(200).default(''),
  sheetBasis: sheetBasisSchema.default('sheets'),
});

export const nameMapSubjectSchema = z.enum(['user', 'printer']);

/** A rule placing log user or printer names in the organisation. */
export const nameMapSchema = z.object({
  id: z.number().int().positive(),
  subject: nameMapSubjectSchema,
  kind: z.enum(['exact', 'prefix', 'suffix', 'regex']),
  pattern: z.string(),
  departmentId: z.number().int().nullable(),
  siteId: z.number().int().nullable(),
});
export type NameMap = z.infer<typeof nameMapSchema>;
export const nameMapListSchema = z.object({ items: z.array(nameMapSchema) });
export const nameMapInputSchema = nameMapSchema.omit({ id: true }).extend({ pattern: z.string().trim().min(1).max(200) });
/** Rules from a CSV: `subject,kind,pattern,department code,site code` a line, an optional header. */
export const nameMapImportSchema = z.object({ csv: z.string().min(1).max(1_000_000) });
export const nameMapImportResultSchema = z.object({
  added: count,
  /** Rules already there, left as they are. */
  unchanged: count,
});
export const nameMapIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

/** The log names of a fiscal year with where they are placed now. */
export const kpiNamesQuerySchema = z.object({ fy: fiscalYearSchema, subject: nameMapSubjectSchema });
export const kpiNameRowSchema = z.object({
  name: z.string(),
  jobs: count,
  sheets: count,
  departmentId: z.number().int().nullable(),
  siteId: z.number().int().nullable(),
  /** How it was placed: its login, a rule (ruleId), or not at all (未割当). */
  via: z.enum(['login', 'rule']).nullable(),
  ruleId: z.number().int().nullable(),
});
export const kpiNameListSchema = z.object({ items: z.array(kpiNameRowSchema) });

/** A drill-down: the year's figures within one site and/or department. */
export const kpiBreakdownQuerySchema = z.object({
  fy: fiscalYearSchema,
  measure: kpiMeasureSchema.optional(),
  /** 0 = 未割当. */
  siteId: z.coerce.number().int().min(0).optional(),
  departmentId: z.coerce.number().int().min(0).optional(),
});
export const kpiBreakdownSchema = z.object({
  sheets: count,
  jobs: count,
  byDepartment: z.array(breakdownRowSchema),
  byPrinter: z.array(breakdownRowSchema),
  byUser: z.array(breakdownRowSchema),
  months: z.array(z.object({ month: z.string(), sheets: count })),
});
export type KpiBreakdown = z.infer<typeof kpiBreakdownSchema>;

export const kpiDocumentsQuerySchema = z.object({ fy: fiscalYearSchema, limit: z.coerce.number().int().min(1).max(100).default(20) });
export const kpiDocumentsSchema = z.object({
  items: z.array(z.object({ document: z.string(), jobs: count, pages: count, sheets: count })),
});
