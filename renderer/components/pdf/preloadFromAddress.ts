import { preloadPdf } from './pdfWorker.js';

/** The API address of an attachment's bytes. */
export const attachmentUrl = (caseId: string, attachmentId: string) => `/api/cases/${caseId}/attachments/${attachmentId}`;

// Opened at /cases/:id/attachments/:attachmentId/view (a new tab, a reload):
// take over the download index.html started, start the worker and pdf.js,
// open the document as soon as both are there, and load the page's own
// chunk, all while the app is still starting and checking the session. No
// heavy imports: it runs as soon as the bundle reaches this module.
const opened = /^\/cases\/(\d{1,12})\/attachments\/(\d{1,12})\/view\/?$/.exec(window.location.pathname);
if (opened?.[1] && opened[2]) {
  preloadPdf(attachmentUrl(opened[1], opened[2]));
  // The same module the route loads lazily (lazyPages.ts): already there when the route renders.
  void import('./PdfAttachmentPage.js').catch(() => undefined);
}
