import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../../shared/api/approvals.js';
import { api } from '../../../shared/api/endpoints.js';
import type { Db } from '../../../electron/app/db/connection.js';
import { buildApp } from '../../../electron/app/server/app.js';
import { approvalTown, type ApprovalTown } from '../../helpers/approval-town.js';
import { bodyOf, makeTempDir, removeTempDir, settlesWith, signIn, testClock, testDb, type Client } from '../../helpers/test-app.js';
import { acted, caseOf, draft, filesUnder, getCase, pdfBytes, refused, submit, unchanged, upload } from './harness.js';

// Attachments: multipart PDFs (field `file`) on a draft or a case sent back, by its drafter; checked to be
// a readable PDF and counted in pages; limited in size; stored once by SHA-256 and served back unchanged.

const LIMIT = 64 * 1024;
let app: FastifyInstance;
let db: Db;
let dataDir: string;
let town: ApprovalTown;
const clients = new Map<string, Client>();
const as = async (login: string): Promise<Client> => {
  const c = clients.get(login) ?? (await signIn(app, login));
  clients.set(login, c);
  return c;
};
const blobs = () => filesUnder(join(dataDir, 'blobs'));

beforeAll(async () => {
  db = testDb();
  const clock = testClock();
  town = await approvalTown(db, clock);
  dataDir = makeTempDir('kamiless-attachments-');
  app = await buildApp({ db, mode: 'hub', clock, dataDir, attachmentMaxBytes: LIMIT });
  settlesWith(db, app);
});
afterAll(async () => {
  await app.close();
  db.close();
  removeTempDir(dataDir);
});

const newDraft = async (): Promise<CaseView> => draft(await as('clerk'), { typeId: town.types.notice.id, title: '添付あり' });

describe('POST /api/cases/:id/attachments', () => {
  it('stores a real PDF, counts its pages, lists it on the case and serves the same bytes back', async () => {
    const clerk = await as('clerk');
    const c = await newDraft();
    const pdf = await pdfBytes(3);
    const sha256 = createHash('sha256').update(pdf).digest('hex');

    const att = bodyOf(api.addAttachment, await upload(clerk, c.id, '見積書.pdf', pdf));
    expect(att).toMatchObject({ name: '見積書.pdf', size: pdf.length, pages: 3, sha256, revision: 1, createdBy: { login: 'clerk' } });
    expect(existsSync(join(dataDir, 'blobs', sha256.slice(0, 2), sha256))).toBe(true);
    expect(caseOf(await getCase(clerk, c.id)).attachments).toEqual([att]);
    expect(db.prepare("SELECT action, version FROM audit_log WHERE case_id = ? AND action = 'case.attachment.add'").all(c.id)).toEqual([{ action: 'case.attachment.add', version: c.version }]);

    const res = await clerk.inject({ method: 'GET', url: `/api/cases/${c.id}/attachments/${att.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.equals(pdf)).toBe(true);
    // The same attachment id under another case is not found.
    const other = await newDraft();
    refused(await clerk.inject({ method: 'GET', url: `/api/cases/${other.id}/attachments/${att.id}` }), 404, 'not_found');

    // The same bytes twice are stored once.
    bodyOf(api.addAttachment, await upload(clerk, other.id, 'copy.pdf', pdf));
    expect(blobs().filter((f) => f.endsWith(sha256))).toHaveLength(1);
  });

  it('refuses a file that is not a PDF (a .txt renamed .pdf, a broken PDF) with 422 invalid_file, storing nothing', async () => {
    const clerk = await as('clerk');
    const c = await newDraft();
    const before = blobs();
    await unchanged(db, async () => {
      const txt = refused(await upload(clerk, c.id, 'memo.pdf', Buffer.from('これはテキストです\n', 'utf8')), 422, 'invalid_file');
      expect(txt.field).toBe('body.file');
      refused(await upload(clerk, c.id, 'broken.pdf', Buffer.from('%PDF-1.7\n1 0 obj <<>> garbage', 'latin1')), 422, 'invalid_file');
      const field = refused(await upload(clerk, c.id, 'a.pdf', await pdfBytes(1), 'document'), 400, 'validation');
      expect(field.field).toBe('body.file');
    });
    expect(blobs()).toEqual(before);
  });

  it('refuses a file over the limit with 413 too_large, storing nothing', async () => {
    const clerk = await as('clerk');
    const c = await newDraft();
    const before = blobs();
    const big = Buffer.concat([await pdfBytes(1), Buffer.alloc(LIMIT, 0x20)]);
    await unchanged(db, async () => {
      const err = refused(await upload(clerk, c.id, 'big.pdf', big), 413, 'too_large');
      expect(err.field).toBe('body.file');
    });
    expect(blobs()).toEqual(before);
  });

  it('only the drafter, only while a draft or sent back: wrong_state after submission, storing nothing', async () => {
    const clerk = await as('clerk');
    let c = await newDraft();
    const pdf = await pdfBytes(2);
    const before = blobs();
    const kacho = await as('kacho');
    await unchanged(db, async () => refused(await upload(kacho, c.id, 'kacho.pdf', pdf), 403, 'not_entitled'));
    expect(blobs()).toEqual(before);

    c = await submit(clerk, c);
    await unchanged(db, async () => {
      refused(await upload(clerk, c.id, 'late.pdf', pdf), 409, 'wrong_state');
      refused(await clerk.inject({ method: 'DELETE', url: `/api/cases/${c.id}/attachments/1` }), 409, 'wrong_state');
    });
    expect(blobs()).toEqual(before);

    // Sent back to the drafter: attachments may change again.
    c = await acted(await as('kakaricho'), c.id, { action: 'send_back', version: c.version, comment: '資料を添付のこと' });
    const att = bodyOf(api.addAttachment, await upload(clerk, c.id, '追加資料.pdf', pdf));
    expect(att.pages).toBe(2);
    expect(caseOf(await getCase(clerk, c.id)).attachments.map((a) => a.id)).toEqual([att.id]);
  });

  it('DELETE takes an attachment off a draft; its bytes stay in the record', async () => {
    const clerk = await as('clerk');
    const c = await newDraft();
    const pdf = await pdfBytes(1);
    const att = bodyOf(api.addAttachment, await upload(clerk, c.id, 'a.pdf', pdf));
    expect(bodyOf(api.removeAttachment, await clerk.inject({ method: 'DELETE', url: `/api/cases/${c.id}/attachments/${att.id}` }))).toEqual({ ok: true });
    // Taken off, not forgotten: the case lists it as removed (someone may have seen it in an earlier revision).
    expect(caseOf(await getCase(clerk, c.id)).attachments.map((a) => [a.id, a.removedAt !== null])).toEqual([[att.id, true]]);
    refused(await clerk.inject({ method: 'DELETE', url: `/api/cases/${c.id}/attachments/${att.id}` }), 404, 'not_found');
    const res = await clerk.inject({ method: 'GET', url: `/api/cases/${c.id}/attachments/${att.id}` });
    expect(res.rawPayload.equals(pdf)).toBe(true);
  });
});
