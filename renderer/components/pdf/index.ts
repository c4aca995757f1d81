export { PdfViewer, type PdfViewerProps } from './PdfViewer.js';
export type { PdfProblem } from './viewerMath.js';
