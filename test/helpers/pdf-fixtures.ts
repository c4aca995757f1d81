/**
 * PDFs for the PDF viewer's e2e test and benchmark: a 300-page "scan" (one
 * JPEG per page, drawn by Chromium, with a line of real text on each page so
 * find and copy have something to work on), Japanese text twice (embedded
 * BIZ UDGothic subset, and a non-embedded CID font that needs pdf.js's CMaps),
 * a password-protected PDF (RC4 40-bit, Standard security handler R2) and a
 * broken one.
 */
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  beginText,
  endText,
  moveText,
  PDFArray,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFString,
  rgb,
  setFontAndSize,
  showText,
  StandardFonts,
} from 'pdf-lib';
import { embedJapaneseFonts } from '../../electron/app/pdf/fonts.js';

const A4 = [595.28, 841.89] as const;

/** The word on every 10th page (30 matches in 300 pages) that the tests search for. */
export const FIND_WORD = 'zebra';
/** A word of page 1's text line, for selecting and copying. */
export const COPY_WORD = 'Kamiless';
/** Japanese text on page 1 (embedded font) and page 2 (CMap UniJIS-UCS2-H, font not embedded). */
export const JAPANESE_WORD = '決裁';

/**
 * Scanned-looking page images: off-white paper, grey "typed" lines, speckles,
 * the page number large. JPEG as scanners write them; distinct per page so
 * pdf.js cannot reuse one decoded image.
 */
export async function scanJpegs(page: Page, count: number, width = 620, height = 877): Promise<Uint8Array[]> {
  // A string, not a function: tsx (esbuild keepNames) would wrap the function's inner names in a helper the page lacks.
  const base64 = (await page.evaluate(`(${DRAW_SCANS})(${JSON.stringify({ count, width, height })})`)) as string[];
  return base64.map((b) => new Uint8Array(Buffer.from(b, 'base64')));
}

const DRAW_SCANS = `async ({ count, width, height }) => {
  const out = [];
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 1; i <= count; i++) {
    ctx.fillStyle = '#f7f5ef';
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#555';
    for (let y = 140; y < height - 60; y += 22) {
      let x = 50;
      while (x < width - 60) {
        const w = 12 + rnd() * 60;
        ctx.fillRect(x, y, Math.min(w, width - 60 - x), 9);
        x += w + 8;
      }
    }
    ctx.fillStyle = '#999';
    for (let k = 0; k < 400; k++) ctx.fillRect(rnd() * width, rnd() * height, 1.5, 1.5);
    ctx.fillStyle = '#222';
    ctx.font = 'bold 64px sans-serif';
    ctx.fillText('- ' + i + ' -', width / 2 - 70, 100);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.6 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let j = 0; j < bytes.length; j += 0x8000) s += String.fromCharCode(...bytes.subarray(j, j + 0x8000));
    out.push(btoa(s));
  }
  return out;
}`;

/**
 * The 300-page scan: page i shows jpegs[i-1] and the line
 * "Kamiless test scan, page i of N" (+ "zebra" on every 10th page); page 1 also
 * has Japanese text in BIZ UDGothic and page 2 in a non-embedded CID font.
 */
export async function scanPdf(jpegs: readonly Uint8Array[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  const jp = await embedJapaneseFonts(doc);
  const cidFont = nonEmbeddedJapaneseFont(doc);
  const n = jpegs.length;
  for (let i = 1; i <= n; i++) {
    const page = doc.addPage([...A4]);
    const image = await doc.embedJpg(jpegs[i - 1] as Uint8Array);
    page.drawImage(image, { x: 0, y: 0, width: A4[0], height: A4[1] });
    page.drawRectangle({ x: 30, y: A4[1] - 58, width: 440, height: 26, color: rgb(1, 1, 1) });
    const words = `${COPY_WORD} test scan, page ${i} of ${n}${i % 10 === 0 ? ` ${FIND_WORD}` : ''}`;
    page.drawText(words, { x: 36, y: A4[1] - 50, size: 14, font: helvetica, color: rgb(0, 0, 0) });
    if (i === 1) {
      page.drawRectangle({ x: 30, y: A4[1] - 100, width: 440, height: 34, color: rgb(1, 1, 1) });
      page.drawText(`${JAPANESE_WORD}文書の添付テスト（北広島町）`, { x: 36, y: A4[1] - 92, size: 20, font: jp.regular, color: rgb(0, 0, 0) });
    }
    if (i === 2) {
      page.node.setFontDictionary(PDFName.of('FJ'), cidFont);
      page.drawRectangle({ x: 30, y: A4[1] - 100, width: 440, height: 34, color: rgb(1, 1, 1) });
      page.pushOperators(beginText(), setFontAndSize('FJ', 20), moveText(36, A4[1] - 92), showText(PDFHexString.of(utf16be(`${JAPANESE_WORD}（CMap）`))), endText());
    }
  }
  return doc.save({ useObjectStreams: false });
}

/** A plain text PDF of `pages` pages (for the password fixture). */
export async function textPdf(pages: number, label: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([...A4]);
    page.drawText(`${label}, page ${i} of ${pages}`, { x: 50, y: A4[1] - 80, size: 18, font: helvetica });
  }
  return doc.save({ useObjectStreams: false });
}

/** Bytes that start like a PDF and are not one. */
export function brokenPdf(): Uint8Array {
  return new Uint8Array(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\nthis file was cut off in transit: no objects, no xref, no trailer\n', 'latin1'));
}

function utf16be(text: string): string {
  return [...text].map((c) => (c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('');
}

/** Kozuka Mincho by name only, encoded UniJIS-UCS2-H: pdf.js needs the CMap file to read it. */
function nonEmbeddedJapaneseFont(doc: PDFDocument) {
  const ctx = doc.context;
  const descriptor = ctx.register(
    ctx.obj({
      Type: 'FontDescriptor',
      FontName: 'KozMinPr6N-Regular',
      Flags: 6,
      FontBBox: [-195, -272, 1110, 1075],
      ItalicAngle: 0,
      Ascent: 880,
      Descent: -120,
      CapHeight: 742,
      StemV: 80,
    }),
  );
  const cid = ctx.register(
    ctx.obj({
      Type: 'Font',
      Subtype: 'CIDFontType0',
      BaseFont: 'KozMinPr6N-Regular',
      CIDSystemInfo: ctx.obj({ Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Japan1'), Supplement: 6 }),
      FontDescriptor: descriptor,
      DW: 1000,
    }),
  );
  return ctx.register(
    ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'KozMinPr6N-Regular-UniJIS-UCS2-H', Encoding: 'UniJIS-UCS2-H', DescendantFonts: [cid] }),
  );
}

// --- Standard security handler, revision 2 (RC4, 40-bit key): PDF 1.7 §7.6.3 algorithms 2, 3 and 4. ---

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function padded(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);
}

function md5(...parts: Uint8Array[]): Buffer {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return h.digest();
}

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + (s[i] as number) + (key[i % key.length] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
  }
  const out = new Uint8Array(data.length);
  let a = 0;
  let b = 0;
  for (let k = 0; k < data.length; k++) {
    a = (a + 1) & 255;
    b = (b + (s[a] as number)) & 255;
    [s[a], s[b]] = [s[b] as number, s[a] as number];
    out[k] = (data[k] as number) ^ (s[((s[a] as number) + (s[b] as number)) & 255] as number);
  }
  return out;
}

/**
 * Encrypts a PDF written by pdf-lib without object streams and without
 * strings outside the trailer (textPdf): every stream is encrypted with its
 * object key, the /Encrypt dictionary and /ID go into the trailer.
 */
export async function encryptPdf(plain: Uint8Array, userPassword: string, ownerPassword = `${userPassword}-owner`): Promise<Uint8Array> {
  const doc = await PDFDocument.load(plain, { updateMetadata: false });
  const permissions = -44;
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const id = createHash('md5').update(plain).digest();
  const o = rc4(md5(padded(ownerPassword)).subarray(0, 5), padded(userPassword));
  const fileKey = md5(padded(userPassword), o, p, id).subarray(0, 5);
  const u = rc4(fileKey, PAD);
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const num = ref.objectNumber;
    const gen = ref.generationNumber;
    const objKey = md5(fileKey, Uint8Array.of(num & 255, (num >> 8) & 255, (num >> 16) & 255, gen & 255, (gen >> 8) & 255)).subarray(0, 10);
    doc.context.assign(ref, PDFRawStream.of(obj.dict, rc4(objKey, obj.contents)));
  }
  const hex = (b: Uint8Array) => PDFHexString.of(Buffer.from(b).toString('hex'));
  const encrypt = doc.context.register(
    doc.context.obj({ Filter: 'Standard', V: 1, R: 2, O: hex(o), U: hex(u), P: PDFNumber.of(permissions) }),
  );
  const ids = PDFArray.withContext(doc.context);
  ids.push(hex(id));
  ids.push(hex(id));
  doc.context.trailerInfo.Encrypt = encrypt;
  doc.context.trailerInfo.ID = ids;
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

/** What the viewer opens: the route's path and the bytes' API path. */
export interface StoredAttachment {
  name: string;
  caseId: number;
  attachmentId: number;
  viewPath: string;
  apiPath: string;
}

/**
 * Through the hub's API as `login`: a draft case of the first document type
 * with these PDFs attached (multipart field `file`), as the drafting screen will do.
 */
export async function caseWithAttachments(hubUrl: string, who: { login: string; password: string }, files: readonly { name: string; bytes: Uint8Array }[]): Promise<StoredAttachment[]> {
  const loginRes = await fetch(`${hubUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: hubUrl },
    body: JSON.stringify({ login: who.login, password: who.password }),
  });
  if (!loginRes.ok) throw new Error(`login ${who.login}: ${loginRes.status} ${await loginRes.text()}`);
  const cookie = loginRes.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await loginRes.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, origin: hubUrl };
  const json = async <T>(res: Response): Promise<T> => {
    if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const types = await json<{ items: { id: number; name: string }[] }>(await fetch(`${hubUrl}/api/document-types`, { headers }));
  const type = types.items[0];
  if (!type) throw new Error('the demo town has no document type');
  const kase = await json<{ id: number }>(
    await fetch(`${hubUrl}/api/cases`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ typeId: type.id, title: 'PDFビューアーの確認（添付のテスト）', amount: 120_000 }),
    }),
  );
  const out: StoredAttachment[] = [];
  for (const file of files) {
    const form = new FormData();
    form.append('file', new Blob([Uint8Array.from(file.bytes)], { type: 'application/pdf' }), file.name);
    const att = await json<{ id: number }>(await fetch(`${hubUrl}/api/cases/${kase.id}/attachments`, { method: 'POST', headers, body: form }));
    out.push({
      name: file.name,
      caseId: kase.id,
      attachmentId: att.id,
      viewPath: `/cases/${kase.id}/attachments/${att.id}/view`,
      apiPath: `/api/cases/${kase.id}/attachments/${att.id}`,
    });
  }
  return out;
}
