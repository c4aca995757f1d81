import { createHash } from 'node:crypto';
import type { CounterReading, PrintJob } from '../../../shared/domain/printlog/job.js';
import type { Db } from '../db/connection.js';

export interface LogFileRow {
  id: number;
  path: string;
  head_hash: string;
  head_length: number;
  format: string;
  encoding: string;
  position: number;
  line: number;
  finished: number;
}

/** What applying one batch of events changed. */
export interface BatchTally {
  jobs: number;
  pages: number;
  sheets: number;
  duplicates: number;
  readings: number;
  counterSheets: number;
}

export const emptyTally = (): BatchTally => ({ jobs: 0, pages: 0, sheets: 0, duplicates: 0, readings: 0, counterSheets: 0 });

/**
 * How often this run has seen a job content on one line (a one-line XML export
 * holds every job on line 1). Bounded: only the lines being read now matter.
 */
export function createLineSeen(limit = 10_000) {
  const counts = new Map<string, number>();
  return (line: number, hash: string): number => {
    const key = `${line}:${hash}`;
    const k = (counts.get(key) ?? 0) + 1;
    counts.delete(key);
    counts.set(key, k);
    if (counts.size > limit) counts.delete(counts.keys().next().value ?? '');
    return k;
  };
}
export type LineSeen = ReturnType<typeof createLineSeen>;

/** The identity of a job's content; the format is left out so a re-export in another layout still matches. */
export function jobContentHash(j: PrintJob): string {
  return createHash('sha1')
    .update([j.time, j.user, j.printer, j.client, j.document, j.pages, j.sheets, j.copies, j.sides ?? '', j.nUp, j.color ?? '', j.paperSize].join('\u001f'))
    .digest('base64url');
}

function readingKey(r: CounterReading): string {
  return createHash('sha1').update([r.month, r.department, r.device, r.sheets, r.colorSheets ?? ''].join('\u001f')).digest('base64url');
}

/** SQL of the print-log tables. Synchronous, like all of better-sqlite3: callers batch into transactions. */
export function createPrintlogRepo(db: Db) {
  const s = {
    filesAtPath: db.prepare('SELECT * FROM log_files WHERE path = ? ORDER BY id DESC'),
    fileByHead: db.prepare('SELECT * FROM log_files WHERE head_hash = ? AND head_length = ? ORDER BY id DESC LIMIT 1'),
    insertFile: db.prepare(`INSERT INTO log_files (path, head_hash, head_length, format, encoding, source, first_seen, updated_at)
      VALUES (@path, @headHash, @headLength, @format, @encoding, @source, @now, @now)`),
    moveFile: db.prepare('UPDATE log_files SET path = ?, head_hash = ?, head_length = ?, updated_at = ? WHERE id = ?'),
    setPosition: db.prepare('UPDATE log_files SET position = ?, line = ?, finished = ?, updated_at = ? WHERE id = ?'),
    sighting: db.prepare('SELECT 1 FROM job_sightings WHERE file_id = ? AND line = ? AND content_hash = ? AND k = ?'),
    maxN: db.prepare('SELECT max(n) AS n FROM job_sightings WHERE file_id = ? AND content_hash = ?'),
    insertJob: db.prepare(`INSERT OR IGNORE INTO print_jobs (dedup_key, content_hash, time, user, printer, client, document, pages, sheets,
      copies, sides, n_up, color, paper_size, format, file_id, line)
      VALUES (@key, @hash, @time, @user, @printer, @client, @document, @pages, @sheets, @copies, @sides, @nUp, @color, @paperSize, @format, @fileId, @line)`),
    jobByKey: db.prepare('SELECT id FROM print_jobs WHERE dedup_key = ?'),
    insertSighting: db.prepare('INSERT INTO job_sightings (file_id, line, content_hash, k, n, job_id) VALUES (?, ?, ?, ?, ?, ?)'),
    insertReading: db.prepare(`INSERT OR IGNORE INTO counter_readings (dedup_key, month, department, device, sheets, color_sheets, file_id, line)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    insertReject: db.prepare('INSERT OR IGNORE INTO rejected_lines (file_id, line, reason, raw, at) VALUES (?, ?, ?, ?, ?)'),
  };

  return {
    filesAtPath: (path: string) => s.filesAtPath.all(path) as LogFileRow[],
    fileByHead: (hash: string, length: number) => s.fileByHead.get(hash, length) as LogFileRow | undefined,
    insertFile(f: { path: string; headHash: string; headLength: number; format: string; encoding: string; source: string; now: string }): number {
      return Number(s.insertFile.run(f).lastInsertRowid);
    },
    moveFile(id: number, path: string, headHash: string, headLength: number, now: string): void {
      s.moveFile.run(path, headHash, headLength, now, id);
    },
    setPosition(id: number, position: number, line: number, finished: boolean, now: string): void {
      s.setPosition.run(position, line, finished ? 1 : 0, now, id);
    },
    /**
     * Stores a job read at (file, line). A job already recorded there is a
     * no-op (a line re-read after a crash); otherwise the job is stored unless the same
     * content is already there as this occurrence, which counts a duplicate.
     */
    addJob(fileId: number, line: number, job: PrintJob, format: string, tally: BatchTally, seen: LineSeen): void {
      const hash = jobContentHash(job);
      const k = seen(line, hash);
      if (s.sighting.get(fileId, line, hash, k)) {
        tally.duplicates += 1;
        return;
      }
      const n = ((s.maxN.get(fileId, hash) as { n: number | null }).n ?? 0) + 1;
      const key = `${hash}:${n}`;
      const inserted = s.insertJob.run({
        key, hash, time: job.time, user: job.user, printer: job.printer, client: job.client, document: job.document,
        pages: job.pages, sheets: job.sheets, copies: job.copies, sides: job.sides, nUp: job.nUp,
        color: job.color === null ? null : job.color ? 1 : 0, paperSize: job.paperSize, format, fileId, line,
      });
      let jobId: number;
      if (inserted.changes > 0) {
        jobId = Number(inserted.lastInsertRowid);
        tally.jobs += 1;
        tally.pages += job.pages;
        tally.sheets += job.sheets;
      } else {
        jobId = (s.jobByKey.get(key) as { id: number }).id;
        tally.duplicates += 1;
      }
      s.insertSighting.run(fileId, line, hash, k, n, jobId);
    },
    addReading(fileId: number, line: number, r: CounterReading, tally: BatchTally): void {
      const inserted = s.insertReading.run(readingKey(r), r.month, r.department, r.device, r.sheets, r.colorSheets, fileId, line);
      if (inserted.changes > 0) {
        tally.readings += 1;
        tally.counterSheets += r.sheets;
      } else {
        tally.duplicates += 1;
      }
    },
    addReject(fileId: number, line: number, reason: string, raw: string, now: string): void {
      s.insertReject.run(fileId, line, reason, raw.slice(0, 2000), now);
    },
  };
}
export type PrintlogRepo = ReturnType<typeof createPrintlogRepo>;
