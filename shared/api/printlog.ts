import { z } from 'zod';
import type { FormatName } from '../domain/printlog/format.js';

/**
 * The ログ取込 screen's API: imported files, their rejected lines, the totals
 * of the header cards, and the manual import of one uploaded file.
 */

const formatNames = ['papercut-logger', 'windows-307', 'cups', 'papercut-ng', 'csv', 'counter'] as const satisfies readonly FormatName[];
// Both directions: a format added to the domain without being added here does not compile.
type MissingFormat = Exclude<FormatName, (typeof formatNames)[number]>;
const _everyFormatListed: [MissingFormat] extends [never] ? true : never = true;

export const formatNameSchema = z.enum(formatNames);

/** Formats that read a file without a mapping file: the ones a plain upload can use. */
export const uploadFormats: readonly FormatName[] = ['papercut-logger', 'windows-307', 'cups', 'papercut-ng'];

export const encodingSchema = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'cp932']);

/** An upload larger than this is refused (413) before or while it is written to disk. */
export const importMaxBytes = 200 * 1024 * 1024;

/** `log_files.source` of a file uploaded on the ログ取込 screen: the prefix, then the uploader's login. */
export const uploadSourcePrefix = 'upload:';

/** The header that may carry the file name, percent-encoded (header values are ASCII). */
export const fileNameHeader = 'x-file-name';

const count = z.number().int().min(0);

const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
};

export const logFileListQuerySchema = z.object(pageQuery);

export const logFileRowSchema = z.object({
  id: z.number().int().positive(),
  path: z.string(),
  /** The watched source, `upload:<login>` for a file uploaded on screen, '' for `kamiless import`. */
  source: z.string(),
  format: z.string(),
  encoding: z.string(),
  /** Lines read so far (the committed position). */
  lines: count,
  /** Read to its end; false while a watcher follows it or after an interrupted import. */
  finished: z.boolean(),
  firstSeen: z.string(),
  updatedAt: z.string(),
  /** Jobs first stored from this file. */
  jobs: count,
  pages: count,
  sheets: count,
  /** Jobs seen in this file, those already stored from another file included. */
  sightings: count,
  rejected: count,
});
export type LogFileRow = z.infer<typeof logFileRowSchema>;

export const logFileListSchema = z.object({
  items: z.array(logFileRowSchema),
  total: count,
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const rejectedListQuerySchema = z.object({
  fileId: z.coerce.number().int().positive().optional(),
  /** Only the lines of this log source's files. */
  sourceId: z.coerce.number().int().positive().optional(),
  ...pageQuery,
});

export const rejectedLineSchema = z.object({
  id: z.number().int().positive(),
  fileId: z.number().int().positive(),
  path: z.string(),
  line: z.number().int().min(1),
  reason: z.string(),
  /** The line as read (decoded), cut at 2,000 characters. */
  raw: z.string(),
  at: z.string(),
});
export type RejectedLine = z.infer<typeof rejectedLineSchema>;

export const rejectedListSchema = z.object({
  items: z.array(rejectedLineSchema),
  total: count,
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const printlogSummarySchema = z.object({
  files: count,
  jobs: count,
  pages: count,
  sheets: count,
  /** Jobs whose time falls on today's date in Asia/Tokyo. */
  jobsToday: count,
  rejected: count,
  /** The time of the latest stored job (UTC instant), null before the first import. */
  latestJobTime: z.string().nullable(),
});
export type PrintlogSummary = z.infer<typeof printlogSummarySchema>;

export const importQuerySchema = z.object({
  /** The file's name as the user chose it; the `x-file-name` header is the alternative. */
  name: z.string().trim().min(1).max(255).optional(),
  /** Skip auto-detection. */
  format: formatNameSchema.optional(),
  /** Chosen by the client, so that it can ask for the import's progress while it waits for the answer. */
  uploadId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
});

export const importProgressQuerySchema = z.object({ uploadId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) });

/** How far the server has read an uploaded file (the rows so far are committed, whatever happens next). */
export const importProgressSchema = z.object({
  /** Bytes of the file read so far, of `bytesTotal` (uncompressed bytes for a .gz: then it may pass the file's size). */
  bytesRead: count,
  bytesTotal: count,
  lines: count,
  /** Jobs stored so far, and jobs already stored from another file. */
  jobs: count,
  duplicates: count,
  rejected: count,
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

/** At most this many rejected lines come back with an import; the rest are listed by the rejected endpoint. */
export const importRejectedShown = 200;

export const importResultSchema = z.object({
  /** The stored file (its rejected lines are listed by fileId). */
  fileId: z.number().int().positive().nullable(),
  name: z.string(),
  format: formatNameSchema,
  formatReason: z.string(),
  encoding: encodingSchema,
  encodingReason: z.string(),
  lines: count,
  jobs: count,
  pages: count,
  sheets: count,
  duplicates: count,
  readings: count,
  counterSheets: count,
  rejectedCount: count,
  rejected: z.array(z.object({ line: z.number().int().min(1), reason: z.string() })),
});
export type ImportResult = z.infer<typeof importResultSchema>;
