import type { Db } from '../../../electron/app/db/connection.js';
import { jobKey } from '../../../shared/domain/printlog/job-key.js';
import type { PrintJob } from '../../../shared/domain/printlog/job.js';

interface JobRow {
  id: number;
  time: string;
  user: string;
  printer: string;
  client: string;
  document: string;
  pages: number;
  sheets: number;
  copies: number;
  sides: 1 | 2 | null;
  n_up: number;
  color: number | null;
  paper_size: string;
}

export const jobOfRow = (r: JobRow): PrintJob => ({
  time: r.time, user: r.user, printer: r.printer, client: r.client, document: r.document, pages: r.pages, sheets: r.sheets,
  copies: r.copies, sides: r.sides, nUp: r.n_up, color: r.color === null ? null : r.color === 1, paperSize: r.paper_size,
});

/**
 * The ids of jobs a search from their key would not reach (migration 0007):
 * a job's id is its key or above, and every id from its key up to its own is
 * taken, so that no free id stops the search before it.
 */
export function keysConsistent(db: Db): number[] {
  const rows = db.prepare('SELECT * FROM print_jobs ORDER BY id').all() as JobRow[];
  const taken = new Set(rows.map((r) => r.id));
  return rows.filter((r) => {
    const key = jobKey(jobOfRow(r));
    if (key > r.id) return true;
    for (let id = key; id < r.id; id++) if (!taken.has(id)) return true;
    return false;
  }).map((r) => r.id);
}
