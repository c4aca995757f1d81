import { z } from 'zod';
import { caseStateSchema, personSchema } from './approvals.js';

const id = z.number().int().positive();
const coercedId = z.coerce.number().int().positive();
const named = z.object({ id, name: z.string() });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

// ── 案件検索 (full-text search) ─────────────────────────────────────────────────

/** Results per page of GET /api/search. */
export const SEARCH_PAGE_SIZE = 20;
/** Rows at most in a CSV of a search result; a larger result says so in its last line. */
export const SEARCH_CSV_MAX_ROWS = 10_000;

/**
 * The hit markers in `snippet`: U+0002 (START OF TEXT) before a hit and U+0003
 * (END OF TEXT) after it. Indexed text never contains control characters, so
 * the pair is unambiguous; clients show the hit as <mark>.
 */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

/** A snippet as plain and hit pieces, in order, for rendering without HTML. */
export function snippetSegments(snippet: string): { text: string; hit: boolean }[] {
  const segments: { text: string; hit: boolean }[] = [];
  let hit = false;
  let text = '';
  const flush = () => {
    if (text !== '') segments.push({ text, hit });
    text = '';
  };
  for (const ch of snippet) {
    if (ch === HIT_START || ch === HIT_END) {
      flush();
      hit = ch === HIT_START;
    } else {
      text += ch;
    }
  }
  flush();
  return segments;
}

/** Where a case matched: its document number, title, body (本文), a comment or reason on its route, or an attached PDF. */
export const matchPlaceSchema = z.enum(['number', 'title', 'body', 'comment', 'pdf']);
export type MatchPlace = z.infer<typeof matchPlaceSchema>;

/** Filters besides the words; every one narrows the result. `from`/`to`: 起案日 (Tokyo dates, inclusive). */
export const searchFilterSchema = z.object({
  q: z.string().trim().max(200).default(''),
  type: coercedId.optional(),
  department: coercedId.optional(),
  site: coercedId.optional(),
  state: caseStateSchema.optional(),
  /** 年度 of drafting (April–March). */
  fy: z.coerce.number().int().min(1989).max(2200).optional(),
  drafter: coercedId.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type SearchFilter = z.infer<typeof searchFilterSchema>;

export const searchQuerySchema = searchFilterSchema.extend({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const searchCsvQuerySchema = searchFilterSchema.extend({
  /** utf8: UTF-8 with a BOM (current Excel); sjis: Shift_JIS (older Excel). */
  encoding: z.enum(['utf8', 'sjis']).default('utf8'),
});

export const relatedRefSchema = z.object({ caseId: id, number: z.string().nullable(), title: z.string() });

export const searchItemSchema = z.object({
  caseId: id,
  number: z.string().nullable(),
  title: z.string(),
  /** Text around the first hit, hits between HIT_START and HIT_END; '' when only filters were given. */
  snippet: z.string(),
  /** Every place the words were found, most telling first. */
  matchedIn: z.array(matchPlaceSchema),
  type: named,
  department: named,
  site: named,
  drafter: personSchema,
  state: caseStateSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** An attachment is a scan without a text layer: its contents cannot be found by words. */
  noTextLayer: z.boolean(),
  /** 廃棄済み: found by its record only; its files (and their text) are gone. */
  disposed: z.boolean(),
  /** 関連文書 the caller may see. */
  related: z.array(relatedRefSchema),
});
export type SearchItem = z.infer<typeof searchItemSchema>;

export const searchResultSchema = z.object({
  items: z.array(searchItemSchema),
  total: z.number().int().min(0),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

/**
 * The CSV of a search result answers bytes (text/csv), not JSON, so it is not
 * an endpoint of `api`; the same access (signed in) and visibility apply.
 */
export const searchDownloads = {
  csv: { method: 'GET', path: '/api/search.csv', query: searchCsvQuerySchema },
} as const;
