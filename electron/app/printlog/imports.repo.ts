import type { LogFileRow, PrintlogSummary, RejectedLine } from '../../../shared/api/printlog.js';
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
 * print_jobs has no index on file_id; the jobs first stored from a file are
 * therefore counted through that file's sightings (indexed by file_id) whose
 * job names the same file: a stored job always has exactly one such sighting.
 */
export function createImportsRepo(db: Db) {
  const s = {
    countFiles: db.prepare('SELECT count(*) AS n FROM log_files'),
    files: db.prepare(`
      SELECT f.id, f.path, f.source, f.format, f.encoding, f.line, f.finished, f.first_seen, f.updated_at,
        coalesce(own.jobs, 0) AS jobs, coalesce(own.pages, 0) AS pages, coalesce(own.sheets, 0) AS sheets,
        (SELECT count(*) FROM job_sightings s WHERE s.file_id = f.id) AS sightings,
        (SELECT count(*) FROM rejected_lines r WHERE r.file_id = f.id) AS rejected
      FROM log_files f
      LEFT JOIN (
        SELECT s.file_id, count(*) AS jobs, sum(j.pages) AS pages, sum(j.sheets) AS sheets
        FROM job_sightings s JOIN print_jobs j ON j.id = s.job_id AND j.file_id = s.file_id
        WHERE s.file_id IN (SELECT id FROM log_files ORDER BY updated_at DESC, id DESC LIMIT @limit OFFSET @offset)
        GROUP BY s.file_id
      ) own ON own.file_id = f.id
      ORDER BY f.updated_at DESC, f.id DESC
      LIMIT @limit OFFSET @offset`),
    fileExists: db.prepare('SELECT 1 FROM log_files WHERE id = ?'),
    fileAtPath: db.prepare('SELECT id FROM log_files WHERE path = ? ORDER BY id DESC LIMIT 1'),
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
    totals: db.prepare('SELECT count(*) AS jobs, coalesce(sum(pages), 0) AS pages, coalesce(sum(sheets), 0) AS sheets FROM print_jobs'),
    // Job times are UTC ISO strings of one width, so text order is time order (and uses print_jobs_time).
    jobsBetween: db.prepare('SELECT count(*) AS n FROM print_jobs WHERE time >= ? AND time < ?'),
    latest: db.prepare('SELECT max(time) AS time FROM print_jobs'),
  };
  const n = (stmt: { get(...args: unknown[]): unknown }, ...args: unknown[]): number => (stmt.get(...args) as { n: number }).n;
  const offset = (p: Paging) => (p.page - 1) * p.pageSize;

  return {
    listFiles(p: Paging): { items: LogFileRow[]; total: number } {
      const rows = s.files.all({ limit: p.pageSize, offset: offset(p) }) as FileDbRow[];
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

    listRejected(p: Paging & { fileId?: number | undefined }): { items: RejectedLine[]; total: number } {
      const rows = (
        p.fileId === undefined ? s.rejected.all(p.pageSize, offset(p)) : s.rejectedOf.all(p.fileId, p.pageSize, offset(p))
      ) as RejectedDbRow[];
      return {
        total: p.fileId === undefined ? n(s.countRejected) : n(s.countRejectedOf, p.fileId),
        items: rows.map((r) => ({ id: r.id, fileId: r.file_id, path: r.path, line: r.line, reason: r.reason, raw: r.raw, at: r.at })),
      };
    },

    /** Totals for the header cards; `today` is the UTC range of today's local date. */
    summary(today: { start: string; end: string }): PrintlogSummary {
      const totals = s.totals.get() as { jobs: number; pages: number; sheets: number };
      return {
        files: n(s.countFiles),
        ...totals,
        jobsToday: n(s.jobsBetween, today.start, today.end),
        rejected: n(s.countRejected),
        latestJobTime: (s.latest.get() as { time: string | null }).time,
      };
    },
  };
}
export type ImportsRepo = ReturnType<typeof createImportsRepo>;
