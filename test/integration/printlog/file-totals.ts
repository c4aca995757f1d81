import type { Db } from '../../../electron/app/db/connection.js';
import { createImportsRepo } from '../../../electron/app/printlog/imports.repo.js';

export interface FileFigures {
  id: number;
  jobs: number;
  pages: number;
  sheets: number;
  sightings: number;
  rejected: number;
  /** The newest job read from the file, duplicates included (null before its first job). */
  last_job_time: string | null;
}

/** Each file's figures as stored on it (log_files, kept by the import). */
export function storedTotals(db: Db): FileFigures[] {
  return db.prepare('SELECT id, jobs, pages, sheets, sightings, rejected, last_job_time FROM log_files ORDER BY id').all() as FileFigures[];
}

/**
 * The same figures counted from the rows themselves, the slow way the stored
 * totals replace: jobs first stored from the file, the jobs seen in it
 * (first stored there, or recorded as a sighting of a job stored from
 * another file), its rejected lines, and the newest of the jobs seen in it.
 */
export function countedTotals(db: Db): FileFigures[] {
  return db.prepare(`
    SELECT f.id,
      (SELECT count(*) FROM print_jobs j WHERE j.file_id = f.id) AS jobs,
      (SELECT coalesce(sum(j.pages), 0) FROM print_jobs j WHERE j.file_id = f.id) AS pages,
      (SELECT coalesce(sum(j.sheets), 0) FROM print_jobs j WHERE j.file_id = f.id) AS sheets,
      (SELECT count(*) FROM print_jobs j WHERE j.file_id = f.id) + (SELECT count(*) FROM job_sightings s WHERE s.file_id = f.id) AS sightings,
      (SELECT count(*) FROM rejected_lines r WHERE r.file_id = f.id) AS rejected,
      (SELECT max(time) FROM (SELECT j.time FROM print_jobs j WHERE j.file_id = f.id
        UNION ALL SELECT j.time FROM job_sightings s JOIN print_jobs j ON j.id = s.job_id WHERE s.file_id = f.id)) AS last_job_time
    FROM log_files f ORDER BY f.id`).all() as FileFigures[];
}

/** The header cards' figures from the stored totals must be those of the rows too. */
export function summaryMatchesRows(db: Db): { summary: unknown; rows: unknown } {
  const summary = createImportsRepo(db).summary({ start: '2000-01-01T00:00:00.000Z', end: '2000-01-02T00:00:00.000Z' });
  const rows = db.prepare(`SELECT (SELECT count(*) FROM log_files) AS files, count(*) AS jobs, coalesce(sum(pages), 0) AS pages,
    coalesce(sum(sheets), 0) AS sheets, (SELECT count(*) FROM rejected_lines) AS rejected FROM print_jobs`).get();
  const { files, jobs, pages, sheets, rejected } = summary;
  return { summary: { files, jobs, pages, sheets, rejected }, rows };
}
