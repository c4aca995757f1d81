import type { Db } from '../db/connection.js';

/** A made archive PDF: one per case version recorded; the latest is the one served. */
export interface ArchiveRow {
  id: number;
  caseId: number;
  caseVersion: number;
  sha256: string;
  size: number;
  pages: number;
  createdAt: string;
}

const COLUMNS = 'id, case_id AS caseId, case_version AS caseVersion, sha256, size, pages, created_at AS createdAt';

export function createArchivesRepo(db: Db) {
  const s = {
    latest: db.prepare(`SELECT ${COLUMNS} FROM case_archives WHERE case_id = ? ORDER BY case_version DESC LIMIT 1`),
    list: db.prepare(`SELECT ${COLUMNS} FROM case_archives WHERE case_id = ? ORDER BY case_version DESC`),
    // A second maker of the same version (another process, a request beside the event) adds nothing.
    insert: db.prepare(`INSERT INTO case_archives (case_id, case_version, sha256, size, pages, created_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (case_id, case_version) DO NOTHING`),
    disposedAt: db.prepare('SELECT disposed_at AS disposedAt FROM cases WHERE id = ?'),
  };
  return {
    latest: (caseId: number): ArchiveRow | undefined => s.latest.get(caseId) as ArchiveRow | undefined,
    list: (caseId: number): ArchiveRow[] => s.list.all(caseId) as ArchiveRow[],
    /** The new row's id, or null when that version was already recorded. */
    insert(row: Omit<ArchiveRow, 'id'>): number | null {
      const r = s.insert.run(row.caseId, row.caseVersion, row.sha256, row.size, row.pages, row.createdAt);
      return r.changes === 1 ? Number(r.lastInsertRowid) : null;
    },
    disposedAt: (caseId: number): string | null => (s.disposedAt.get(caseId) as { disposedAt: string | null } | undefined)?.disposedAt ?? null,
  };
}
export type ArchivesRepo = ReturnType<typeof createArchivesRepo>;
