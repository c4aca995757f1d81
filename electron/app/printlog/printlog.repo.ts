import { createHash } from 'node:crypto';
import { monthOfInstant } from '../../../shared/domain/kpi/months.js';
import type { CounterReading } from '../../../shared/domain/printlog/job.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection.js';
import { BatchReader, type JobBatch } from './job-batch.js';

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
 * migrations 0006 and 0008): written with the file's position by `FileWriter.store`.
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

function readingKey(r: CounterReading): string {
  return createHash('sha1').update([r.month, r.department, r.device, r.sheets, r.colorSheets ?? ''].join('\u001f')).digest('base64url');
}

// Rows stored by one statement: running a statement costs about as much as storing a few rows.
const JOBS_PER_INSERT = 32;
/** Rows read per step of a search: the rows of one content and its neighbours are usually one or two. */
const SEARCH_STEP = 8;
/** The columns bound per job; the file and the format are the same for all of a writer's jobs, written into its statements. */
const JOB_PARAMS = 14;

/** The insert statement of a writer: `rows` jobs of file `fileId` in `format`. */
function insertJobs(verb: string, rows: number, fileId: number, format: string): string {
  if (!Number.isSafeInteger(fileId)) throw new Error(`file id ${fileId}`);
  const row = `(${Array<string>(JOB_PARAMS - 1).fill('?').join(', ')}, '${format.replaceAll("'", "''")}', ${fileId}, ?)`;
  return `${verb} INTO print_jobs (id, time, user, printer, client, document, pages, sheets, copies, sides, n_up, color, paper_size, format, file_id, line)
  VALUES ${Array<string>(rows).fill(row).join(', ')}`;
}

/** SQL of the print-log tables. Synchronous, like all of better-sqlite3: callers batch into transactions. */
export function createPrintlogRepo(db: Db) {
  const s = {
    filesAtPath: db.prepare('SELECT * FROM log_files WHERE path = ? ORDER BY id DESC'),
    fileByHead: db.prepare('SELECT * FROM log_files WHERE head_hash = ? AND head_length = ? ORDER BY id DESC LIMIT 1'),
    insertFile: db.prepare(`INSERT INTO log_files (path, head_hash, head_length, format, encoding, source, first_seen, updated_at)
      VALUES (@path, @headHash, @headLength, @format, @encoding, @source, @now, @now)`),
    moveFile: db.prepare('UPDATE log_files SET path = ?, head_hash = ?, head_length = ?, encoding = ?, updated_at = ? WHERE id = ?'),
    // max() of a NULL is NULL: coalesce keeps whichever of the two times there is.
    setPosition: db.prepare(`UPDATE log_files SET position = @position, line = @line, finished = @finished, updated_at = @now,
      jobs = jobs + @jobs, pages = pages + @pages, sheets = sheets + @sheets, sightings = sightings + @sightings, rejected = rejected + @rejected,
      last_job_time = coalesce(max(last_job_time, @lastJobTime), last_job_time, @lastJobTime)
      WHERE id = @id`),
    // The rows from a key on, and whether each holds the job's content: every column the content's hash covers (job-key.ts).
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
   * Stores what is read from one file, a batch (job-batch.ts) per transaction
   * of the caller: its jobs, counter readings and rejected lines, and the
   * position it reaches, with what it adds to the file's figures
   * (log_files.jobs …, last_job_time). Adds to `tally` as it goes.
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
    const reader = new BatchReader();
    // The file and the format are written into the statements: two values less to bind per job.
    // A key taken fails the whole statement (ABORT undoes only the statement): then its jobs are stored one by one.
    const insertOne = db.prepare(insertJobs('INSERT OR IGNORE', 1, fileId, format));
    // By the number of rows, made when first needed: a run cut short (a job met twice in a row, the end of a batch) is stored in one statement too.
    const inserts: (Statement | undefined)[] = [];
    const insertMany = (rows: number): Statement => (inserts[rows] ??= db.prepare(insertJobs('INSERT', rows, fileId, format)));
    const params: (string | number | null)[] = [];

    /** Stores batch `b`: a fresh object per transaction, so nothing of a failed one is left over. */
    const store = (b: JobBatch, now: string): void => {
      reader.open(b);
      const added = emptyFileTotals();
      // Tokyo months of the jobs stored; one look per hour of log, since a log runs in time order.
      const staleMonths = new Set<string>();
      let lastHour = '';

      const storedNew = (i: number): void => {
        const time = reader.time(b, i);
        // Compared in place: no string cut out per job.
        if (lastHour.length !== 13 || !time.startsWith(lastHour)) {
          lastHour = time.slice(0, 13);
          staleMonths.add(monthOfInstant(time));
        }
        const { pages, sheets } = reader.counts(b, i);
        tally.jobs += 1;
        tally.pages += pages;
        tally.sheets += sheets;
        added.jobs += 1;
        added.pages += pages;
        added.sheets += sheets;
        added.sightings += 1;
      };

      /** A job whose key is taken: finds its row from the key on (see above) and stores what it has to. */
      const search = (i: number): void => {
        const { job, line, key, k } = reader.at(b, i);
        const content = { time: job.time, user: job.user, printer: job.printer, client: job.client, document: job.document, pages: job.pages, sheets: job.sheets,
          copies: job.copies, sides: job.sides, nUp: job.nUp, color: job.color === null ? null : job.color ? 1 : 0, paperSize: job.paperSize };
        let free = key;
        let onThisLine = 0;
        for (;;) {
          const rows = s.rowsFrom.all({ ...content, id: free }) as { id: number; fileId: number; line: number; same: number }[];
          for (const row of rows) {
            if (row.id !== free) break;
            free += 1;
            if (row.same !== 1) continue;
            const lineHere = row.fileId === fileId ? row.line : (s.sightingLine.get(row.id, fileId) as number | undefined);
            if (lineHere === undefined) {
              s.insertSighting.run(row.id, fileId, line);
              tally.duplicates += 1;
              added.sightings += 1;
              return;
            }
            if (lineHere === line && ++onThisLine === k) {
              tally.duplicates += 1;
              return;
            }
          }
          // A step that ended before its last row ended at a free id.
          if (rows.length < SEARCH_STEP || free !== (rows.at(-1)?.id ?? 0) + 1) break;
        }
        params.length = 0;
        reader.pushParams(params, b, i, free);
        insertOne.run(...params);
        storedNew(i);
      };

      /** Stores job `i` alone: a free key means that no row of its content exists (rows of a content sit at the first free ids from its key), so the job is new. */
      const storeOne = (i: number): void => {
        params.length = 0;
        reader.pushParams(params, b, i);
        if (insertOne.run(...params).changes > 0) storedNew(i);
        else search(i);
      };

      /** Stores jobs `from` to `to` (exclusive), whose keys differ, in one statement. */
      const storeRun = (from: number, to: number): void => {
        if (to - from > 1) {
          params.length = 0;
          for (let i = from; i < to; i++) reader.pushParams(params, b, i);
          try {
            // Spread, not an array: better-sqlite3 reads each value of an array through a slow property lookup.
            insertMany(to - from).run(...params);
            for (let i = from; i < to; i++) storedNew(i);
            return;
          } catch (err) {
            if ((err as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw err;
          }
        }
        for (let i = from; i < to; i++) storeOne(i);
      };

      // Runs of jobs with different keys: a job with a key already in the run (the same job twice in
      // a row) would only make the statement fail, so it is stored after the run, alone.
      const runKeys = new Set<number>();
      let from = 0;
      for (let i = 0; i < b.jobs; i++) {
        const key = reader.key(b, i);
        if (runKeys.has(key)) {
          storeRun(from, i);
          storeOne(i);
          runKeys.clear();
          from = i + 1;
          continue;
        }
        runKeys.add(key);
        if (i + 1 - from === JOBS_PER_INSERT) {
          storeRun(from, i + 1);
          runKeys.clear();
          from = i + 1;
        }
      }
      storeRun(from, b.jobs);

      for (const { line, reading: r } of b.readings) {
        const inserted = s.insertReading.run(readingKey(r), r.month, r.department, r.device, r.sheets, r.colorSheets, fileId, line);
        if (inserted.changes > 0) {
          tally.readings += 1;
          tally.counterSheets += r.sheets;
        } else {
          tally.duplicates += 1;
        }
      }
      for (const { line, reason, raw } of b.rejects) {
        if (s.insertReject.run(fileId, line, reason, raw, now).changes > 0) added.rejected += 1;
      }
      for (const month of staleMonths) s.markStale.run(month);
      s.setPosition.run({
        id: fileId, position: b.position, line: b.line, finished: b.finished ? 1 : 0, now, ...added, lastJobTime: b.lastJobTime,
      });
    };
    return { store };
  }
}
export type PrintlogRepo = ReturnType<typeof createPrintlogRepo>;

export interface FileWriter {
  /**
   * Stores a batch and the position it reaches, in the caller's transaction
   * (rows and position commit together, or neither). The batches of a file
   * come in the order they were read.
   */
  store(batch: JobBatch, now: string): void;
}
