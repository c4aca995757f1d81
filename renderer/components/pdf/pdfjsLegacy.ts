/**
 * The same pdf.js version built for older browsers (polyfilled): the desktop
 * app's Chromium may lack built-ins the modern build calls (see
 * supportsModernPdfjs). Only one of the two chunks is ever loaded.
 */
import * as lib from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as viewer from 'pdfjs-dist/legacy/web/pdf_viewer.mjs';
import 'pdfjs-dist/legacy/web/pdf_viewer.css';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

lib.GlobalWorkerOptions.workerSrc = workerUrl;

export { lib, viewer };
