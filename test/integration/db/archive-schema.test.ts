import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf } from '../../helpers/test-app.js';
import { draft, openTown, pdfBytes, upload, type Town } from '../approvals/harness.js';

// Migration 0012: blobs counted by the rows that refer to them, archive rows frozen, links stored once,
// disposal final and never for permanent retention. The triggers hold whatever code writes the rows.

let town: Town & { close: () => Promise<void> };
beforeAll(async () => {
  town = await openTown();
});
afterAll(async () => town.close());

const refsOf = (sha256: string) => town.db.prepare('SELECT refs, removed_at AS removedAt FROM blobs WHERE sha256 = ?').get(sha256);

describe('0012 archive, links and disposal schema', () => {
  it('counts every attachment and archive row referring to a blob and releases them when the case is disposed', async () => {
    const clerk = await town.as('clerk');
    const pdf = await pdfBytes(2);
    const a = await draft(clerk, { typeId: town.town.types.notice.id, title: '一' });
    const b = await draft(clerk, { typeId: town.town.types.notice.id, title: '二' });
    const att = bodyOf(api.addAttachment, await upload(clerk, a.id, 'x.pdf', pdf));
    bodyOf(api.addAttachment, await upload(clerk, b.id, 'x.pdf', pdf));
    expect(refsOf(att.sha256)).toEqual({ refs: 2, removedAt: null });

    town.db.prepare("INSERT INTO case_archives (case_id, case_version, sha256, size, pages, created_at) VALUES (?, 1, ?, 10, 1, '2024-05-01T00:00:00Z')").run(a.id, 'f'.repeat(64));
    expect(refsOf('f'.repeat(64))).toEqual({ refs: 1, removedAt: null });
    expect(() => town.db.prepare('UPDATE case_archives SET pages = 2 WHERE case_id = ?').run(a.id)).toThrow(/never changed/);

    town.db.prepare("UPDATE cases SET disposed_at = '2035-04-01T00:00:00Z', disposal_reason = '保存期間満了' WHERE id = ?").run(a.id);
    expect(refsOf(att.sha256)).toEqual({ refs: 1, removedAt: null });
    expect(refsOf('f'.repeat(64))).toEqual({ refs: 0, removedAt: null });
    expect(() => town.db.prepare("UPDATE cases SET disposed_at = '2036-04-01T00:00:00Z' WHERE id = ?").run(a.id)).toThrow(/stays disposed/);
  });

  it('never disposes of a permanently kept case', async () => {
    const clerk = await town.as('clerk');
    const c = await draft(clerk, { typeId: town.town.types.notice.id, title: '永年' });
    town.db.prepare("UPDATE cases SET retention = 'permanent' WHERE id = ?").run(c.id);
    expect(() => town.db.prepare("UPDATE cases SET disposed_at = '2035-04-01T00:00:00Z' WHERE id = ?").run(c.id)).toThrow(/never disposed/);
  });

  it('stores a link once, smaller case id first', async () => {
    const clerk = await town.as('clerk');
    const a = await draft(clerk, { typeId: town.town.types.notice.id });
    const b = await draft(clerk, { typeId: town.town.types.notice.id });
    const link = town.db.prepare("INSERT INTO case_links (case_a, case_b, created_by, created_at) VALUES (?, ?, ?, '2024-05-01T00:00:00Z')");
    const clerkId = town.town.users.clerk.id;
    link.run(a.id, b.id, clerkId);
    expect(() => link.run(b.id, a.id, clerkId)).toThrow(/CHECK/);
    expect(() => link.run(a.id, b.id, clerkId)).toThrow(/UNIQUE|PRIMARY/);
  });
});
