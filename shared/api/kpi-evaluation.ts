import { z } from 'zod';
import { MAX_PURCHASE_NOTE, MAX_REAMS_PER_MONTH } from '../domain/kpi/purchases-csv.js';
import { languageSchema } from './org.js';
import { fiscalYearSchema } from './kpi.js';

/**
 * The April evaluation table (評価) of action plan 1, the paper purchases
 * (the KPI's third measure, typed in or imported from a CSV) and the fiscal
 * years the dashboard offers. The paperless row comes from the data; the plan's
 * other KPIs (online application forms, applications a year, any the office
 * adds) are typed in per fiscal year. The CSV and PDF downloads are not JSON
 * endpoints (see `evaluationDownloads`).
 */

/** The key of the row computed from the data; no typed-in row may take it. */
export const PAPERLESS_KEY = 'paperless';

export const localizedTextSchema = z.object({ ja: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const evaluationQuerySchema = z.object({
  fy: fiscalYearSchema,
  /** The language of the generated paperless comment; Japanese by default, as the report is filed. */
  lang: languageSchema.default('ja'),
});

export const evaluationRowSchema = z.object({
  /** Stable id ('paperless', 'online-forms', …): for storage and tests, never shown. */
  key: z.string(),
  label: localizedTextSchema,
  unit: localizedTextSchema,
  /** Typed-in rows: ≥ 0 or null. The paperless actual is the reduction, negative when more was printed. */
  target: z.number().nullable(),
  actual: z.number().nullable(),
  /** actual ÷ target as a whole percent rounded like the seed (161%, 79%); null without both. */
  achievementPercent: z.number().int().nullable(),
  comment: z.string(),
  /** True for the paperless row: computed from the imported data, only its comment can be changed. */
  fromData: z.boolean(),
});
export type EvaluationRowOut = z.infer<typeof evaluationRowSchema>;

export const evaluationSchema = z.object({
  fiscalYear: z.number().int(),
  /** 令和6年度 */
  label: z.string(),
  /** The paperless row first, then the typed-in rows in their saved order. */
  rows: z.array(evaluationRowSchema),
  /** The comment typed for the paperless row; null: the generated explanation is shown. */
  paperlessComment: z.string().nullable(),
  /** False: nothing saved for this year yet; the typed-in rows are the definitions carried from the latest saved year (or the standard ones), without figures. */
  stored: z.boolean(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

const text = (max: number) => z.string().trim().max(max);
/** A figure typed in: a number ≥ 0 (hours and rates may have decimals), or null for none yet. */
const figure = z.number().min(0, 'must be 0 or more').max(1e12).nullable().default(null);

/** A unit as one text for both languages ('件') or as {ja, en}; an empty `en` falls back to `ja` in English output. */
const unitInputSchema = z
  .union([text(20), z.object({ ja: text(20), en: text(20).default('') })])
  .default('')
  .transform((u): LocalizedText => (typeof u === 'string' ? { ja: u, en: u } : u));

export const evaluationRowInputSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,49}$/, 'a key is 1–50 letters, digits, - or _')
    .refine((k) => k !== PAPERLESS_KEY, { message: "the paperless row comes from the data: set paperlessComment to change its comment" }),
  label: z.object({ ja: text(100).min(1, 'the label may not be empty'), en: text(100).default('') }),
  unit: unitInputSchema,
  target: figure,
  actual: figure,
  comment: text(1000).default(''),
});
export type EvaluationRowInput = z.infer<typeof evaluationRowInputSchema>;

export const evaluationInputSchema = z.object({
  fiscalYear: z.number().int().min(2000).max(2100),
  /** Replaces the typed-in rows of the year, in this order. */
  rows: z.array(evaluationRowInputSchema).max(50).superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      if (seen.has(row.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `the key ${row.key} is used twice` });
      seen.add(row.key);
    });
  }),
  /** The paperless row's comment: a text replaces the generated one, null or '' restores it; left out: unchanged. */
  paperlessComment: text(1000).nullable().optional(),
});
export type EvaluationInput = z.infer<typeof evaluationInputSchema>;

/** GET /api/kpi/evaluation.csv: UTF-8 with a BOM (current Excel) or Shift_JIS (older Excel). */
export const evaluationCsvQuerySchema = evaluationQuerySchema.extend({
  encoding: z.enum(['utf-8', 'shift_jis']).default('utf-8'),
});
export const evaluationPdfQuerySchema = z.object({ fy: fiscalYearSchema });

/**
 * The downloads of the table. They answer bytes (text/csv, application/pdf)
 * with a Content-Disposition file name, not JSON, so they are not endpoints of
 * `api`; the same access (dx, admin) applies.
 */
export const evaluationDownloads = {
  csv: { method: 'GET', path: '/api/kpi/evaluation.csv', query: evaluationCsvQuerySchema },
  pdf: { method: 'GET', path: '/api/kpi/evaluation.pdf', query: evaluationPdfQuerySchema },
} as const;

/** Sheets in a ream: the purchases measure counts reams × 500. */
export const SHEETS_PER_REAM = 500;

const count = z.number().int().min(0);

export const purchasesQuerySchema = z.object({ fy: fiscalYearSchema });

export const purchaseSchema = z.object({
  /** 'YYYY-MM' */
  month: z.string(),
  reams: count,
  /** reams × 500 */
  sheets: count,
  note: z.string(),
});
export type Purchase = z.infer<typeof purchaseSchema>;

export const purchaseListSchema = z.object({
  fiscalYear: z.number().int(),
  /** The months of the fiscal year with a purchase entered, in order. */
  items: z.array(purchaseSchema),
  reams: count,
  sheets: count,
});
export type PurchaseList = z.infer<typeof purchaseListSchema>;

export const purchaseInputSchema = z.object({
  month: z.string().regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM (2000-01 to 2100-12)'),
  reams: z.number().int('reams are whole').min(0, 'must be 0 or more').max(MAX_REAMS_PER_MONTH),
  note: text(MAX_PURCHASE_NOTE).default(''),
});
export type PurchaseInput = z.infer<typeof purchaseInputSchema>;

/**
 * The largest purchases CSV accepted (a year is a few dozen lines): its base64
 * stays within the API's 1 MiB JSON body.
 */
export const purchaseImportMaxBytes = 512 * 1024;

/**
 * POST /api/kpi/purchases/import: the CSV as text (`csv`, like the mapping
 * rules' import), or the file's bytes as base64 (`base64`: the screen sends
 * these, so that the core detects UTF-8 with or without BOM or Shift_JIS as it
 * does for logs). Exactly one of them.
 */
export const purchaseImportSchema = z
  .object({
    csv: z.string().min(1).max(purchaseImportMaxBytes).optional(),
    base64: z.string().min(1).max(Math.ceil(purchaseImportMaxBytes / 3) * 4 + 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64').optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.csv === undefined) === (body.base64 === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['csv'], message: 'send the CSV as text (csv) or the file as base64 (base64), one of them' });
    }
  });
export type PurchaseImport = z.infer<typeof purchaseImportSchema>;

export const purchaseImportResultSchema = z.object({
  /** How many months the file gave (each replaced what was stored for it). */
  months: count,
  /** Their reams and sheets (reams × 500), all months together. */
  reams: count,
  sheets: count,
  /** Purchase lines read (total lines skipped); several may add up to one month. */
  rows: count,
  /** How the file's bytes were read: 'utf-8' (with or without BOM), 'cp932' (Shift_JIS), …; 'text' when sent as text. */
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'cp932', 'text']),
  /** The months as now stored, in order. */
  items: z.array(purchaseSchema),
});
export type PurchaseImportResult = z.infer<typeof purchaseImportResultSchema>;

/** GET /api/kpi/fiscal-years: the years the dashboard's picker offers. */
export const fiscalYearItemSchema = z.object({
  fiscalYear: z.number().int(),
  /** 令和6年度 */
  label: z.string(),
  /** The year has KPI settings of its own (target, measure, baseline). */
  hasSettings: z.boolean(),
  /** Print-server jobs, copier counter readings or paper purchases fall in the year. */
  hasData: z.boolean(),
});
export type FiscalYearItem = z.infer<typeof fiscalYearItemSchema>;

export const fiscalYearListSchema = z.object({
  /** Newest first: from the current fiscal year (or a later one with settings) back to the earliest with data, settings or named as a baseline; none skipped. */
  items: z.array(fiscalYearItemSchema),
  /** The fiscal year of today in Tokyo. */
  current: z.number().int(),
});
export type FiscalYearList = z.infer<typeof fiscalYearListSchema>;
