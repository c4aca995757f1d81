import './PdfViewer.css';
import { loadPdfjs } from './loadPdfjs.js';
import { createPdfDom, createPdfView, FIRST_PAGE_MARK, type PdfDom, type ShownPdf } from './pdfView.js';
import { pendingPreload } from './pdfWorker.js';

/** Where PdfAttachmentView opens with its page strip: the shell keeps the strip's place so the pages keep their width. */
export const WIDE_SCREEN = '(min-width: 64em)';
/** How long the PDF is shown alone before the page's own code loads anyway (a slow network: the toolbar does not wait for the whole file). */
const ALONE_MS = 1500;

let skeleton: HTMLElement | null = null;

function box(tag: string, className: string, ...children: HTMLElement[]): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  el.append(...children);
  return el;
}

/** The full-page viewer's layout (PdfAttachmentView around PdfViewer) in plain DOM, empty but for pdf.js's container and a progress bar. */
function layout(dom: PdfDom, overlay: HTMLElement): HTMLElement {
  const stage = box('div', 'kl-pdf-stage', dom.container, overlay);
  const body = box('div', 'kl-pdf-body', ...(window.matchMedia(WIDE_SCREEN).matches ? [box('div', 'kl-pdf-thumbs')] : []), stage);
  const viewer = box('div', 'kl-pdf', box('div', 'kl-pdf-toolbar'), body);
  const page = box('div', 'kl-pdf-page kl-pdf-shell', box('header', 'kl-pdf-page-header'), box('main', 'kl-pdf-page-main', viewer));
  page.setAttribute('aria-busy', 'true');
  return page;
}

/**
 * A PDF opened in a tab of its own is put on screen by pdf.js alone, before
 * React and the app's components have even loaded: the same layout as the
 * full-page viewer, pdf.js's viewer in it, the first page drawn. The React
 * viewer then takes the view over as it is (PdfViewer, claimPreload) and the
 * shell goes. Resolves when it is time to load the rest: the first page is
 * on screen, the document needs a password or cannot be shown (the viewer
 * says why), or it has been loading for a while. Null when no PDF was preloaded.
 */
export function showPdfShell(): Promise<void> | null {
  const load = pendingPreload();
  if (!load) return null;
  const dom = createPdfDom();
  const bar = document.createElement('div');
  const overlay = box('div', 'kl-pdf-overlay', box('div', 'kl-pdf-shell-progress', bar));
  skeleton = layout(dom, overlay);
  document.body.append(skeleton);
  load.onProgress = (loaded, total) => {
    if (total) bar.style.width = `${Math.min(100, (loaded / total) * 100)}%`;
  };

  return new Promise<void>((resolve) => {
    const timer = window.setTimeout(resolve, ALONE_MS);
    const done = () => {
      window.clearTimeout(timer);
      resolve();
    };
    load.onPasswordWaiting = done;
    void (async () => {
      const [pdfjs, data] = await Promise.all([loadPdfjs(), load.bytes]);
      if (load.taken) return done();
      const doc = await load.open(pdfjs.lib, data).promise;
      if (load.taken) return done();
      const view = createPdfView(pdfjs, dom);
      const shown: ShownPdf = { dom, view, doc, firstPage: false };
      const listening = new AbortController();
      view.eventBus.on('pagesinit', () => {
        view.pdfViewer.currentScaleValue = 'page-width';
      }, { once: true });
      view.eventBus.on('pagerendered', ({ error }: { error: unknown }) => {
        if (error) return;
        listening.abort();
        shown.firstPage = true;
        performance.mark(FIRST_PAGE_MARK);
        done();
      }, { signal: listening.signal });
      view.pdfViewer.setDocument(doc);
      view.linkService.setDocument(doc, null);
      load.shown = shown;
      overlay.remove();
    })().catch(done);
  });
}

/** Takes the shell's layout away once the React page is there (pdf.js's container has moved into it by then). */
export function removePdfShell(): void {
  skeleton?.remove();
  skeleton = null;
}
