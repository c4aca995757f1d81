export { PdfViewer, type PdfViewerProps } from './PdfViewer.js';
export { PdfAttachmentPage } from './PdfAttachmentPage.js';
export type { PdfProblem } from './viewerMath.js';
