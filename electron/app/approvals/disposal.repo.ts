import type { CaseState, Retention } from '../../../shared/domain/approval/index.js';
import type { Db } from '../db/connection.js';
import { visibilityWhere, type Visibility } from './cases.repo.js';

export interface RetentionRow {
  id: number;
  number: string | null;
  title: string;
  type_id: number;
  type_name: string;
  department_id: number;
  department_name: string;
  retention: Retention;
  state: CaseState;
  approved_at: string | null;
  disposal_on: string;
  disposed_at: string | null;
  disposed_by: number | null;
  disposal_reason: string | null;
}

export interface DisposalTarget {
  id: number;
  number: string | null;
  title: string;
  state: CaseState;
  version: number;
  retention: Retention;
  disposal_on: string | null;
  disposed_at: string | null;
}

const DECIDED = `c.state IN ('approved', 'enforced')`;

/** 保存・廃棄: decided cases by the end of their retention, and the disposal columns of `cases` and `blobs`. */
export function createDisposalRepo(db: Db) {
  const s = {
    lastDays: db.prepare(`SELECT DISTINCT c.disposal_on AS day FROM cases c WHERE ${DECIDED} AND c.disposal_on IS NOT NULL ORDER BY 1`),
    target: db.prepare('SELECT id, number, title, state, version, retention, disposal_on, disposed_at FROM cases WHERE id = ?'),
    mark: db.prepare('UPDATE cases SET disposed_at = ?, disposed_by = ?, disposal_reason = ? WHERE id = ? AND disposed_at IS NULL'),
    release: db.prepare('UPDATE blobs SET removed_at = ? WHERE refs = 0 AND removed_at IS NULL RETURNING sha256'),
    released: db.prepare('SELECT sha256 FROM blobs WHERE refs = 0 AND removed_at IS NOT NULL'),
    stillReleased: db.prepare('SELECT 1 FROM blobs WHERE sha256 = ? AND refs = 0 AND removed_at IS NOT NULL'),
    ofCase: db.prepare('SELECT disposed_at, disposed_by, disposal_reason FROM cases WHERE id = ?'),
  };
  return {
    /** Decided cases the caller may see whose retention ends between two days (YYYY-MM-DD, inclusive), of some departments or all. */
    endingBetween(first: string, last: string, visibility: Visibility, departmentIds: readonly number[] | null): RetentionRow[] {
      const visible = visibilityWhere(visibility);
      const where = [`${DECIDED} AND c.disposal_on BETWEEN ? AND ?`, ...(visible ? [visible.sql] : []), ...(departmentIds ? ['c.department_id IN (SELECT value FROM json_each(?))'] : [])];
      const args = [first, last, ...(visible?.args ?? []), ...(departmentIds ? [JSON.stringify(departmentIds)] : [])];
      return db
        .prepare(`SELECT c.id, c.number, c.title, c.type_id, t.name AS type_name, c.department_id, d.name AS department_name, c.retention, c.state,
            c.approved_at, c.disposal_on, c.disposed_at, c.disposed_by, c.disposal_reason
          FROM cases c JOIN document_types t ON t.id = c.type_id JOIN departments d ON d.id = c.department_id
          WHERE ${where.join(' AND ')} ORDER BY c.disposal_on, c.number_dept, c.number_seq, c.id`)
        .all(...args) as RetentionRow[];
    },
    /** The distinct last days of retention of decided cases. */
    lastDays: (): string[] => (s.lastDays.all() as { day: string }[]).map((r) => r.day),
    target: (id: number): DisposalTarget | undefined => s.target.get(id) as DisposalTarget | undefined,
    /** Sets the disposal columns (the triggers release the case's blobs and refuse permanent records). */
    markDisposed(id: number, at: string, by: number, reason: string): boolean {
      return s.mark.run(at, by, reason, id).changes === 1;
    },
    /** Marks every blob no row uses any more as removed; their files are deleted after the commit. */
    releaseUnused: (at: string): string[] => (s.release.all(at) as { sha256: string }[]).map((r) => r.sha256),
    /** Blobs marked removed: the start-up sweep deletes any file a crash left behind. */
    released: (): string[] => (s.released.all() as { sha256: string }[]).map((r) => r.sha256),
    /** Not used again since it was released (the same bytes uploaded anew bring the blob back). */
    isStillReleased: (sha256: string): boolean => s.stillReleased.get(sha256) !== undefined,
    disposalOf(id: number): { disposed_at: string | null; disposed_by: number | null; disposal_reason: string | null } | undefined {
      return s.ofCase.get(id) as { disposed_at: string | null; disposed_by: number | null; disposal_reason: string | null } | undefined;
    },
  };
}
export type DisposalRepo = ReturnType<typeof createDisposalRepo>;
