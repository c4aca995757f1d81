import { z } from 'zod';
import { caseStates, retentions, stepKinds } from '../domain/approval/types.js';

const id = z.number().int().positive();
const coercedId = z.coerce.number().int().positive();
const yen = z.number().int().min(0).max(1e13);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const retentionSchema = z.enum(retentions);
export const stepKindSchema = z.enum(stepKinds);
export const caseStateSchema = z.enum(caseStates);

// ── Route templates (shared/domain/approval/types.ts, as a schema) ──────────────

export const assigneeRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chain'), positionId: id }),
  z.object({ kind: z.literal('department'), departmentId: id, positionId: id }),
  z.object({ kind: z.literal('user'), userId: id }),
  z.object({ kind: z.literal('office'), positionId: id }),
]);

const key = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

export const templateStepSchema = z.object({
  key,
  kind: stepKindSchema,
  assignee: assigneeRuleSchema,
  optional: z.boolean().default(false),
  blocking: z.boolean().optional(),
});

export const routeTemplateSchema = z.object({
  stages: z
    .array(z.object({ key, mode: z.enum(['all', 'any']).default('all'), steps: z.array(templateStepSchema).min(1).max(30) }))
    .min(1)
    .max(30),
  bands: z.array(z.object({ below: yen.nullable(), finalStepKey: key, label: z.string().trim().min(1).max(40) })).max(10).default([]),
  amountRequired: z.boolean().default(false),
  allowAddedConsult: z.boolean().default(false),
  addedConsultPositionId: id.nullable().default(null),
  resubmit: z.enum(['restart', 'resume_at_sender']).default('restart'),
});

// ── Document types ─────────────────────────────────────────────────────────────

export const documentTypeSchema = z.object({
  id,
  code: z.string(),
  name: z.string(),
  retention: retentionSchema,
  active: z.boolean(),
  sortOrder: z.number().int(),
  templateId: id,
  templateVersion: z.number().int().positive(),
  template: routeTemplateSchema,
});
export type DocumentType = z.infer<typeof documentTypeSchema>;

export const documentTypeListSchema = z.object({ items: z.array(documentTypeSchema) });

export const documentTypeInputSchema = z.object({
  code: key,
  name: z.string().trim().min(1).max(60),
  retention: retentionSchema,
  sortOrder: z.number().int().min(0).max(9999).default(0),
  template: routeTemplateSchema,
});
export const documentTypePatchSchema = z.object({
  name: z.string().trim().min(1).max(60).optional(),
  retention: retentionSchema.optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  active: z.boolean().optional(),
  /** A new template version for cases drafted from now on; running cases keep theirs. */
  template: routeTemplateSchema.optional(),
});

// ── Cases ──────────────────────────────────────────────────────────────────────

export const personSchema = z.object({ id, name: z.string(), login: z.string() });
export type Person = z.infer<typeof personSchema>;
const named = z.object({ id, name: z.string() });

export const caseStepSchema = z.object({
  id: z.number().int().positive(),
  key: z.string(),
  kind: stepKindSchema,
  blocking: z.boolean(),
  assignee: personSchema,
  position: z.string(),
  department: named.nullable(),
  status: z.enum(['waiting', 'pending', 'approved', 'final_approved', 'agreed', 'disagreed', 'acknowledged', 'skipped', 'sent_back', 'rejected']),
  actedBy: personSchema.nullable(),
  onBehalfOf: personSchema.nullable(),
  /** self, 代理 (proxy) or 代決 (deputy). */
  actedVia: z.enum(['self', 'proxy', 'deputy']).nullable(),
  actedAt: z.string().nullable(),
  actedRevision: z.number().int().nullable(),
  comment: z.string().nullable(),
});
export type CaseStep = z.infer<typeof caseStepSchema>;

export const finalRuleSchema = z.object({
  label: z.string(),
  stepKey: z.string(),
  below: z.number().int().nullable(),
  escalatedFrom: z.string().nullable(),
});

export const routeSchema = z.object({
  stages: z.array(z.object({ key: z.string(), mode: z.enum(['all', 'any']), steps: z.array(caseStepSchema) })),
  finalRule: finalRuleSchema.nullable(),
  /** Index of the stage being worked on; null when the case is not on its route. */
  currentStage: z.number().int().nullable(),
});
export type CaseRoute = z.infer<typeof routeSchema>;

export const routePreviewSchema = routeSchema.extend({
  omitted: z.array(z.object({ key: z.string(), reason: z.enum(['vacant', 'drafter', 'duplicate', 'after_final']) })),
});
export type RoutePreview = z.infer<typeof routePreviewSchema>;

export const timelineEntrySchema = z.object({
  version: z.number().int(),
  type: z.string(),
  /** approve, send_back … for step actions; the event type otherwise. */
  action: z.string(),
  at: z.string(),
  actor: personSchema,
  onBehalfOf: personSchema.nullable(),
  via: z.enum(['self', 'proxy', 'deputy']).nullable(),
  stepId: z.number().int().nullable(),
  toStepId: z.number().int().nullable(),
  comment: z.string().nullable(),
  reason: z.string().nullable(),
  revision: z.number().int(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const attachmentSchema = z.object({
  id,
  name: z.string(),
  size: z.number().int(),
  pages: z.number().int(),
  sha256: z.string(),
  /** The revision it belongs to: one added while the case is sent back belongs to the resubmission. */
  revision: z.number().int(),
  createdAt: z.string(),
  createdBy: personSchema,
  /** Taken off the case (kept, since earlier approvers saw it); null while attached. */
  removedAt: z.string().nullable(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

const fileChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('added'), id }),
  z.object({ kind: z.literal('removed'), id }),
  /** Same name, other content: `before` is the earlier attachment, `after` the one that took its place. */
  z.object({ kind: z.literal('replaced'), before: id, after: id }),
  z.object({ kind: z.literal('unchanged'), id }),
]);
export type FileChange = z.infer<typeof fileChangeSchema>;

const changeOf = <T extends z.ZodType>(value: T) => z.object({ before: value, after: value }).nullable();

/** 版: one submission of the case (or the one its drafter is preparing) and what changed against the one before. */
export const caseRevisionSchema = z.object({
  revision: z.number().int().positive(),
  /** Null for the revision still being prepared (a draft, or a case sent back to its drafter). */
  submittedAt: z.string().nullable(),
  submittedBy: personSchema.nullable(),
  /** The attachments (ids in `attachments`) as they were in this revision. */
  attachmentIds: z.array(id),
  /** Against the revision before; revision 1 lists every file as added. */
  files: z.array(fileChangeSchema),
  title: changeOf(z.string()),
  amount: changeOf(z.number().int().nullable()),
  body: changeOf(z.string()),
});
export type CaseRevision = z.infer<typeof caseRevisionSchema>;

export const caseActionNames = [
  'approve',
  'final_approve',
  'agree',
  'disagree',
  'acknowledge',
  'send_back',
  'recall',
  'reject',
  'withdraw',
  'resubmit',
  'enforce',
  'review',
  'comment',
] as const;
export const caseActionSchema = z.enum(caseActionNames);
export type CaseActionName = z.infer<typeof caseActionSchema>;

export const caseSchema = z.object({
  id,
  number: z.string().nullable(),
  numberFiscalYear: z.number().int().nullable(),
  state: caseStateSchema,
  version: z.number().int().positive(),
  revision: z.number().int().positive(),
  type: z.object({ id, code: z.string(), name: z.string() }),
  title: z.string(),
  amount: z.number().int().nullable(),
  body: z.string(),
  consultDepartments: z.array(named),
  drafter: personSchema,
  department: named,
  site: named,
  retention: retentionSchema,
  route: routeSchema,
  returned: z.object({ kind: z.enum(['send_back', 'recall']), fromStepId: z.number().int().nullable(), at: z.string() }).nullable(),
  reviews: z.array(
    z.object({ stepId: z.number().int(), user: personSchema, deputy: personSchema, createdAt: z.string(), doneAt: z.string().nullable(), comment: z.string().nullable() }),
  ),
  attachments: z.array(attachmentSchema),
  timeline: z.array(timelineEntrySchema),
  /** Every revision, oldest first, with what changed between them. */
  revisions: z.array(caseRevisionSchema),
  /** What the caller may do now (the action panel shows these). */
  available: z.array(caseActionSchema),
  /** The caller's pending step, if any (as assignee or proxy). */
  myStepId: z.number().int().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  enforcedOn: z.string().nullable(),
  disposalOn: z.string().nullable(),
});
export type CaseView = z.infer<typeof caseSchema>;

export const caseIdParamsSchema = z.object({ id: coercedId });
export const attachmentParamsSchema = z.object({ id: coercedId, attachmentId: coercedId });

const title = z.string().trim().min(1).max(200);
const body = z.string().max(20000);
const consultDepartmentIds = z.array(id).max(20);

export const caseCreateSchema = z.object({
  typeId: id,
  title,
  amount: yen.nullable().optional(),
  body: body.optional(),
  consultDepartmentIds: consultDepartmentIds.optional(),
});
export const casePatchSchema = z.object({
  version: z.number().int().positive(),
  title: title.optional(),
  amount: yen.nullable().optional(),
  body: body.optional(),
  consultDepartmentIds: consultDepartmentIds.optional(),
});
export const routePreviewBodySchema = z.object({
  typeId: id,
  amount: yen.nullable().optional(),
  consultDepartmentIds: consultDepartmentIds.optional(),
});
export const submitBodySchema = z.object({ version: z.number().int().positive() });

const note = z.string().max(2000).nullable().optional();
export const actionBodySchema = z.object({
  action: caseActionSchema,
  version: z.number().int().positive(),
  comment: note,
  /** send_back: the earlier step to redo; absent: back to the drafter. */
  toStepId: z.number().int().positive().nullable().optional(),
  /** 代理 or 代決: the assignee acted for. */
  onBehalfOfUserId: id.nullable().optional(),
  /** 代決: why the approver is absent. */
  reason: note,
  /** enforce: 施行日 (default: today in Tokyo). */
  enforcedOn: isoDate.optional(),
  /** review / comment: which step. */
  stepId: z.number().int().positive().nullable().optional(),
});
export type ActionBody = z.infer<typeof actionBodySchema>;

export const caseSummarySchema = z.object({
  id,
  number: z.string().nullable(),
  state: caseStateSchema,
  version: z.number().int(),
  title: z.string(),
  amount: z.number().int().nullable(),
  type: z.object({ id, name: z.string() }),
  drafter: personSchema,
  department: named,
  site: named,
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  disposalOn: z.string().nullable(),
  /** In progress and a step the route waits for has waited more working days than `approval.reminderWorkingDays` (期限超過). */
  overdue: z.boolean(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseBoxSchema = z.enum(['all', 'mine', 'department', 'review']);
export const caseListQuerySchema = z.object({
  state: caseStateSchema.optional(),
  type: coercedId.optional(),
  q: z.string().trim().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  /** mine: drafted by me; department: my department's (managers); review: 後閲 waiting for me; all: everything I may see. */
  box: caseBoxSchema.default('all'),
});
export const caseListSchema = z.object({ items: z.array(caseSummarySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const inboxItemSchema = z.object({
  caseId: id,
  number: z.string().nullable(),
  title: z.string(),
  amount: z.number().int().nullable(),
  type: z.object({ id, name: z.string() }),
  drafter: personSchema,
  department: named,
  site: named,
  stepId: z.number().int(),
  kind: stepKindSchema,
  /** When the step became pending. */
  receivedAt: z.string(),
  /** Set when the step is someone else's and I act as their proxy (代理). */
  asProxyFor: personSchema.nullable(),
  version: z.number().int(),
  /** Working days (Tokyo; weekends, national holidays and 12/29–1/3 skipped) since `receivedAt`. */
  waitingWorkingDays: z.number().int().min(0),
  /** Waited more working days than `approval.reminderWorkingDays` at a step the route waits for (期限超過). */
  overdue: z.boolean(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;
export const inboxSchema = z.object({ items: z.array(inboxItemSchema), total: z.number().int() });

/** E-approval settings an administrator may change. */
export const approvalSettingsSchema = z.object({
  /** A step waiting more working days than this is overdue (期限超過) and its assignee is reminded. */
  reminderWorkingDays: z.number().int().min(1).max(30),
});
export type ApprovalSettings = z.infer<typeof approvalSettingsSchema>;

export const disposalQuerySchema = z.object({ fy: z.coerce.number().int().min(2000).max(9998).optional() });
export const disposalListSchema = z.object({ fiscalYear: z.number().int(), items: z.array(caseSummarySchema) });

// ── Proxies (代理) ─────────────────────────────────────────────────────────────

export const proxySchema = z.object({
  id,
  principal: personSchema,
  proxy: personSchema,
  fromDate: z.string(),
  toDate: z.string(),
  reason: z.string(),
  active: z.boolean(),
  revokedAt: z.string().nullable(),
});
export type Proxy = z.infer<typeof proxySchema>;
export const proxyListSchema = z.object({ items: z.array(proxySchema) });
export const proxyInputSchema = z
  .object({
    /** Default: me. Setting a proxy for someone else is for admins. */
    principalId: id.optional(),
    proxyId: id,
    fromDate: isoDate,
    toDate: isoDate,
    reason: z.string().trim().max(200).default(''),
  })
  .refine((p) => p.toDate >= p.fromDate, { message: 'toDate must not be before fromDate', path: ['toDate'] });

export const verifyResultSchema = z.object({
  ok: z.boolean(),
  /** Audit rows re-hashed. */
  rows: z.number().int(),
  brokenId: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** Cases replayed from their events (when the chain is intact). */
  cases: z.number().int(),
  /** The first case whose stored state differs from the replay of its events. */
  brokenCaseId: z.number().int().nullable(),
});
