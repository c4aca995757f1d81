import { z } from 'zod';
import { sourceFormatSchema } from './sources.js';

/**
 * What a branch agent (`kamiless agent`) and the hub say to each other. The
 * agent authenticates with its source's token (`Authorization: Bearer …`);
 * the hub keeps an exact copy of each file the agent sends and answers with
 * how many of its bytes it holds, so the agent resumes there after any
 * failure on either side, and a chunk sent twice is stored once.
 */

/** The most bytes one chunk may carry. */
export const ingestChunkMaxBytes = 4 * 1024 * 1024;

/** How many of a file's first bytes identify it (a rotated or replaced file starts differently). */
export const ingestHeadBytes = 1024;

export const ingestHelloSchema = z.object({
  host: z.string().trim().max(255),
  version: z.string().trim().max(50),
  /** The branch folder the agent reads (shown on the hub). */
  path: z.string().trim().max(1000),
  glob: z.string().trim().max(300),
  /** The agent's --format; the hub refuses one that differs from the source's. */
  format: sourceFormatSchema.optional(),
});

export const ingestSourceSchema = z.object({
  source: z.string(),
  /** The format the hub reads this source's files with ('auto': detected per file). */
  format: z.string(),
  siteCode: z.string().nullable(),
});

/**
 * A file's path relative to the agent's folder, with `/` between folders; a
 * `.gz` is sent decompressed under its name without `.gz`.
 */
export const ingestPathSchema = z.string().min(1).max(500)
  .refine((p) => !p.startsWith('/') && !/^[A-Za-z]:/.test(p) && !p.includes('\\'), 'a relative path with / between folders')
  .refine((p) => p.split('/').every((part) => part !== '' && part !== '.' && part !== '..'), "no '.', '..' or empty folder names")
  // eslint-disable-next-line no-control-regex -- a control character in a file name is what is refused
  .refine((p) => !/[\u0000-\u001f]/.test(p), 'no control characters');

export const ingestFileQuerySchema = z.object({ path: ingestPathSchema });

export const ingestFileStateSchema = z.object({
  /** Bytes of this file the hub holds: the agent sends from here. */
  position: z.number().int().min(0),
  /** SHA-256 (hex) of the held copy's first `headLength` bytes; '' when it holds none. */
  headHash: z.string(),
  headLength: z.number().int().min(0),
});
export type IngestFileState = z.infer<typeof ingestFileStateSchema>;

export const ingestChunkQuerySchema = z.object({
  path: ingestPathSchema,
  /** Where in the file the chunk's first byte is. */
  offset: z.coerce.number().int().min(0),
  /**
   * The file was replaced or truncated at the branch (its head differs from the
   * hub's copy): the hub keeps the old copy under another name and starts a new
   * one. Only with offset 0.
   */
  restart: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Bytes the agent still has to send after this chunk, over all its files (for the lag shown on the hub). */
  backlog: z.coerce.number().int().min(0).optional(),
});
