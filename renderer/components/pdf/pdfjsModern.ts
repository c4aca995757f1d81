/**
 * pdf.js for current browsers, one lazily loaded chunk: the library first (it
 * sets globalThis.pdfjsLib, which the viewer components read when they load),
 * then pdfjs-dist/web/pdf_viewer and its styles; the worker is a file of the
 * build, loaded from the app's own origin (offline, no blob: needed).
 */
import * as lib from 'pdfjs-dist';
import * as viewer from 'pdfjs-dist/web/pdf_viewer.mjs';
import 'pdfjs-dist/web/pdf_viewer.css';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

lib.GlobalWorkerOptions.workerSrc = workerUrl;

export { lib, viewer };
