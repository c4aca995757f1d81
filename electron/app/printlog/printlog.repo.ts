import { createHash, hash } from 'node:crypto';
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
 * holds every job on line 1). Only lines the parser may still emit jobs for
 * are kept (see `JobWriter.settle`), so it holds a batch's worth at most, and
 * its entries die young instead of filling the old generation of the heap.
 */
function createLineSeen() {
  // Most lines hold one job: their one content is kept as is, a Map only for a line with more.
  const lines = new Map<number, string | Map<string, number>>();
  return {
    count(line: number, hash: string): number {
      const seen = lines.get(line);
      if (seen === undefined) {
        lines.set(line, hash);
        return 1;
      }
      const counts = typeof seen === 'string' ? new Map([[seen, 1]]) : seen;
      const k = (counts.get(hash) ?? 0) + 1;
      counts.set(hash, k);
      lines.set(line, counts);
      return k;
    },
    forgetBefore(line: number): void {
      for (const seen of lines.keys()) if (seen < line) lines.delete(seen);
    },
  };
}

/**
 * The identity of a job's content; the format is left out so a re-export in
 * another layout still matches. It starts with the job's UTC date and hour
 * (YYYYMMDDHH, migration 0004) so that the keys of a log, written in time
 * order, land next to each other in the indexes rather than on random pages.
 */
export function jobContentHash(j: PrintJob): string {
  const t = j.time;
  const content = `${t}\u001f${j.user}\u001f${j.printer}\u001f${j.client}\u001f${j.document}\u001f${j.pages}\u001f${j.sheets}\u001f${j.copies}\u001f${j.sides ?? ''}\u001f${j.nUp}\u001f${j.color ?? ''}\u001f${j.paperSize}`;
  return `${t.slice(0, 4)}${t.slice(5, 7)}${t.slice(8, 10)}${t.slice(11, 13)}${hash('sha1', content, 'base64url')}`;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const sixBits = new Uint8Array(128);
for (let i = 0; i < BASE64URL.length; i++) sixBits[BASE64URL.charCodeAt(i)] = i;

/**
 * The contents a job writer has met, as a Bloom filter: "certainly not" or
 * "maybe". Its size follows the file's (about 16 bits per job of a
 * 100-byte-per-line log, at most 8 MiB), so memory does not grow as the file
 * is read; a file that outgrows it only answers "maybe" more often.
 */
function createContentFilter(fileBytes: number) {
  const bits = 2 ** Math.min(26, Math.max(16, Math.ceil(Math.log2(fileBytes / 6))));
  const words = new Int32Array(bits / 32);
  const mask = bits - 1;
  // Three indexes from 30 bits each of the SHA-1 at the end of the content hash.
  const index = (hash: string, from: number): number => {
    let v = 0;
    for (let i = from; i < from + 5; i++) v = (v << 6) | (sixBits[hash.charCodeAt(i) & 0x7f] ?? 0);
    return v & mask;
  };
  const probe = (hash: string, set: boolean): boolean => {
    const end = hash.length;
    let all = true;
    for (const from of [end - 27, end - 22, end - 17]) {
      const i = index(hash, from);
      const bit = 1 << (i & 31);
      const word = words[i >>> 5] ?? 0;
      if ((word & bit) === 0) all = false;
      if (set) words[i >>> 5] = word | bit;
    }
    return all;
  };
  return {
    /** Records the content; true when it may have been met before. */
    meet: (hash: string): boolean => probe(hash, true),
  };
}

function readingKey(r: CounterReading): string {
  return createHash('sha1').update([r.month, r.department, r.device, r.sheets, r.colorSheets ?? ''].join('\u001f')).digest('base64url');
}

// Rows stored by one statement: running a statement costs about as much as storing a few rows.
const JOBS_PER_INSERT = 32;
const SIGHTINGS_PER_INSERT = 64;
const JOB_COLUMNS = 17;

const insertJobs = (rows: number): string => `INSERT OR IGNORE INTO print_jobs (dedup_key, content_hash, time, user, printer, client, document,
  pages, sheets, copies, sides, n_up, color, paper_size, format, file_id, line)
  VALUES ${Array<string>(rows).fill(`(${Array<string>(JOB_COLUMNS).fill('?').join(', ')})`).join(', ')}`;

interface WaitingJob {
  line: number;
  job: PrintJob;
  hash: string;
  key: string;
  k: number;
  n: number;
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
    maxLine: db.prepare('SELECT max(line) FROM job_sightings WHERE file_id = ?').pluck(),
    sighting: db.prepare('SELECT 1 FROM job_sightings WHERE file_id = ? AND line = ? AND content_hash = ? AND k = ?').pluck(),
    maxN: db.prepare('SELECT max(n) FROM job_sightings WHERE file_id = ? AND content_hash = ?').pluck(),
    insertJob: db.prepare(insertJobs(1)),
    insertJobs: db.prepare(insertJobs(JOBS_PER_INSERT)),
    jobByKey: db.prepare('SELECT id FROM print_jobs WHERE dedup_key = ?').pluck(),
    insertSighting: db.prepare('INSERT INTO job_sightings (file_id, line, content_hash, k, n, job_id) VALUES (?, ?, ?, ?, ?, ?)'),
    insertSightings: db.prepare(`INSERT INTO job_sightings (file_id, line, content_hash, k, n, job_id) VALUES ${Array<string>(SIGHTINGS_PER_INSERT).fill('(?, ?, ?, ?, ?, ?)').join(', ')}`),
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
     * Stores the jobs read from one file, in the transactions of the caller,
     * adding to `tally`. A job already recorded at its (file, line) is a no-op
     * (a line re-read after a crash); otherwise the job is stored unless the
     * same content is already there as this occurrence within the file, which
     * counts a duplicate.
     */
    jobWriter(fileId: number, format: string, fileBytes: number, tally: BatchTally): JobWriter {
      const seen = createLineSeen();
      // Lines above this have no sighting of the file yet, so a job read there
      // cannot be a re-read and needs no lookup: the usual case, reading new lines.
      let checkUpTo = (s.maxLine.get(fileId) as number | null) ?? 0;
      // While every sighting of the file is this writer's, a content it has not
      // met has no earlier occurrence in the file (n = 1) without asking the database.
      let met = checkUpTo === 0 ? createContentFilter(fileBytes) : null;
      // Jobs and sightings wait here to be stored many rows per statement; all
      // are stored before anything reads print_jobs or job_sightings, and before
      // the transaction ends. A sighting is (file_id, line, content_hash, k, n, job_id).
      const jobs: WaitingJob[] = [];
      const jobParams: (string | number | null)[] = [];
      const sightings: (string | number)[] = [];

      const stored = (w: WaitingJob, jobId: number, isNew: boolean): void => {
        if (isNew) {
          tally.jobs += 1;
          tally.pages += w.job.pages;
          tally.sheets += w.job.sheets;
        } else {
          tally.duplicates += 1;
        }
        sightings.push(fileId, w.line, w.hash, w.k, w.n, jobId);
        if (sightings.length === 6 * SIGHTINGS_PER_INSERT) {
          s.insertSightings.run(sightings);
          sightings.length = 0;
        }
      };
      const storeJobs = (): void => {
        if (jobs.length === JOBS_PER_INSERT) {
          const r = s.insertJobs.run(jobParams);
          // A new row gets the rowid after the table's largest, so the rows this
          // statement inserted hold the last `changes` rowids, in order.
          const firstNew = Number(r.lastInsertRowid) - r.changes + 1;
          jobs.forEach((w, i) => {
            if (r.changes === jobs.length) return stored(w, firstNew + i, true);
            const id = s.jobByKey.get(w.key) as number;
            stored(w, id, r.changes > 0 && id >= firstNew);
          });
        } else {
          jobs.forEach((w, i) => {
            const r = s.insertJob.run(jobParams.slice(i * JOB_COLUMNS, (i + 1) * JOB_COLUMNS));
            if (r.changes > 0) stored(w, Number(r.lastInsertRowid), true);
            else stored(w, s.jobByKey.get(w.key) as number, false);
          });
        }
        jobs.length = 0;
        jobParams.length = 0;
      };
      const storeAll = (): void => {
        storeJobs();
        for (let i = 0; i < sightings.length; i += 6) s.insertSighting.run(sightings.slice(i, i + 6));
        sightings.length = 0;
      };

      return {
        begin() {
          // What a failed transaction left here was rolled back with it.
          jobs.length = 0;
          jobParams.length = 0;
          sightings.length = 0;
          // Another session wrote this file's lines since (a watcher and a manual
          // import of the same file): from now on every line is looked up.
          if (((s.maxLine.get(fileId) as number | null) ?? 0) > checkUpTo) {
            checkUpTo = Number.POSITIVE_INFINITY;
            met = null;
          }
        },
        end: storeAll,
        settle(keepFrom) {
          seen.forgetBefore(keepFrom);
        },
        add(line, job) {
          const hash = jobContentHash(job);
          const k = seen.count(line, hash);
          const reRead = line <= checkUpTo;
          const maybeEarlier = met === null || met.meet(hash);
          if (reRead || maybeEarlier) storeAll();
          if (reRead && s.sighting.get(fileId, line, hash, k) !== undefined) {
            tally.duplicates += 1;
            return;
          }
          const n = (maybeEarlier ? ((s.maxN.get(fileId, hash) as number | null) ?? 0) : 0) + 1;
          const key = `${hash}:${n}`;
          jobs.push({ line, job, hash, key, k, n });
          jobParams.push(key, hash, job.time, job.user, job.printer, job.client, job.document, job.pages, job.sheets,
            job.copies, job.sides, job.nUp, job.color === null ? null : job.color ? 1 : 0, job.paperSize, format, fileId, line);
          if (jobs.length === JOBS_PER_INSERT) storeJobs();
          if (line > checkUpTo) checkUpTo = line;
        },
      };
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

export interface JobWriter {
  /** Call first in each transaction that adds jobs. */
  begin(): void;
  /** Call last in each transaction that adds jobs: stores what `add` still holds. */
  end(): void;
  add(line: number, job: PrintJob): void;
  /** No more jobs will come from lines before `keepFrom`: the parser holds nothing of them. */
  settle(keepFrom: number): void;
}
