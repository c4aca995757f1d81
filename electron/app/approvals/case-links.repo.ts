import type { CaseRef } from '../../../shared/api/related.js';
import type { CaseState } from '../../../shared/domain/approval/index.js';
import type { Db } from '../db/connection.js';

/** A link as seen from one case: the other side, whichever column it is stored in. */
export interface LinkRow {
  other_id: number;
  note: string;
  created_by: number;
  created_at: string;
}

interface RefRow {
  id: number;
  number: string | null;
  title: string;
  type_id: number;
  type_name: string;
  state: CaseState;
  department_id: number;
  department_name: string;
  disposed_at: string | null;
}

/** Numbers are typed by hand: full-width digits (北広総第１２号) mean the same number. */
export function normalizeDocNumber(text: string): string {
  return text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Links are stored once, smaller id first (the table's CHECK); this puts a pair in that order. */
const ordered = (x: number, y: number): [number, number] => (x < y ? [x, y] : [y, x]);

/** 関連文書: links between two cases, stored once and read from both sides. */
export function createCaseLinksRepo(db: Db) {
  const s = {
    list: db.prepare(`SELECT case_b AS other_id, note, created_by, created_at FROM case_links WHERE case_a = @id
      UNION ALL SELECT case_a, note, created_by, created_at FROM case_links WHERE case_b = @id
      ORDER BY created_at, other_id`),
    insert: db.prepare('INSERT INTO case_links (case_a, case_b, note, created_by, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'),
    get: db.prepare('SELECT note, created_by, created_at FROM case_links WHERE case_a = ? AND case_b = ?'),
    remove: db.prepare('DELETE FROM case_links WHERE case_a = ? AND case_b = ?'),
    byNumber: db.prepare('SELECT id FROM cases WHERE number = ? ORDER BY id'),
    ref: db.prepare(`SELECT c.id, c.number, c.title, c.type_id, t.name AS type_name, c.state, c.department_id, d.name AS department_name, c.disposed_at
      FROM cases c JOIN document_types t ON t.id = c.type_id JOIN departments d ON d.id = c.department_id
      WHERE c.id IN (SELECT value FROM json_each(?))`),
  };
  return {
    list: (caseId: number): LinkRow[] => s.list.all({ id: caseId }) as LinkRow[],
    /** False when the two are already linked (from either side). */
    add(x: number, y: number, note: string, by: number, at: string): boolean {
      return s.insert.run(...ordered(x, y), note, by, at).changes === 1;
    },
    get(x: number, y: number): Omit<LinkRow, 'other_id'> | undefined {
      return s.get.get(...ordered(x, y)) as Omit<LinkRow, 'other_id'> | undefined;
    },
    remove(x: number, y: number): boolean {
      return s.remove.run(...ordered(x, y)).changes === 1;
    },
    /** Cases carrying a document number (one per fiscal year of a series can share it). */
    idsByNumber: (number: string): number[] => (s.byNumber.all(normalizeDocNumber(number)) as { id: number }[]).map((r) => r.id),
    /** Cases as a link or lookup shows them, in the order of `ids`. */
    refs(ids: readonly number[]): CaseRef[] {
      if (ids.length === 0) return [];
      const byId = new Map((s.ref.all(JSON.stringify(ids)) as RefRow[]).map((r) => [r.id, r]));
      return ids.flatMap((id) => {
        const r = byId.get(id);
        if (!r) return [];
        return [{
          caseId: r.id,
          number: r.number,
          title: r.title,
          type: { id: r.type_id, name: r.type_name },
          state: r.state,
          department: { id: r.department_id, name: r.department_name },
          disposed: r.disposed_at !== null,
        }];
      });
    },
  };
}
export type CaseLinksRepo = ReturnType<typeof createCaseLinksRepo>;
