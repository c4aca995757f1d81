import type { Statement } from 'better-sqlite3';
import { AppError } from '../app-error.js';
import type { Db } from '../db/connection.js';

const statements = new WeakMap<Db, Statement>();

/**
 * 410 `disposed` for the files of a disposed case (attachments, archive PDF,
 * export): its record stays readable, its files are gone. Call after the
 * visibility check, so a hidden case still answers 404.
 */
export function refuseIfDisposed(db: Db, caseId: number): void {
  let q = statements.get(db);
  if (!q) statements.set(db, (q = db.prepare('SELECT disposed_at FROM cases WHERE id = ?')));
  const row = q.get(caseId) as { disposed_at: string | null } | undefined;
  if (row?.disposed_at) throw new AppError('disposed', { detail: `case ${caseId} was disposed at ${row.disposed_at}` });
}
