import { PDFDocument } from 'pdf-lib';

export type PdfCheck = { ok: true; pages: number } | { ok: false; reason: string };

/**
 * Whether bytes really are a PDF that can be opened, and how many pages it
 * has (the e-approval effect counts attachment pages). The magic number is
 * checked first so a renamed Word file gets a plain answer.
 */
export async function checkPdf(bytes: Uint8Array): Promise<PdfCheck> {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) return { ok: false, reason: 'the file does not start like a PDF (%PDF-)' };
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    const pages = doc.getPageCount();
    if (pages < 1) return { ok: false, reason: 'the PDF has no pages' };
    return { ok: true, pages };
  } catch (err) {
    return { ok: false, reason: `the PDF cannot be read: ${err instanceof Error ? err.message : String(err)}` };
  }
}
