import { z } from 'zod';
import { approvalEffectSummarySchema, fiscalYearSchema } from './kpi.js';

/**
 * The e-approval effect (電子決裁による削減効果): an ESTIMATE of the sheets the
 * cases approved electronically in a fiscal year would have used on a paper
 * route — each case's pages (1 for the 起案用紙, the cover sheet a paper route
 * prints, plus the pages of its current attachments) printed once per paper
 * copy the route would have needed. It is shown apart from the measured
 * reduction and never added into it: the measured sheets already contain
 * whatever e-approval saved, so adding the estimate would count them twice.
 */

/** Pages a paper route prints for a case besides its attachments: the 起案用紙 (cover sheet). */
export const COVER_SHEET_PAGES = 1;

/** The settings' bounds and defaults: 2 copies (the circulated original and the file copy), one-sided. */
export const MAX_PAPER_COPIES = 20;
export const DEFAULT_PAPER_COPIES = 2;
export const DEFAULT_APPROVAL_EFFECT_DUPLEX = false;

const count = z.number().int().min(0);

export const approvalEffectQuerySchema = z.object({ fy: fiscalYearSchema });

/** One document type's share of the estimate. */
export const approvalEffectTypeSchema = z.object({
  typeId: z.number().int(),
  /** The document type's name (支出負担行為, 契約, …). */
  name: z.string(),
  cases: count,
  pages: count,
  sheets: count,
});
export type ApprovalEffectType = z.infer<typeof approvalEffectTypeSchema>;

export const approvalEffectSchema = approvalEffectSummarySchema.extend({
  fiscalYear: z.number().int(),
  /** Most sheets first (then the types' own order). Only types with cases in the year. */
  byType: z.array(approvalEffectTypeSchema),
  /** The twelve months of the fiscal year, April first, by the Tokyo date of the final approval. */
  byMonth: z.array(z.object({ month: z.string(), cases: count, sheets: count })),
});
export type ApprovalEffect = z.infer<typeof approvalEffectSchema>;

export const approvalEffectSettingsSchema = z.object({
  paperCopies: z
    .number()
    .int('a whole number of copies')
    .min(0, `0 to ${MAX_PAPER_COPIES} copies`)
    .max(MAX_PAPER_COPIES, `0 to ${MAX_PAPER_COPIES} copies`),
  duplex: z.boolean(),
});
export type ApprovalEffectSettings = z.infer<typeof approvalEffectSettingsSchema>;
