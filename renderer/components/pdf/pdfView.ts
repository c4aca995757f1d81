import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { Pdfjs } from './loadPdfjs.js';

/** Set when the first page is on screen, by the shell or the viewer, whichever draws it: what the benchmark times (test/bench/pdf-viewer.bench.ts). */
export const FIRST_PAGE_MARK = 'kamiless:pdf-first-page';

/** pdf.js's scrolling container and its page holder, made outside React so a view can outlive the component tree that shows it. */
export interface PdfDom {
  container: HTMLDivElement;
  pages: HTMLDivElement;
}

export function createPdfDom(): PdfDom {
  const container = document.createElement('div');
  container.className = 'kl-pdf-container';
  container.tabIndex = 0;
  const pages = document.createElement('div');
  pages.className = 'pdfViewer';
  container.append(pages);
  return { container, pages };
}

/**
 * pdf.js's viewer components wired the way its own viewer wires them (one
 * event bus, link service, find controller and PDFViewer), on `dom`.
 */
export function createPdfView({ lib, viewer }: Pdfjs, dom: PdfDom) {
  const eventBus = new viewer.EventBus();
  const linkService = new viewer.PDFLinkService({ eventBus, externalLinkTarget: viewer.LinkTarget.BLANK, externalLinkRel: 'noopener noreferrer nofollow' });
  const findController = new viewer.PDFFindController({ eventBus, linkService });
  const pdfViewer = new viewer.PDFViewer({
    container: dom.container,
    viewer: dom.pages,
    eventBus,
    linkService,
    findController,
    // Links yes; form fields and scripts no: an attachment is read, not filled in.
    annotationMode: lib.AnnotationMode.ENABLE,
    removePageBorders: false,
  });
  linkService.setViewer(pdfViewer);
  return { eventBus, linkService, findController, pdfViewer };
}

export type PdfView = ReturnType<typeof createPdfView>;

/** A document already shown by a view built before the React viewer mounted (pdfShell.ts), for it to take over. */
export interface ShownPdf {
  dom: PdfDom;
  view: PdfView;
  doc: PDFDocumentProxy;
  /** Whether its first page has been drawn. */
  firstPage: boolean;
}
