import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/app/db/connection.js';
import { loadMigrations, migrate } from '../../../electron/app/db/migrate.js';
import { createSearchIndex } from '../../../electron/app/search/search-index.sqlite.js';
import { approvalTown } from '../../helpers/approval-town.js';

// Migration 0013 on a database that already has cases: every case is marked for indexing and every current
// attachment queued for reading, so the first start after the upgrade indexes what was there before.

describe('0013 search', () => {
  it('marks existing cases pending and queues their attachments', async () => {
    const db = openDatabase(':memory:');
    const all = loadMigrations();
    migrate(db, all.filter((m) => m.version < 13));
    const town = await approvalTown(db);
    const templateId = (db.prepare('SELECT current_template_id AS id FROM document_types WHERE id = ?').get(town.types.notice.id) as { id: number }).id;
    db.prepare(`INSERT INTO cases (id, type_id, template_id, drafter_id, department_id, site_id, state, version, revision, title, retention, snapshot, created_at, updated_at)
      VALUES (7, ?, ?, ?, ?, ?, 'draft', 1, 1, '移行前の案件', '1', json_object('body', '移行前の本文'), '2025-04-01T00:00:00Z', '2025-04-01T00:00:00Z')`)
      .run(town.types.notice.id, templateId, town.users.clerk.id, town.departments.jinji.id, town.sites.hq.id);
    const insertAttachment = db.prepare(`INSERT INTO case_attachments (case_id, revision, name, sha256, size, pages, created_by, created_at, removed_at)
      VALUES (7, 1, 'a.pdf', ?, 10, 1, ?, '2025-04-01T00:00:00Z', ?)`);
    insertAttachment.run('a'.repeat(64), town.users.clerk.id, null);
    insertAttachment.run('b'.repeat(64), town.users.clerk.id, '2025-04-02T00:00:00Z');

    migrate(db, all);
    expect(db.prepare('SELECT case_id FROM case_search_pending').all()).toEqual([{ case_id: 7 }]);
    expect(db.prepare('SELECT sha256 FROM pdf_text_queue').all()).toEqual([{ sha256: 'a'.repeat(64) }]);
    expect(createSearchIndex(db).flush(10)).toBe(1);
    expect(db.prepare("SELECT rowid AS id FROM case_search WHERE case_search MATCH '\"移行前の本文\"'").all()).toEqual([{ id: 7 }]);
    db.close();
  });
});
