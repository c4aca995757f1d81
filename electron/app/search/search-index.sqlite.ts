import type { Db } from '../db/connection.js';
import type { PdfText } from './pdf-text.js';
import { normalizeText, shortGrams } from './search-terms.js';

interface SourceRow {
  number: string | null;
  title: string;
  body: string | null;
  comments: string | null;
  disposed_at: string | null;
}

/**
 * The write side of search (SQLite: FTS5 and triggers): cases marked pending by
 * the triggers of migration 0013 get their case_search row rebuilt here, and
 * extracted PDF text is stored per blob.
 */
export function createSearchIndex(db: Db) {
  const s = {
    pending: db.prepare('SELECT case_id FROM case_search_pending ORDER BY case_id LIMIT ?'),
    source: db.prepare(`SELECT c.number, c.title, json_extract(c.snapshot, '$.body') AS body, c.disposed_at,
        (SELECT group_concat(t, char(10)) FROM (
           SELECT concat_ws(' ', json_extract(e.data, '$.comment'), json_extract(e.data, '$.reason')) AS t
           FROM case_events e WHERE e.case_id = c.id ORDER BY e.version) WHERE t != '') AS comments
      FROM cases c WHERE c.id = ?`),
    pdf: db.prepare(`SELECT group_concat(p.text, char(10)) AS text
      FROM (SELECT DISTINCT sha256 FROM case_attachments WHERE case_id = ? AND removed_at IS NULL) a JOIN pdf_texts p ON p.sha256 = a.sha256`),
    remove: db.prepare('DELETE FROM case_search WHERE rowid = ?'),
    insert: db.prepare('INSERT INTO case_search (rowid, number, title, body, comments, pdf) VALUES (?, ?, ?, ?, ?, ?)'),
    removeShort: db.prepare('DELETE FROM case_search_short WHERE rowid = ?'),
    insertShort: db.prepare('INSERT INTO case_search_short (rowid, grams) VALUES (?, ?)'),
    done: db.prepare('DELETE FROM case_search_pending WHERE case_id = ?'),
    unread: db.prepare('SELECT sha256 FROM pdf_text_queue LIMIT ?'),
    storeText: db.prepare(`INSERT INTO pdf_texts (sha256, text, pages, has_text_layer, error, extracted_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (sha256) DO UPDATE SET text = excluded.text, pages = excluded.pages, has_text_layer = excluded.has_text_layer,
        error = excluded.error, extracted_at = excluded.extracted_at`),
  };

  const reindex = (caseId: number): void => {
    s.remove.run(caseId);
    s.removeShort.run(caseId);
    const row = s.source.get(caseId) as SourceRow | undefined;
    if (row) {
      // A disposed case keeps its record fields findable; the text of its files goes with the files.
      const pdf = row.disposed_at === null ? ((s.pdf.get(caseId) as { text: string | null }).text ?? '') : '';
      const columns = [row.number ?? '', row.title, row.body ?? '', row.comments ?? '', pdf].map(normalizeText);
      s.insert.run(caseId, ...columns);
      s.insertShort.run(caseId, columns.map(shortGrams).join(' '));
    }
    s.done.run(caseId);
  };

  return {
    /** Rebuilds the rows of up to `limit` pending cases in one transaction; answers how many. */
    flush(limit: number): number {
      return db.transaction(() => {
        const ids = (s.pending.all(limit) as { case_id: number }[]).map((r) => r.case_id);
        for (const id of ids) reindex(id);
        return ids.length;
      }).immediate();
    },
    /** Attached blobs whose text has not been read yet (a queue kept by triggers). */
    unreadBlobs: (limit: number): string[] => (s.unread.all(limit) as { sha256: string }[]).map((r) => r.sha256),
    /** Stores what reading a blob gave; the cases it is attached to become pending (a trigger). */
    storeText(sha256: string, result: PdfText, at: string): void {
      if (result.ok) s.storeText.run(sha256, result.text, result.pages, result.hasTextLayer ? 1 : 0, null, at);
      else s.storeText.run(sha256, '', 0, 1, result.error, at);
    },
  };
}
export type SearchIndex = ReturnType<typeof createSearchIndex>;
