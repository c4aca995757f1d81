import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../../shared/api/approvals.js';
import { api } from '../../../shared/api/endpoints.js';
import { BlobStore } from '../../../electron/app/approvals/blob-store.js';
import { createDocumentTypesRepo } from '../../../electron/app/approvals/document-types.repo.js';
import { buildApp } from '../../../electron/app/server/app.js';
import { bodyOf, signIn, type Client } from '../../helpers/test-app.js';
import { acted, draft, getCase, openTown, pdfBytes, refused, submit, unchanged, upload, type Res } from '../approvals/harness.js';

// 保存・廃棄: decided cases listed by the fiscal year their retention ends in; an admin marks a batch
// disposed with a reason, only cases whose retention is over and never permanent ones. The case row and
// its audit trail stay; blobs no other case uses lose their files; the attachments answer 410 disposed.

let t: Awaited<ReturnType<typeof openTown>>;
/** Kept 1 year (通知・照会への回答), decided in FY2026: retention ends 2028-03-31. Two PDFs: one its own, one shared. */
let kept1: CaseView;
let ownPdf: Buffer;
let sharedPdf: Buffer;
let ownAttachment: number;
/** A draft carrying the shared PDF: its blob must survive the disposal. */
let live: CaseView;
/** A permanent record (永年), decided. */
let permanent: CaseView;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const blobFile = (b: Buffer) => join(t.dataDir, 'blobs', sha(b).slice(0, 2), sha(b));
const dispose = (c: Client, payload: Record<string, unknown>): Promise<Res> => c.inject({ method: 'POST', url: '/api/retention/dispose', payload });
const retention = async (c: Client, query: string) => bodyOf(api.retentionList, await c.inject({ method: 'GET', url: `/api/retention${query}` }));

/** Drafted by the clerk with the PDFs given, approved by the 係長 and decided by the 課長. */
async function decided(typeId: number, title: string, pdfs: Buffer[]): Promise<{ view: CaseView; attachments: number[] }> {
  const clerk = await t.as('clerk');
  const d = await draft(clerk, { typeId, title });
  const attachments: number[] = [];
  for (const [i, pdf] of pdfs.entries()) attachments.push(bodyOf(api.addAttachment, await upload(clerk, d.id, `添付${i + 1}.pdf`, pdf)).id);
  let v = await submit(clerk, bodyOf(api.getCase, await getCase(clerk, d.id)));
  v = await acted(await t.as('kakaricho'), v.id, { action: 'approve', version: v.version });
  v = await acted(await t.as('kacho'), v.id, { action: 'final_approve', version: v.version });
  return { view: v, attachments };
}

beforeAll(async () => {
  t = await openTown();
  const types = createDocumentTypesRepo(t.db, t.clock, { positionExists: () => true, departmentExists: () => true, userExists: () => true });
  const forever = types.create({ code: 'JOREI', name: '例規', retention: 'permanent', sortOrder: 2, template: t.town.types.notice.template }, null);
  ownPdf = await pdfBytes(2);
  sharedPdf = await pdfBytes(3);
  const k = await decided(t.town.types.notice.id, '令和8年度 照会回答', [ownPdf, sharedPdf]);
  kept1 = k.view;
  ownAttachment = k.attachments[0] ?? 0;
  permanent = (await decided(forever.id, '例規の制定', [])).view;
  live = await draft(await t.as('clerk'), { typeId: t.town.types.notice.id, title: '進行中の案件' });
  bodyOf(api.addAttachment, await upload(await t.as('clerk'), live.id, '共有.pdf', sharedPdf));
});
afterAll(async () => t.close());

describe('GET /api/retention', () => {
  it('lists decided cases by the fiscal year their retention ends, with class, dates and disposal state', async () => {
    expect(kept1.disposalOn).toBe('2028-03-31');
    const admin = await t.as('admin');
    const list = await retention(admin, '?fy=2027');
    expect(list).toMatchObject({ fiscalYear: 2027, today: '2026-04-01', canDispose: true });
    expect(list.fiscalYears).toContain(2027);
    // Without a year: last year's, whose records are disposed of this year.
    expect((await retention(admin, '')).fiscalYear).toBe(2025);
    expect(list.items).toEqual([
      expect.objectContaining({ caseId: kept1.id, number: kept1.number, retention: '1', state: 'approved', department: { id: t.town.departments.jinji.id, name: '人事係' }, disposalOn: '2028-03-31', due: false, disposedAt: null }),
    ]);
    // The permanent record has no end of retention: it is in no year.
    expect(JSON.stringify(await retention(admin, '?fy=2026'))).not.toContain(`"caseId":${permanent.id},`);
    expect((await retention(admin, `?fy=2027&department=${t.town.departments.somu.id}`)).items.map((i) => i.caseId)).toEqual([kept1.id]);
    expect((await retention(admin, `?fy=2027&department=${t.town.departments.zaisei.id}`)).items).toEqual([]);
  });

  it('shows a manager their departments’ cases (without the right to dispose), another manager none, and refuses the staff', async () => {
    const access = async (login: string) => bodyOf(api.retentionAccess, await (await t.as(login)).inject({ method: 'GET', url: '/api/retention/access' }));
    expect(await access('admin')).toEqual({ view: true, dispose: true });
    expect(await access('kacho')).toEqual({ view: true, dispose: false });
    expect(await access('clerk')).toEqual({ view: false, dispose: false });
    expect(await retention(await t.as('kacho'), '?fy=2027')).toMatchObject({ canDispose: false, items: [{ caseId: kept1.id }] });
    // The 財政課長 manages another department: the 人事係's case is not theirs to see.
    expect((await retention(await t.as('zaisei'), '?fy=2027')).items).toEqual([]);
    for (const login of ['clerk', 'outsider']) refused(await (await t.as(login)).inject({ method: 'GET', url: '/api/retention?fy=2027' }), 403, 'forbidden');
  });
});

describe('POST /api/retention/dispose', () => {
  it('is for admins only, needs a reason, and changes nothing when refused', async () => {
    const kacho = await t.as('kacho');
    const admin = await t.as('admin');
    await unchanged(t.db, async () => {
      refused(await dispose(kacho, { caseIds: [kept1.id], reason: '保存期間満了' }), 403, 'forbidden');
      expect(refused(await dispose(admin, { caseIds: [kept1.id] }), 400, 'validation').field).toBe('body.reason');
      expect(refused(await dispose(admin, { caseIds: [kept1.id], reason: '   ' }), 400, 'validation').field).toBe('body.reason');
      expect(refused(await dispose(admin, { caseIds: [], reason: '保存期間満了' }), 400, 'validation').field).toBe('body.caseIds');
    });
  });

  it('disposes of nothing before the retention period is over (the last day included)', async () => {
    // 2028-03-31 09:00 in Tokyo: the last day of retention (two years on: sessions are signed in anew).
    t.clock.advance(Date.parse('2028-03-31T09:00:00+09:00') - t.clock.now());
    const admin = await signIn(t.app, 'admin');
    await unchanged(t.db, async () => {
      const r = bodyOf(api.disposeCases, await dispose(admin, { caseIds: [kept1.id, permanent.id, live.id, 99_999], reason: '保存期間満了' }));
      expect(r.results.map((x) => [x.caseId, x.outcome])).toEqual([[kept1.id, 'not_due'], [permanent.id, 'permanent'], [live.id, 'not_decided'], [99_999, 'not_found']]);
      expect(r.filesRemoved).toBe(0);
    });
  });

  it('after it, keeps the row and trail, releases the blobs, deletes files no case uses and keeps shared ones', async () => {
    t.clock.advance(Date.parse('2028-04-01T09:00:00+09:00') - t.clock.now());
    const admin = await signIn(t.app, 'admin');
    expect((await retention(admin, '?fy=2027')).items[0]?.due).toBe(true);
    const trailBefore = t.db.prepare('SELECT id, hash FROM audit_log WHERE case_id = ? ORDER BY id').all(kept1.id);
    expect(existsSync(blobFile(ownPdf))).toBe(true);

    const r = bodyOf(api.disposeCases, await dispose(admin, { caseIds: [kept1.id, permanent.id], reason: '保存期間満了による廃棄' }));
    expect(r.results.map((x) => [x.caseId, x.number, x.outcome])).toEqual([[kept1.id, kept1.number, 'disposed'], [permanent.id, permanent.number, 'permanent']]);
    // Its own PDF and, when the archive PDF was made on approval, that one too.
    const archives = (t.db.prepare('SELECT sha256 FROM case_archives WHERE case_id = ?').all(kept1.id) as { sha256: string }[]).map((x) => x.sha256);
    const released = [sha(ownPdf), ...archives];
    expect(r.filesRemoved).toBe(released.length);

    expect(t.db.prepare('SELECT disposed_at, disposed_by, disposal_reason, state FROM cases WHERE id = ?').get(kept1.id)).toEqual({
      disposed_at: r.disposedAt, disposed_by: t.town.users.admin.id, disposal_reason: '保存期間満了による廃棄', state: 'approved',
    });
    expect(t.db.prepare('SELECT disposed_at FROM cases WHERE id = ?').get(permanent.id)).toEqual({ disposed_at: null });
    // Its own PDF: no reference left, file deleted, row kept as record; the PDF the live draft shares stays.
    expect(t.db.prepare('SELECT refs, removed_at FROM blobs WHERE sha256 = ?').get(sha(ownPdf))).toEqual({ refs: 0, removed_at: r.disposedAt });
    expect(existsSync(blobFile(ownPdf))).toBe(false);
    expect(t.db.prepare('SELECT refs, removed_at FROM blobs WHERE sha256 = ?').get(sha(sharedPdf))).toEqual({ refs: 1, removed_at: null });
    expect(existsSync(blobFile(sharedPdf))).toBe(true);

    // The trail is the old one plus the disposal; the blob removal is recorded too; the chain still verifies.
    const trail = t.db.prepare('SELECT id, hash FROM audit_log WHERE case_id = ? ORDER BY id').all(kept1.id);
    expect(trail.slice(0, trailBefore.length)).toEqual(trailBefore);
    expect(t.db.prepare("SELECT action, actor_id, data FROM audit_log WHERE case_id = ? AND action = 'case.dispose'").all(kept1.id)).toEqual([
      { action: 'case.dispose', actor_id: t.town.users.admin.id, data: JSON.stringify({ reason: '保存期間満了による廃棄' }) },
    ]);
    const removal = t.db.prepare("SELECT data FROM audit_log WHERE action = 'blob.remove'").all() as { data: string }[];
    expect(removal.map((x) => (JSON.parse(x.data) as { sha256: string[] }).sha256.sort())).toEqual([released.sort()]);
    for (const hash of archives) expect(t.db.prepare('SELECT refs FROM blobs WHERE sha256 = ?').get(hash)).toEqual({ refs: 0 });
    expect(bodyOf(api.auditVerify, await admin.inject({ method: 'GET', url: '/api/audit/verify' })).ok).toBe(true);

    // The case is still readable, says when and why it was disposed, and its files answer 410.
    const clerk = await signIn(t.app, 'clerk');
    const outsider = await signIn(t.app, 'outsider');
    expect(bodyOf(api.getCase, await getCase(clerk, kept1.id)).title).toBe(kept1.title);
    expect(bodyOf(api.caseDisposal, await clerk.inject({ method: 'GET', url: `/api/cases/${kept1.id}/disposal` }))).toEqual({
      disposal: { disposedAt: r.disposedAt, disposedBy: { id: t.town.users.admin.id, name: '管理 者', login: 'admin' }, reason: '保存期間満了による廃棄' },
    });
    refused(await clerk.inject({ method: 'GET', url: `/api/cases/${kept1.id}/attachments/${ownAttachment}` }), 410, 'disposed');
    // …but someone who may not see it still gets 404.
    refused(await outsider.inject({ method: 'GET', url: `/api/cases/${kept1.id}/attachments/${ownAttachment}` }), 404, 'not_found');
    refused(await outsider.inject({ method: 'GET', url: `/api/cases/${kept1.id}/disposal` }), 404, 'not_found');
    expect(bodyOf(api.caseDisposal, await clerk.inject({ method: 'GET', url: `/api/cases/${live.id}/disposal` }))).toEqual({ disposal: null });

    const listed = (await retention(admin, '?fy=2027')).items[0];
    expect(listed).toMatchObject({ caseId: kept1.id, due: false, disposedAt: r.disposedAt, disposedBy: { login: 'admin' }, disposalReason: '保存期間満了による廃棄' });
  });

  it('never disposes of a case twice (the schema refuses it too) nor a permanent record', async () => {
    const admin = await signIn(t.app, 'admin');
    await unchanged(t.db, async () => {
      const r = bodyOf(api.disposeCases, await dispose(admin, { caseIds: [kept1.id], reason: 'もう一度' }));
      expect(r.results.map((x) => x.outcome)).toEqual(['already_disposed']);
    });
    expect(() => t.db.prepare("UPDATE cases SET disposed_at = 'x' WHERE id = ?").run(kept1.id)).toThrow(/stays disposed/);
    expect(() => t.db.prepare("UPDATE cases SET disposed_at = 'x' WHERE id = ?").run(permanent.id)).toThrow(/never disposed/);
  });
});

describe('the start-up sweep', () => {
  it('deletes the file of a released blob that a crash left behind, and keeps files in use', async () => {
    const orphan = await pdfBytes(5);
    const store = new BlobStore(join(t.dataDir, 'blobs'));
    await store.put(orphan);
    // As if the process died after the disposal's commit, before its file deletions.
    t.db.prepare("INSERT INTO blobs (sha256, size, refs, created_at, removed_at) VALUES (?, ?, 0, '2028-04-01T00:00:00.000Z', '2028-04-01T00:00:00.000Z')").run(sha(orphan), orphan.length);
    expect(existsSync(blobFile(orphan))).toBe(true);

    const restarted = await buildApp({ db: t.db, mode: 'hub', clock: t.clock, dataDir: t.dataDir });
    await restarted.ready();
    expect(existsSync(blobFile(orphan))).toBe(false);
    expect(existsSync(blobFile(sharedPdf))).toBe(true);
    const admin = await signIn(restarted, 'admin');
    expect((await retention(admin, '?fy=2027')).items.map((i) => i.caseId)).toEqual([kept1.id]);
    await restarted.close();
  });
});
