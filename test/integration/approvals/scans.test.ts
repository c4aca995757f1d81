import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '../../../shared/api/approvals.js';
import { api } from '../../../shared/api/endpoints.js';
import { bodyOf, type Client } from '../../helpers/test-app.js';
import { encryptedPdfBytes, jpegBytes, pngBytes, tiffBytes } from '../../helpers/scan-images.js';
import { caseOf, draft, filesUnder, getCase, openTown, pdfBytes, refused, unchanged, upload } from './harness.js';

// Scans on the attachment endpoint: JPEG, PNG and TIFF become PDF pages (A4, the image at its DPI when it fits),
// stored and served as a PDF named like the scan; a PDF must be a readable, unencrypted PDF; anything else
// is refused with 422 invalid_file whose detail starts with a stable reason the client translates, and
// a refused upload changes nothing, least of all what was attached before.

let town: Awaited<ReturnType<typeof openTown>>;
let clerk: Client;
const A4 = { w: 595.28, h: 841.89 };

beforeAll(async () => {
  town = await openTown();
  clerk = await town.as('clerk');
});
afterAll(async () => town.close());

const newDraft = async (): Promise<CaseView> => draft(clerk, { typeId: town.town.types.notice.id, title: 'スキャン添付' });

/** The stored bytes of an attachment, as a loaded PDF. */
async function served(caseId: number, attachmentId: number): Promise<PDFDocument> {
  const res = await clerk.inject({ method: 'GET', url: `/api/cases/${caseId}/attachments/${attachmentId}` });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return PDFDocument.load(res.rawPayload);
}

const size = (doc: PDFDocument, i: number) => {
  const { width, height } = doc.getPage(i).getSize();
  return { w: Math.round(width * 100) / 100, h: Math.round(height * 100) / 100 };
};

describe('scans to PDF', () => {
  it('a PNG becomes a one-page A4 PDF named .pdf, landscape for a wide image', async () => {
    const c = await newDraft();
    const att = bodyOf(api.addAttachment, await upload(clerk, c.id, 'scan.png', pngBytes(600, 400, 150)));
    expect(att).toMatchObject({ name: 'scan.pdf', pages: 1 });
    const doc = await served(c.id, att.id);
    expect(doc.getPageCount()).toBe(1);
    expect(size(doc, 0)).toEqual({ w: A4.h, h: A4.w });
    expect(att.size).toBe((await clerk.inject({ method: 'GET', url: `/api/cases/${c.id}/attachments/${att.id}` })).rawPayload.length);
  });

  it('a two-page TIFF becomes two pages, each oriented like its image', async () => {
    const c = await newDraft();
    const tiff = tiffBytes([
      { width: 200, height: 280, grey: 0 },
      { width: 120, height: 80, grey: 128 },
    ]);
    const att = bodyOf(api.addAttachment, await upload(clerk, c.id, '請求書の写し.TIFF', tiff));
    expect(att).toMatchObject({ name: '請求書の写し.pdf', pages: 2 });
    const doc = await served(c.id, att.id);
    expect(doc.getPageCount()).toBe(2);
    expect(size(doc, 0)).toEqual({ w: A4.w, h: A4.h });
    expect(size(doc, 1)).toEqual({ w: A4.h, h: A4.w });
  });

  it('a JPEG becomes a one-page PDF', async () => {
    const c = await newDraft();
    const att = bodyOf(api.addAttachment, await upload(clerk, c.id, 'IMG_0001.jpg', jpegBytes(64, 96, 300)));
    expect(att).toMatchObject({ name: 'IMG_0001.pdf', pages: 1 });
    const doc = await served(c.id, att.id);
    expect(size(doc, 0)).toEqual({ w: A4.w, h: A4.h });
  });

  it('a scan is known by its bytes, not its name: a PNG named .pdf is still converted', async () => {
    const c = await newDraft();
    const att = bodyOf(api.addAttachment, await upload(clerk, c.id, 'odd.pdf', pngBytes(40, 60)));
    expect(att).toMatchObject({ name: 'odd.pdf', pages: 1 });
    expect((await served(c.id, att.id)).getPageCount()).toBe(1);
  });
});

describe('refusals', () => {
  /** The refusal's reason word (the start of its detail) and that the detail names the file. */
  async function refusal(caseId: number, name: string, bytes: Buffer): Promise<string> {
    const err = refused(await upload(clerk, caseId, name, bytes), 422, 'invalid_file');
    expect(err.field).toBe('body.file');
    expect(err.detail).toContain(name);
    return err.detail?.split(':')[0] ?? '';
  }

  it('refuses an encrypted PDF, a broken PDF, a renamed text file, an unreadable image and any other file, each with its reason', async () => {
    const c = await newDraft();
    const blobs = () => filesUnder(join(town.dataDir, 'blobs'));
    const before = blobs();
    await unchanged(town.db, async () => {
      expect(await refusal(c.id, '暗号化.pdf', await encryptedPdfBytes())).toBe('encrypted');
      expect(await refusal(c.id, 'broken.pdf', Buffer.from('%PDF-1.7\n1 0 obj <<>> garbage', 'latin1'))).toBe('broken');
      const truncated = (await pdfBytes(2)).subarray(0, 300);
      expect(await refusal(c.id, 'truncated.pdf', truncated)).toBe('broken');
      expect(await refusal(c.id, 'memo.pdf', Buffer.from('これはテキストです\n', 'utf8'))).toBe('not_pdf');
      expect(await refusal(c.id, 'memo.txt', Buffer.from('これはテキストです\n', 'utf8'))).toBe('unsupported');
      const badPng = Buffer.concat([pngBytes(10, 10).subarray(0, 40), Buffer.alloc(20)]);
      expect(await refusal(c.id, 'bad.png', badPng)).toBe('image_unreadable');
      expect(await refusal(c.id, 'bad.tif', Buffer.from('II*\0\x08\0\0\0\0\0', 'latin1'))).toBe('image_unreadable');
    });
    expect(blobs()).toEqual(before);
  });

  it('a refused upload leaves the attachments already on the case as they were', async () => {
    const c = await newDraft();
    const pdf = bodyOf(api.addAttachment, await upload(clerk, c.id, '見積書.pdf', await pdfBytes(3)));
    const png = bodyOf(api.addAttachment, await upload(clerk, c.id, '現場写真.png', pngBytes(300, 400, 96)));
    const before = caseOf(await getCase(clerk, c.id));
    expect(before.attachments.map((a) => [a.name, a.pages, a.removedAt])).toEqual([
      ['見積書.pdf', 3, null],
      ['現場写真.pdf', 1, null],
    ]);
    await unchanged(town.db, async () => {
      refused(await upload(clerk, c.id, '暗号化.pdf', await encryptedPdfBytes()), 422, 'invalid_file');
      refused(await upload(clerk, c.id, 'memo.pdf', Buffer.from('text', 'utf8')), 422, 'invalid_file');
    });
    const after = caseOf(await getCase(clerk, c.id));
    expect(after.attachments).toEqual(before.attachments);
    expect(after.version).toBe(before.version);
    expect((await served(c.id, pdf.id)).getPageCount()).toBe(3);
    expect((await served(c.id, png.id)).getPageCount()).toBe(1);
  });
});
