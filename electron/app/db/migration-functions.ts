import { jobKey } from '../../../shared/domain/printlog/job-key.js';
import type { Db } from './connection.js';

const text = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));
const count = (v: unknown): number => Number(v);

/**
 * SQL functions the migrations call, for what has to be the app's own code
 * rather than SQL: given to the connection before any migration runs.
 */
export function addMigrationFunctions(db: Db): void {
  // print_jobs columns → the key an import works out for that job (0015). A BigInt, so SQLite gets an integer, not a real.
  db.function('job_key', { deterministic: true }, (time: unknown, user: unknown, printer: unknown, client: unknown, document: unknown, pages: unknown,
    sheets: unknown, copies: unknown, sides: unknown, nUp: unknown, color: unknown, paperSize: unknown) => BigInt(jobKey({
    time: text(time), user: text(user), printer: text(printer), client: text(client), document: text(document), pages: count(pages), sheets: count(sheets),
    copies: count(copies), sides: sides === 1 || sides === 2 ? sides : null, nUp: count(nUp), color: color === null ? null : color === 1, paperSize: text(paperSize),
  })));
}
