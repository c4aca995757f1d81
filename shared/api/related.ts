import { z } from 'zod';
import { caseStateSchema, personSchema, retentionSchema } from './approvals.js';

const id = z.number().int().positive();
const coercedId = z.coerce.number().int().positive();
const named = z.object({ id, name: z.string() });

// ── 関連文書 (related cases) ───────────────────────────────────────────────────

/** Another case as a link or a lookup shows it. */
export const caseRefSchema = z.object({
  caseId: id,
  number: z.string().nullable(),
  title: z.string(),
  type: named,
  state: caseStateSchema,
  department: named,
  /** 廃棄済み: its record stays, its files are gone. */
  disposed: z.boolean(),
});
export type CaseRef = z.infer<typeof caseRefSchema>;

export const relatedCaseSchema = caseRefSchema.extend({
  note: z.string(),
  linkedAt: z.string(),
  linkedBy: personSchema,
});
export type RelatedCase = z.infer<typeof relatedCaseSchema>;

export const relatedListSchema = z.object({
  items: z.array(relatedCaseSchema),
  /** Links to cases the caller may not see: counted, never shown. */
  hiddenCount: z.number().int().min(0),
});
export type RelatedList = z.infer<typeof relatedListSchema>;

export const relatedParamsSchema = z.object({ id: coercedId, otherId: coercedId });

/** Document numbers are typed by hand: surrounding spaces and full-width digits (１２) are accepted. */
const docNumber = z.string().trim().min(1).max(60);

export const relatedAddSchema = z
  .object({
    /** The other case by id (picked from the lookup) … */
    caseId: id.optional(),
    /** … or by its document number, e.g. 北広総第12号. */
    number: docNumber.optional(),
    note: z.string().trim().max(200).default(''),
  })
  .refine((b) => (b.caseId === undefined) !== (b.number === undefined), { message: 'give caseId or number (one of them)', path: ['caseId'] });

export const caseLookupQuerySchema = z.object({
  q: z.string().trim().min(1).max(100),
  /** Left out of the answer (the case being edited). */
  exclude: coercedId.optional(),
});
export const caseLookupSchema = z.object({ items: z.array(caseRefSchema) });

// ── 保存・廃棄 (retention and disposal) ────────────────────────────────────────

export const retentionQuerySchema = z.object({
  /** The fiscal year in which the retention period ends (保存期間満了年度); default: the last one, whose records are disposed of this year. */
  fy: z.coerce.number().int().min(2000).max(9998).optional(),
  department: coercedId.optional(),
});

export const retentionItemSchema = z.object({
  caseId: id,
  number: z.string().nullable(),
  title: z.string(),
  type: named,
  department: named,
  retention: retentionSchema,
  state: caseStateSchema,
  approvedAt: z.string().nullable(),
  /** The last day of the retention period (保存期間満了日); disposal is possible from the day after. */
  disposalOn: z.string(),
  /** The retention period is over (today is after `disposalOn`) and the case is not disposed yet. */
  due: z.boolean(),
  disposedAt: z.string().nullable(),
  disposedBy: personSchema.nullable(),
  disposalReason: z.string().nullable(),
});
export type RetentionItem = z.infer<typeof retentionItemSchema>;

export const retentionListSchema = z.object({
  fiscalYear: z.number().int(),
  /** Today in Tokyo (YYYY-MM-DD), as the server decides what is due. */
  today: z.string(),
  /** Fiscal years in which some visible decided case's retention ends, oldest first. */
  fiscalYears: z.array(z.number().int()),
  items: z.array(retentionItemSchema),
  /** Only administrators mark cases disposed. */
  canDispose: z.boolean(),
});
export type RetentionList = z.infer<typeof retentionListSchema>;

export const disposeBodySchema = z.object({
  caseIds: z.array(id).min(1).max(500),
  /** Why the batch is disposed (kept on each case and in the audit trail). */
  reason: z.string().trim().min(1).max(500),
});

/** Why a case of a batch was not disposed; `disposed` when it was. */
export const disposeOutcomes = ['disposed', 'not_due', 'permanent', 'not_decided', 'already_disposed', 'not_found'] as const;
export const disposeOutcomeSchema = z.enum(disposeOutcomes);
export type DisposeOutcome = z.infer<typeof disposeOutcomeSchema>;

export const disposeResultSchema = z.object({
  disposedAt: z.string(),
  results: z.array(z.object({ caseId: id, number: z.string().nullable(), title: z.string(), outcome: disposeOutcomeSchema })),
  /** Files deleted because no remaining case uses them. */
  filesRemoved: z.number().int().min(0),
});
export type DisposeResult = z.infer<typeof disposeResultSchema>;

export const retentionAccessSchema = z.object({ view: z.boolean(), dispose: z.boolean() });

export const caseDisposalSchema = z.object({
  disposal: z.object({ disposedAt: z.string(), disposedBy: personSchema, reason: z.string() }).nullable(),
});
export type CaseDisposal = z.infer<typeof caseDisposalSchema>;
