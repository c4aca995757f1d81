import { createHash, hash } from 'node:crypto';
import { monthOfInstant } from '../../../shared/domain/kpi/months.js';
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
 * What one transaction adds to a file's stored figures (log_files.jobs …,
 * migration 0006): written with the file's position by `FileWriter.commit`.
 */
interface FileTotals {
  /** Jobs first stored from the file, and their pages and sheets. */
  jobs: number;
  pages: number;
  sheets: number;
  /** Jobs seen in the file, those already stored from another file included. */
  sightings: number;
  rejected: number;
}

const emptyFileTotals = (): FileTotals => ({ jobs: 0, pages: 0, sheets: 0, sightings: 0, rejected: 0 });

/**
 * How often this run has seen a job content on one line (a one-line XML export
 * holds every job on line 1). Only lines the parser may still emit jobs for
 * are kept (see `FileWriter.settle`), so it holds a batch's worth at most, and
 * its entries die young instead of filling the old generation of the heap.
 */
function createLineSeen() {
  // Most lines hold one job: their one content is kept as is, a Map only for a line with more.
  const lines = new Map<number, string | Map<string, number>>();
  return {
    count(line: number, digest: string): number {
      const seen = lines.get(line);
      if (seen === undefined) {
        lines.set(line, digest);
        return 1;
      }
      const counts = typeof seen === 'string' ? new Map([[seen, 1]]) : seen;
      const k = (counts.get(digest) ?? 0) + 1;
      counts.set(digest, k);
      lines.set(line, counts);
      return k;
    },
    forgetBefore(line: number): void {
      for (const seen of lines.keys()) if (seen < line) lines.delete(seen);
    },
  };
}

/** 2000-01-01T00:00:00Z in Unix seconds: a job key counts seconds from it. */
const KEY_EPOCH = 946_684_800;
/** Keys per second: 21 bits of the content's SHA-1 place a job within its second. */
const KEYS_PER_SECOND = 2 ** 21;
/** The last second a key starts in (year 2136): every key, probing past it included, stays an exact JS number. */
const LAST_KEY_SECOND = 2 ** 32 - 2;

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const sixBits = new Uint8Array(128);
for (let i = 0; i < BASE64URL.length; i++) sixBits[BASE64URL.charCodeAt(i)] = i;

/** What a job is known by: where its row goes, and its content's SHA-1. */
export interface JobIdentity {
  /**
   * The job's second (UTC, from 2000) × 2^21 + the first 21 bits of `digest`:
   * the print_jobs id where a search for the job starts (migration 0007). A
   * log is written in time order, so its jobs land at the end of the table.
   */
  key: number;
  /** SHA-1 (base64url) of the job's content; the format, file and line are left out, so a re-export in another layout still matches. */
  digest: string;
}

export function jobIdentity(j: PrintJob): JobIdentity {
  const t = j.time;
  const content = `${t}\u001f${j.user}\u001f${j.printer}\u001f${j.client}\u001f${j.document}\u001f${j.pages}\u001f${j.sheets}\u001f${j.copies}\u001f${j.sides ?? ''}\u001f${j.nUp}\u001f${j.color ?? ''}\u001f${j.paperSize}`;
  const digest = hash('sha1', content, 'base64url');
  const seconds = Math.floor(Date.parse(t) / 1000) - KEY_EPOCH;
  // Written so that a time Date.parse cannot read (NaN) gives 0, as unixepoch's NULL does in 0007.
  const second = seconds > 0 ? Math.min(LAST_KEY_SECOND, seconds) : 0;
  // 4 characters hold 24 bits; the SQL of migration 0007 reads the same 21 the same way.
  const bits = ((sixBits[digest.charCodeAt(0)] ?? 0) << 18) | ((sixBits[digest.charCodeAt(1)] ?? 0) << 12) | ((sixBits[digest.charCodeAt(2)] ?? 0) << 6) | (sixBits[digest.charCodeAt(3)] ?? 0);
  return { key: second * KEYS_PER_SECOND + (bits >>> 3), digest };
}

function readingKey(r: CounterReading): string {
  return createHash('sha1').update([r.month, r.department, r.device, r.sheets, r.colorSheets ?? ''].join('\u001f')).digest('base64url');
}

// Rows stored by one statement: running a statement costs about as much as storing a few rows.
const JOBS_PER_INSERT = 32;
/** Rows read per step of a search: the rows of one content and its neighbours are usually one or two. */
const SEARCH_STEP = 8;
const JOB_COLUMNS = 16;

const insertJobs = (verb: string, rows: number): string => `${verb} INTO print_jobs (id, time, user, printer, client, document,
  pages, sheets, copies, sides, n_up, color, paper_size, format, file_id, line)
  VALUES ${Array<string>(rows).fill(`(${Array<string>(JOB_COLUMNS).fill('?').join(', ')})`).join(', ')}`;

interface WaitingJob {
  line: number;
  job: PrintJob;
  key: number;
  /** The how-manieth job of this content on its line. */
  k: number;
}

const jobParams = (job: PrintJob, key: number, format: string, fileId: number, line: number) => [
  key, job.time, job.user, job.printer, job.client, job.document, job.pages, job.sheets,
  job.copies, job.sides, job.nUp, job.color === null ? null : job.color ? 1 : 0, job.paperSize, format, fileId, line,
];

/** Where one transaction leaves the file (see `FileWriter.commit`). */
export interface FilePosition {
  /** Byte offset where the next read starts, and the number of the line before it. */
  position: number;
  line: number;
  finished: boolean;
  now: string;
}

/** SQL of the print-log tables. Synchronous, like all of better-sqlite3: callers batch into transactions. */
export function createPrintlogRepo(db: Db) {
  const s = {
    filesAtPath: db.prepare('SELECT * FROM log_files WHERE path = ? ORDER BY id DESC'),
    fileByHead: db.prepare('SELECT * FROM log_files WHERE head_hash = ? AND head_length = ? ORDER BY id DESC LIMIT 1'),
    insertFile: db.prepare(`INSERT INTO log_files (path, head_hash, head_length, format, encoding, source, first_seen, updated_at)
      VALUES (@path, @headHash, @headLength, @format, @encoding, @source, @now, @now)`),
    moveFile: db.prepare('UPDATE log_files SET path = ?, head_hash = ?, head_length = ?, encoding = ?, updated_at = ? WHERE id = ?'),
    setPosition: db.prepare(`UPDATE log_files SET position = @position, line = @line, finished = @finished, updated_at = @now,
      jobs = jobs + @jobs, pages = pages + @pages, sheets = sheets + @sheets, sightings = sightings + @sightings, rejected = rejected + @rejected
      WHERE id = @id`),
    // A key taken fails the whole statement (ABORT undoes only the statement): then its jobs are stored one by one.
    insertJobs: db.prepare(insertJobs('INSERT', JOBS_PER_INSERT)),
    insertJob: db.prepare(insertJobs('INSERT OR IGNORE', 1)),
    // The rows from a key on, and whether each holds the job's content: every column the content's SHA-1 covers.
    rowsFrom: db.prepare(`SELECT id, file_id AS fileId, line, time = @time AND user = @user AND printer = @printer AND client = @client
      AND document = @document AND pages = @pages AND sheets = @sheets AND copies = @copies AND sides IS @sides AND n_up = @nUp
      AND color IS @color AND paper_size = @paperSize AS same
      FROM print_jobs WHERE id >= @id ORDER BY id LIMIT ${SEARCH_STEP}`),
    sightingLine: db.prepare('SELECT line FROM job_sightings WHERE job_id = ? AND file_id = ?').pluck(),
    insertSighting: db.prepare('INSERT INTO job_sightings (job_id, file_id, line) VALUES (?, ?, ?)'),
    // The paper KPI's monthly rollups of these months are rebuilt from print_jobs (electron/app/kpi).
    markStale: db.prepare('INSERT OR IGNORE INTO kpi_stale_months (month) VALUES (?)'),
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
    /** The file found again (maybe under another name), about to be read in `encoding`. */
    moveFile(id: number, path: string, headHash: string, headLength: number, encoding: string, now: string): void {
      s.moveFile.run(path, headHash, headLength, encoding, now, id);
    },
    fileWriter: (fileId: number, format: string, tally: BatchTally) => fileWriter(fileId, format, tally),
  };

  /**
   * Stores what is read from one file, in the transactions of the caller:
   * `begin` first, then the file's jobs, counter readings and rejected lines
   * in file order, then `commit` with the position reached, which also adds
   * what the transaction stored to the file's figures (log_files.jobs …).
   * Adds to `tally` as it goes.
   *
   * A job's row is searched for from its key on (migration 0007): the rows of
   * one content sit at the first free ids from its key, in the order they were
   * first read (a different content whose key is the same or near takes the
   * id it finds free). The n-th job of a content in a file is the n-th row of
   * that content, so a job is
   *   - read again (after a crash, a re-import) when the file has already seen
   *     that row on this line: nothing to store;
   *   - a duplicate when a row of its content was seen in other files but not
   *     yet in this one: a sighting (job_sightings) records that it was;
   *   - new when there is no such row left: it gets the free id where the search ended.
   * A row records where it was first read (file_id, line), so only duplicates
   * need a sighting. New lines of a file usually hold new jobs, whose key is
   * free, so a job whose key is free is new (no row of its content exists):
   * those are inserted many per statement without any search; a statement
   * that meets a taken key is undone, and its jobs stored one by one.
   */
  function fileWriter(fileId: number, format: string, tally: BatchTally): FileWriter {
    const seen = createLineSeen();
    const added = emptyFileTotals();
    // Jobs wait here to be inserted JOBS_PER_INSERT rows per statement; all
    // are stored before anything searches print_jobs, and before the commit.
    const waiting: WaitingJob[] = [];
    // Their keys: a second job with one of them (the same job twice in a row)
    // would only make the statement fail, so it is stored after them, alone.
    const waitingKeys = new Set<number>();
    const params: (string | number | null)[] = [];

    // Tokyo months of the jobs stored in this transaction; one look per hour of log, since a log runs in time order.
    const staleMonths = new Set<string>();
    let lastHour = '';
    const storedNew = (job: PrintJob): void => {
      const hour = job.time.slice(0, 13);
      if (hour !== lastHour) {
        lastHour = hour;
        staleMonths.add(monthOfInstant(job.time));
      }
      tally.jobs += 1;
      tally.pages += job.pages;
      tally.sheets += job.sheets;
      added.jobs += 1;
      added.pages += job.pages;
      added.sheets += job.sheets;
      added.sightings += 1;
    };

    /** A job whose key is taken: finds its row from the key on (see above) and stores what it has to. */
    const search = (w: WaitingJob): void => {
      const { job } = w;
      const content = { time: job.time, user: job.user, printer: job.printer, client: job.client, document: job.document, pages: job.pages, sheets: job.sheets,
        copies: job.copies, sides: job.sides, nUp: job.nUp, color: job.color === null ? null : job.color ? 1 : 0, paperSize: job.paperSize };
      let free = w.key;
      let onThisLine = 0;
      for (;;) {
        const rows = s.rowsFrom.all({ ...content, id: free }) as { id: number; fileId: number; line: number; same: number }[];
        for (const row of rows) {
          if (row.id !== free) break;
          free += 1;
          if (row.same !== 1) continue;
          const lineHere = row.fileId === fileId ? row.line : (s.sightingLine.get(row.id, fileId) as number | undefined);
          if (lineHere === undefined) {
            s.insertSighting.run(row.id, fileId, w.line);
            tally.duplicates += 1;
            added.sightings += 1;
            return;
          }
          if (lineHere === w.line && ++onThisLine === w.k) {
            tally.duplicates += 1;
            return;
          }
        }
        // A step that ended before its last row ended at a free id.
        if (rows.length < SEARCH_STEP || free !== (rows.at(-1)?.id ?? 0) + 1) break;
      }
      s.insertJob.run(jobParams(job, free, format, fileId, w.line));
      storedNew(job);
    };

    /** Stores one job: a free key means that no row of its content exists (rows of a content sit at the first free ids from its key), so the job is new. */
    const store = (w: WaitingJob): void => {
      if (s.insertJob.run(jobParams(w.job, w.key, format, fileId, w.line)).changes > 0) storedNew(w.job);
      else search(w);
    };

    const flush = (): void => {
      let inserted = false;
      if (waiting.length === JOBS_PER_INSERT) {
        try {
          s.insertJobs.run(params);
          inserted = true;
        } catch (err) {
          if ((err as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw err;
        }
      }
      for (const w of waiting) {
        if (inserted) storedNew(w.job);
        else store(w);
      }
      waiting.length = 0;
      waitingKeys.clear();
      params.length = 0;
    };

    return {
      begin() {
        // What a failed transaction left here was rolled back with it.
        waiting.length = 0;
        waitingKeys.clear();
        params.length = 0;
        Object.assign(added, emptyFileTotals());
        staleMonths.clear();
        lastHour = '';
      },
      job(line, job, id = jobIdentity(job)) {
        const w: WaitingJob = { line, job, key: id.key, k: seen.count(line, id.digest) };
        if (waitingKeys.has(w.key)) {
          flush();
          store(w);
          return;
        }
        waiting.push(w);
        waitingKeys.add(w.key);
        for (const v of jobParams(job, id.key, format, fileId, line)) params.push(v);
        if (waiting.length === JOBS_PER_INSERT) flush();
      },
      reading(line, r) {
        const inserted = s.insertReading.run(readingKey(r), r.month, r.department, r.device, r.sheets, r.colorSheets, fileId, line);
        if (inserted.changes > 0) {
          tally.readings += 1;
          tally.counterSheets += r.sheets;
        } else {
          tally.duplicates += 1;
        }
      },
      reject(line, reason, raw, now) {
        if (s.insertReject.run(fileId, line, reason, raw.slice(0, 2000), now).changes > 0) added.rejected += 1;
      },
      commit(at) {
        flush();
        for (const month of staleMonths) s.markStale.run(month);
        staleMonths.clear();
        lastHour = '';
        s.setPosition.run({ id: fileId, position: at.position, line: at.line, finished: at.finished ? 1 : 0, now: at.now, ...added });
      },
      settle(keepFrom) {
        seen.forgetBefore(keepFrom);
      },
    };
  }
}
export type PrintlogRepo = ReturnType<typeof createPrintlogRepo>;

export interface FileWriter {
  /** Call first in each transaction. */
  begin(): void;
  /** A job read on `line`; `id` when already worked out (jobIdentity). */
  job(line: number, job: PrintJob, id?: JobIdentity): void;
  reading(line: number, r: CounterReading): void;
  reject(line: number, reason: string, raw: string, now: string): void;
  /** Call last in each transaction: stores what still waits and where the file was read to. */
  commit(at: FilePosition): void;
  /** No more jobs will come from lines before `keepFrom`: the parser holds nothing of them. */
  settle(keepFrom: number): void;
}
