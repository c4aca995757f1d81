import { PDFDocument } from 'pdf-lib';

/**
 * Why an attachment was refused, as a stable word the client translates: it is
 * the start of the error's `detail` (`encrypted: 見積書.pdf: …`).
 * - `not_pdf`: named .pdf but not a PDF inside (a renamed text or Word file);
 * - `unsupported`: neither a PDF nor a JPEG, PNG or TIFF image;
 * - `encrypted`: a password-protected PDF (nobody on the route could open it);
 * - `broken`: starts like a PDF but cannot be read, or has no pages;
 * - `image_unreadable`: a JPEG, PNG or TIFF that cannot be decoded.
 */
export const attachmentRefusals = ['not_pdf', 'unsupported', 'encrypted', 'broken', 'image_unreadable'] as const;
export type AttachmentRefusal = (typeof attachmentRefusals)[number];

export type PdfCheck = { ok: true; pages: number } | { ok: false; reason: AttachmentRefusal; message: string };

/** Whether the bytes start like a PDF (within the first KiB, as readers allow). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

/**
 * Whether bytes really are a PDF that can be opened, and how many pages it
 * has (the e-approval effect counts attachment pages). The magic number is
 * checked first so a renamed Word file gets a plain answer; a PDF with an
 * /Encrypt dictionary in its trailer is refused, since nobody on the route
 * could open it without the password.
 */
export async function checkPdf(bytes: Uint8Array): Promise<PdfCheck> {
  if (!looksLikePdf(bytes)) return { ok: false, reason: 'not_pdf', message: 'the file does not start like a PDF (%PDF-)' };
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch (err) {
    return { ok: false, reason: 'broken', message: `the PDF cannot be read: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (doc.isEncrypted) return { ok: false, reason: 'encrypted', message: 'the PDF is password-protected (encrypted); save it without a password' };
  try {
    const pages = doc.getPageCount();
    if (pages < 1) return { ok: false, reason: 'broken', message: 'the PDF has no pages' };
    return { ok: true, pages };
  } catch (err) {
    return { ok: false, reason: 'broken', message: `the PDF's pages cannot be read: ${err instanceof Error ? err.message : String(err)}` };
  }
}
