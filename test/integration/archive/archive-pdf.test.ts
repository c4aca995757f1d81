import { degrees, PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import { buildApp } from '../../../electron/app/server/app.js';
import { bodyOf, signIn } from '../../helpers/test-app.js';
import { acted, caseOf, draft, getCase, openTown, refused, submit, submitted, upload } from '../approvals/harness.js';
import { archivePdf, decideForBucho, exportZip, greyPage, pdfPages, pdfText, renderPage, sha256, spendingCaseAtBucho } from './archive-harness.js';

let t: Awaited<ReturnType<typeof openTown>>;
beforeAll(async () => {
  t = await openTown();
});
afterAll(async () => t.close());

const archiveRows = (caseId: number) => t.db.prepare('SELECT case_version AS version, sha256, size, pages FROM case_archives WHERE case_id = ? ORDER BY case_version').all(caseId) as { version: number; sha256: string; size: number; pages: number }[];
const archiveAudit = (caseId: number) =>
  (t.db.prepare("SELECT version, data FROM audit_log WHERE case_id = ? AND action = 'case.archive' ORDER BY id").all(caseId) as { version: number; data: string }[]).map((r) => ({
    version: r.version,
    data: JSON.parse(r.data) as { sha256: string; pages: number },
  }));

describe('the archive PDF of a decided case', () => {
  it('is refused before final approval and to a user who may not see the case; then carries the attachments, the record and the 決裁欄', async () => {
    const { clerk, c: atBucho, files } = await spendingCaseAtBucho(t);
    refused(await archivePdf(clerk, atBucho.id), 404, 'not_found');
    refused(await exportZip(clerk, atBucho.id), 404, 'not_found');
    expect(archiveRows(atBucho.id)).toEqual([]);

    const c = await decideForBucho(t, atBucho);
    const res = await archivePdf(clerk, c.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    // The document number as the file name, RFC 5987-encoded.
    expect(c.number).toMatch(/第\d+号$/);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${c.number ?? ''}.pdf`)}`);
    const pdf = res.rawPayload;
    const pages = pdfPages(pdf);
    // The attachments' 3 pages, then the record.
    expect(pages).toBeGreaterThanOrEqual(4);

    const first = pdfText(pdf, { first: 1, last: 1 });
    expect(first).toContain('page 1');
    expect(first).toContain('決裁欄');
    expect(first).toContain('課長 四郎');
    expect(first).toContain('代決');

    const record = pdfText(pdf, { first: 4 });
    for (const text of [
      'テスト町', '決裁記録', c.number ?? '?', '公用車購入', '支出負担行為', '3,200,000円', '部長専決', '起案 七子', '人事係', '本庁',
      '係長 六子', '補佐 五郎', '課長 四郎', '財政 九郎', '部長 三郎', '代決', '後閲待ち', '確認しました', '予算の範囲内', '部長出張のため',
      '5年', '令和8年', '令和14年3月31日', sha256(files[0] ?? new Uint8Array()), sha256(files[1] ?? new Uint8Array()), '見積書.pdf', '仕様書.pdf',
    ]) {
      expect(record, text).toContain(text);
    }
    renderPage(pdf, 1, 'archive-first-page', 60);
    renderPage(pdf, 4, 'archive-record-page', 60);

    // Stored by hash, counted once, recorded in the audit trail with the version it shows.
    const rows = archiveRows(c.id);
    expect(rows).toEqual([{ version: c.version, sha256: sha256(pdf), size: pdf.length, pages }]);
    expect(t.db.prepare('SELECT refs, removed_at FROM blobs WHERE sha256 = ?').get(sha256(pdf))).toEqual({ refs: 1, removed_at: null });
    expect(archiveAudit(c.id)).toEqual([{ version: c.version, data: expect.objectContaining({ sha256: sha256(pdf), pages }) }]);
    expect(bodyOf(api.caseArchives, await clerk.inject({ method: 'GET', url: `/api/cases/${c.id}/archives` })).items).toEqual([
      expect.objectContaining({ caseVersion: c.version, sha256: sha256(pdf) }),
    ]);

    // Someone off the route and outside the departments who may see it: as if the case did not exist.
    const outsider = await t.as('outsider');
    refused(await archivePdf(outsider, c.id), 404, 'not_found');
    refused(await exportZip(outsider, c.id), 404, 'not_found');
    refused(await outsider.inject({ method: 'GET', url: `/api/cases/${c.id}/archives` }), 404, 'not_found');
    refused(await archivePdf(clerk, 999_999), 404, 'not_found');

    // 後閲 done: the record changed, so a new archive for the new version; the old one stays.
    const reviewed = await acted(await t.as('bucho'), c.id, { action: 'review', version: c.version, comment: '了承' });
    const again = await archivePdf(clerk, c.id);
    expect(again.statusCode).toBe(200);
    const text = pdfText(again.rawPayload);
    expect(text).toContain('後閲済');
    expect(text).toContain('後閲: 了承');
    expect(archiveRows(c.id).map((r) => r.version)).toEqual([c.version, reviewed.version]);
    expect(archiveAudit(c.id).map((r) => r.version)).toEqual([c.version, reviewed.version]);
    expect(archiveRows(c.id)[1]?.sha256).toBe(sha256(again.rawPayload));

    // 施行: once more.
    const enforced = await acted(clerk, c.id, { action: 'enforce', version: reviewed.version, enforcedOn: '2026-04-10' });
    expect(enforced.state).toBe('enforced');
    const third = await archivePdf(clerk, c.id);
    expect(pdfText(third.rawPayload)).toContain('令和8年4月10日');
    expect(archiveRows(c.id).map((r) => r.version)).toEqual([c.version, reviewed.version, enforced.version]);
  }, 60_000);

  it('of a case without attachments is the record page alone, with the box on it', async () => {
    const clerk = await t.as('clerk');
    let c = await submitted(clerk, { typeId: t.town.types.notice.id, title: '照会への回答' });
    c = await acted(await t.as('kakaricho'), c.id, { action: 'approve', version: c.version });
    c = await acted(await t.as('kacho'), c.id, { action: 'final_approve', version: c.version, comment: '回答してよい' });
    const res = await archivePdf(clerk, c.id);
    expect(res.statusCode).toBe(200);
    expect(pdfPages(res.rawPayload)).toBe(1);
    const text = pdfText(res.rawPayload);
    for (const s of ['決裁欄', '決裁記録', '照会への回答', '通知・照会への回答', '係長 六子', '課長 四郎', '回答してよい', '1年', '添付文書はありません']) expect(text, s).toContain(s);
    renderPage(res.rawPayload, 1, 'archive-record-only', 60);
  }, 30_000);

  it('puts the box above an attachment\'s content, at the top right as the page is shown, also on a page stored turned', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([842, 595]);
    page.drawText('LANDSCAPE TOP LINE', { x: 40, y: 560, size: 14 });
    page.setRotation(degrees(90));
    const clerk = await t.as('clerk');
    const drafted = await draft(clerk, { typeId: t.town.types.notice.id, title: '回転したページの案件' });
    expect((await upload(clerk, drafted.id, 'turned.pdf', Buffer.from(await doc.save()))).statusCode).toBe(200);
    let c = await submit(clerk, drafted);
    c = await acted(await t.as('kakaricho'), c.id, { action: 'approve', version: c.version });
    c = await acted(await t.as('kacho'), c.id, { action: 'final_approve', version: c.version });
    const pdf = (await archivePdf(clerk, c.id)).rawPayload;
    renderPage(pdf, 1, 'archive-turned-first-page', 60);
    // Shown upright (72 dpi: a pixel a point) 595 wide, taller than its 842 by the strip the box sits in.
    const shown = greyPage(pdf, 1, 72);
    expect(shown.width).toBeCloseTo(595, -1);
    expect(shown.height).toBeGreaterThan(842 + 60);
    const inkIn = (y: number, x0: number, x1: number) => Array.from({ length: x1 - x0 }, (_, i) => x0 + i).some((x) => shown.dark(x, y));
    const rows = Array.from({ length: shown.height }, (_, y) => y);
    // The top strip's ink is all in the right half (the box); the left half stays blank there.
    const boxRows = rows.filter((y) => y < 130 && inkIn(y, Math.floor(shown.width / 2), shown.width));
    expect(boxRows[0]).toBeLessThan(30);
    expect(rows.filter((y) => y < 130 && inkIn(y, 0, Math.floor(shown.width / 3)))).toEqual([]);
    // Under the box, blank rows, then the attachment's own content: nothing of it is covered.
    const boxEnd = Math.max(...boxRows.filter((y) => y < (boxRows[0] ?? 0) + 90));
    const contentStart = rows.find((y) => y > boxEnd && inkIn(y, 0, shown.width)) ?? 0;
    expect(contentStart - boxEnd).toBeGreaterThan(10);
    expect(pdfText(pdf, { first: 1, last: 1 })).toContain('LANDSCAPE TOP LINE');
  }, 30_000);

  it('answers 410 once the case is disposed (404 still for who may not see it)', async () => {
    const clerk = await t.as('clerk');
    let c = await submitted(clerk, { typeId: t.town.types.notice.id, title: '廃棄される案件' });
    c = await acted(await t.as('kakaricho'), c.id, { action: 'approve', version: c.version });
    c = await acted(await t.as('kacho'), c.id, { action: 'final_approve', version: c.version });
    expect((await archivePdf(clerk, c.id)).statusCode).toBe(200);
    t.db.prepare("UPDATE cases SET disposed_at = '2031-04-01T00:00:00.000Z', disposal_reason = 'テスト' WHERE id = ?").run(c.id);
    refused(await archivePdf(clerk, c.id), 410, 'disposed');
    refused(await exportZip(clerk, c.id), 410, 'disposed');
    refused(await archivePdf(await t.as('outsider'), c.id), 404, 'not_found');
    // The record of the case itself stays readable.
    expect(caseOf(await getCase(clerk, c.id)).id).toBe(c.id);
  }, 30_000);

  it('is made once however many ask at once, also from two servers over one database', async () => {
    const second = await buildApp({ db: t.db, mode: 'hub', clock: t.clock, dataDir: t.dataDir });
    try {
      const clerk = await t.as('clerk');
      const clerkThere = await signIn(second, 'clerk');
      let c = await submitted(clerk, { typeId: t.town.types.notice.id, title: '同時に求められる案件' });
      c = await acted(await t.as('kakaricho'), c.id, { action: 'approve', version: c.version });
      c = await acted(await t.as('kacho'), c.id, { action: 'final_approve', version: c.version });
      const answers = await Promise.all([archivePdf(clerk, c.id), archivePdf(clerk, c.id), archivePdf(clerkThere, c.id), archivePdf(clerkThere, c.id)]);
      expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
      expect(archiveRows(c.id)).toHaveLength(1);
      expect(archiveAudit(c.id)).toHaveLength(1);
      expect(new Set(answers.map((r) => sha256(r.rawPayload)))).toEqual(new Set([archiveRows(c.id)[0]?.sha256]));
    } finally {
      await second.close();
    }
  }, 30_000);
});
