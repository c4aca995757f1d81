import type { LogFileRow, PrintlogSummary, RejectedLine } from '../../../shared/api/printlog.js';
import { AppError } from '../app-error.js';
import type { Db } from '../db/connection.js';

export interface Paging {
  page: number;
  pageSize: number;
}

interface FileDbRow {
  id: number;
  path: string;
  source: string;
  format: string;
  encoding: string;
  line: number;
  finished: number;
  first_seen: string;
  updated_at: string;
  jobs: number;
  pages: number;
  sheets: number;
  sightings: number;
  rejected: number;
}

interface RejectedDbRow {
  id: number;
  file_id: number;
  path: string;
  line: number;
  reason: string;
  raw: string;
  at: string;
}

/**
 * Read-only queries of the ログ取込 screen over the print-log tables. The
 * writing side (import-file, printlog.repo) stays the ingest pipeline's.
 *
 * The figures of files and of the header cards are the totals each file
 * stores (migration 0006), kept with its rows in the same transactions, not
 * aggregates over the jobs: those grow with every job ever imported.
 */
export function createImportsRepo(db: Db) {
  const s = {
    countFiles: db.prepare('SELECT count(*) AS n FROM log_files'),
    files: db.prepare(`
      SELECT id, path, source, format, encoding, line, finished, first_seen, updated_at, jobs, pages, sheets, sightings, rejected
      FROM log_files ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`),
    fileExists: db.prepare('SELECT 1 FROM log_files WHERE id = ?'),
    fileAtPath: db.prepare('SELECT id FROM log_files WHERE path = ? ORDER BY id DESC LIMIT 1'),
    progressAt: db.prepare(`SELECT position, line, jobs, sightings - jobs AS duplicates, rejected FROM log_files
      WHERE path = ? ORDER BY id DESC LIMIT 1`),
    countRejected: db.prepare('SELECT count(*) AS n FROM rejected_lines'),
    countRejectedOf: db.prepare('SELECT count(*) AS n FROM rejected_lines WHERE file_id = ?'),
    // Newest file first (ids grow), each file's lines in order: what (file_id, line) is indexed by.
    rejected: db.prepare(`
      SELECT r.id, r.file_id, f.path, r.line, r.reason, r.raw, r.at
      FROM rejected_lines r JOIN log_files f ON f.id = r.file_id
      ORDER BY r.file_id DESC, r.line ASC LIMIT ? OFFSET ?`),
    rejectedOf: db.prepare(`
      SELECT r.id, r.file_id, f.path, r.line, r.reason, r.raw, r.at
      FROM rejected_lines r JOIN log_files f ON f.id = r.file_id
      WHERE r.file_id = ? ORDER BY r.line ASC LIMIT ? OFFSET ?`),
    sourceName: db.prepare('SELECT name FROM log_sources WHERE id = ?'),
    // A source's files are found by name (log_files_source), then each file's lines by (file_id, line).
    countRejectedOfSource: db.prepare(`SELECT count(*) AS n FROM rejected_lines r JOIN log_files f ON f.id = r.file_id
      WHERE f.source = @source AND (@fileId IS NULL OR r.file_id = @fileId)`),
    rejectedOfSource: db.prepare(`
      SELECT r.id, r.file_id, f.path, r.line, r.reason, r.raw, r.at
      FROM rejected_lines r JOIN log_files f ON f.id = r.file_id
      WHERE f.source = @source AND (@fileId IS NULL OR r.file_id = @fileId)
      ORDER BY r.file_id DESC, r.line ASC LIMIT @limit OFFSET @offset`),
    // Every job counts in the totals of exactly one file: the one it was first stored from.
    totals: db.prepare(`SELECT count(*) AS files, coalesce(sum(jobs), 0) AS jobs, coalesce(sum(pages), 0) AS pages, coalesce(sum(sheets), 0) AS sheets,
      coalesce(sum(rejected), 0) AS rejected FROM log_files`),
    // Job times are UTC ISO strings of one width, so text order is time order (and uses print_jobs_time).
    jobsBetween: db.prepare('SELECT count(*) AS n FROM print_jobs WHERE time >= ? AND time < ?'),
    latest: db.prepare('SELECT max(time) AS time FROM print_jobs'),
  };
  const n = (stmt: { get(...args: unknown[]): unknown }, ...args: unknown[]): number => (stmt.get(...args) as { n: number }).n;
  const offset = (p: Paging) => (p.page - 1) * p.pageSize;

  return {
    listFiles(p: Paging): { items: LogFileRow[]; total: number } {
      const rows = s.files.all(p.pageSize, offset(p)) as FileDbRow[];
      return {
        total: n(s.countFiles),
        items: rows.map((r) => ({
          id: r.id,
          path: r.path,
          source: r.source,
          format: r.format,
          encoding: r.encoding,
          lines: r.line,
          finished: r.finished === 1,
          firstSeen: r.first_seen,
          updatedAt: r.updated_at,
          jobs: r.jobs,
          pages: r.pages,
          sheets: r.sheets,
          sightings: r.sightings,
          rejected: r.rejected,
        })),
      };
    },

    fileExists: (id: number): boolean => s.fileExists.get(id) !== undefined,

    /** The file last stored under a path (an upload's spool path is unique). */
    fileIdAt: (path: string): number | null => (s.fileAtPath.get(path) as { id: number } | undefined)?.id ?? null,
    /** How far the file at `path` has been read (committed), or null before its first commit. */
    progressAt: (path: string): { position: number; line: number; jobs: number; duplicates: number; rejected: number } | null =>
      (s.progressAt.get(path) as { position: number; line: number; jobs: number; duplicates: number; rejected: number } | undefined) ?? null,

    /** Rejected lines, of one file and/or of one log source's files (not_found for an unknown source). */
    listRejected(p: Paging & { fileId?: number | undefined; sourceId?: number | undefined }): { items: RejectedLine[]; total: number } {
      const toLine = (r: RejectedDbRow): RejectedLine => ({ id: r.id, fileId: r.file_id, path: r.path, line: r.line, reason: r.reason, raw: r.raw, at: r.at });
      if (p.sourceId !== undefined) {
        const source = s.sourceName.get(p.sourceId) as { name: string } | undefined;
        if (!source) throw new AppError('not_found', { field: 'query.sourceId', detail: `no source with id ${p.sourceId}` });
        const params = { source: source.name, fileId: p.fileId ?? null, limit: p.pageSize, offset: offset(p) };
        return { total: n(s.countRejectedOfSource, params), items: (s.rejectedOfSource.all(params) as RejectedDbRow[]).map(toLine) };
      }
      const rows = (
        p.fileId === undefined ? s.rejected.all(p.pageSize, offset(p)) : s.rejectedOf.all(p.fileId, p.pageSize, offset(p))
      ) as RejectedDbRow[];
      return {
        total: p.fileId === undefined ? n(s.countRejected) : n(s.countRejectedOf, p.fileId),
        items: rows.map(toLine),
      };
    },

    /** Totals for the header cards; `today` is the UTC range of today's local date. */
    summary(today: { start: string; end: string }): PrintlogSummary {
      const totals = s.totals.get() as { files: number; jobs: number; pages: number; sheets: number; rejected: number };
      return {
        ...totals,
        jobsToday: n(s.jobsBetween, today.start, today.end),
        latestJobTime: (s.latest.get() as { time: string | null }).time,
      };
    },
  };
}
export type ImportsRepo = ReturnType<typeof createImportsRepo>;
