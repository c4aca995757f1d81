import { z } from 'zod';
import { encodingSchema, formatNameSchema } from './printlog.js';

/**
 * Log sources (ログ取込 → 取込元): folders the core watches and branch agents
 * that send their files to the hub, with their status at a glance, and the
 * preview that shows the first parsed rows of a sample before a source or a
 * mapping is saved.
 */

export const sourceKindSchema = z.enum(['folder', 'agent']);
export type SourceKind = z.infer<typeof sourceKindSchema>;

/** A format name, or 'auto' (detected from each file's first lines). */
export const sourceFormatSchema = z.union([z.literal('auto'), formatNameSchema]);
export type SourceFormatName = z.infer<typeof sourceFormatSchema>;

const count = z.number().int().min(0);

export const sourceInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  kind: sourceKindSchema.default('folder'),
  /** The folder the core watches; for an agent source, the branch's folder (shown only, may be ''). */
  folder: z.string().trim().max(1000),
  glob: z.string().trim().min(1).max(300),
  format: sourceFormatSchema.default('auto'),
  /** The mapping file's JSON text (csv, counter), or null. */
  mapping: z.string().max(100_000).nullable().default(null),
  siteId: z.number().int().positive().nullable().default(null),
  /** Network shares (SMB/NFS) send no change events: poll them. */
  polling: z.boolean().default(false),
  pollIntervalMs: z.number().int().min(100).max(3_600_000).default(1000),
});
export type SourceInput = z.infer<typeof sourceInputSchema>;

export const sourceIdParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const sourceStatusSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  kind: sourceKindSchema,
  folder: z.string(),
  glob: z.string(),
  format: z.string(),
  mapping: z.string().nullable(),
  siteId: z.number().int().nullable(),
  siteCode: z.string().nullable(),
  siteName: z.string().nullable(),
  polling: z.boolean(),
  pollIntervalMs: z.number().int(),
  active: z.boolean(),
  /** The source's last problem (folder missing, a file unreadable, a bad mapping); null once it reads again. */
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  files: count,
  jobs: count,
  /** Jobs whose time falls on today's date in Asia/Tokyo. */
  jobsToday: count,
  rejected: count,
  /** The time (UTC instant) of the newest job read from this source, null before the first. */
  lastJobTime: z.string().nullable(),
  /** When a file of this source was last read (a commit), null before the first. */
  lastReadAt: z.string().nullable(),
  /**
   * Bytes written but not yet read: of the source's files on this machine, plus
   * for an agent what it still had to send at its last contact. null when unknown
   * (an agent that never called).
   */
  lagBytes: count.nullable(),
  agent: z.object({
    host: z.string().nullable(),
    version: z.string().nullable(),
    /** The agent's last request, null before its first. */
    seenAt: z.string().nullable(),
  }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SourceStatus = z.infer<typeof sourceStatusSchema>;

export const sourceListSchema = z.object({ items: z.array(sourceStatusSchema) });

export const sourceCreatedSchema = z.object({
  source: sourceStatusSchema,
  /** An agent's token: shown once (only its hash is stored). */
  token: z.string(),
});

export const sourceTokenSchema = z.object({ token: z.string() });

/** At most this many bytes of a sample file are previewed (the first lines are all a preview needs). */
export const previewMaxBytes = 256 * 1024;
/** At most this many parsed rows and decoded lines come back. */
export const previewRows = 20;

export const previewBodySchema = z.object({
  /**
   * The sample's first bytes, base64. Without it the hub reads the first file
   * of `folder` that matches `glob` (a folder source on the hub's machine).
   */
  sample: z.string().max(Math.ceil(previewMaxBytes / 3) * 4 + 4).optional(),
  folder: z.string().trim().max(1000).optional(),
  glob: z.string().trim().max(300).optional(),
  format: sourceFormatSchema.default('auto'),
  mapping: z.string().max(100_000).nullable().default(null),
});
export type PreviewBody = z.infer<typeof previewBodySchema>;

const previewJobSchema = z.object({
  line: z.number().int().min(1),
  time: z.string(),
  user: z.string(),
  printer: z.string(),
  document: z.string(),
  pages: count,
  sheets: count,
  copies: z.number().int(),
  sides: z.union([z.literal(1), z.literal(2)]).nullable(),
  nUp: z.number().int(),
  color: z.boolean().nullable(),
  paperSize: z.string(),
});

const previewReadingSchema = z.object({
  line: z.number().int().min(1),
  month: z.string(),
  department: z.string(),
  device: z.string(),
  sheets: count,
  colorSheets: count.nullable(),
});

export const previewResultSchema = z.object({
  /** The sample file read (the folder's first match), or null for an uploaded sample. */
  file: z.string().nullable(),
  encoding: encodingSchema,
  encodingReason: z.string(),
  /** The format used, or null when none could be chosen (see `error`). */
  format: formatNameSchema.nullable(),
  formatReason: z.string(),
  /** The sample's first lines, decoded, for the mapping editor's column picker. */
  lines: z.array(z.string()),
  /** The fields of the first line split as CSV (with the mapping's delimiter when there is one). */
  columns: z.array(z.string()),
  jobs: z.array(previewJobSchema),
  readings: z.array(previewReadingSchema),
  rejected: z.array(z.object({ line: z.number().int().min(1), reason: z.string(), raw: z.string() })),
  /** Why nothing could be parsed (no file matches, format not recognised, mapping invalid), else null. */
  error: z.string().nullable(),
});
export type PreviewResult = z.infer<typeof previewResultSchema>;
