import { preloadPdf } from './pdfWorker.js';

/** The API address of an attachment's bytes. */
export const attachmentUrl = (caseId: string, attachmentId: string) => `/api/cases/${caseId}/attachments/${attachmentId}`;

// Opened at /cases/:id/attachments/:attachmentId/view (a new tab, a reload):
// start the PDF, its worker and pdf.js while the app is still starting and
// checking the session. No heavy imports: it runs as soon as the bundle
// reaches the attachment page's module.
const opened = /^\/cases\/(\d{1,12})\/attachments\/(\d{1,12})\/view\/?$/.exec(window.location.pathname);
if (opened?.[1] && opened[2]) preloadPdf(attachmentUrl(opened[1], opened[2]));
