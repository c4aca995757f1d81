import { preloadPdf } from './pdfWorker.js';

/** The API address of an attachment's bytes. */
export const attachmentUrl = (caseId: string, attachmentId: string) => `/api/cases/${caseId}/attachments/${attachmentId}`;

export interface OpenedAttachment {
  caseId: string;
  attachmentId: string;
}

const address = /^\/cases\/(\d{1,12})\/attachments\/(\d{1,12})\/view\/?$/.exec(window.location.pathname);

/** The attachment this tab was opened at (/cases/:id/attachments/:attachmentId/view), if any. */
export const openedAttachment: OpenedAttachment | null =
  address?.[1] && address[2] ? { caseId: address[1], attachmentId: address[2] } : null;

// Opened at that address (a new tab, a reload): take over the download index.html started, start the worker
// and pdf.js, and open the document as soon as both are there, all while the page's own code is still loading.
// No heavy imports: this runs before anything else of the bundle.
if (openedAttachment) preloadPdf(attachmentUrl(openedAttachment.caseId, openedAttachment.attachmentId));
