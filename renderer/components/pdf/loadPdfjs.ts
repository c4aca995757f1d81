import type { PDFDocumentProxy } from 'pdfjs-dist';
import type * as modern from './pdfjsModern.js';
import { supportsModernPdfjs } from './viewerMath.js';

export type Pdfjs = typeof modern;
export type PdfDocument = PDFDocumentProxy;

let loading: Promise<Pdfjs> | undefined;

/** pdf.js and its viewer components, loaded once, on the first PDF shown. */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (supportsModernPdfjs() ? import('./pdfjsModern.js') : import('./pdfjsLegacy.js')).catch((err: unknown) => {
    // A failed chunk load (hub restarted with a new build) may succeed next time.
    loading = undefined;
    throw err;
  });
  return loading;
}

/** Where the build serves pdf.js's data files (see the pdfjs-assets plugin in vite.config.ts). */
export function pdfjsAssetUrl(folder: 'cmaps' | 'standard_fonts' | 'wasm' | 'iccs'): string {
  return new URL(`${import.meta.env.BASE_URL}pdfjs/${folder}/`, window.location.href).href;
}
