import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What reading a PDF's text gave: `hasTextLayer` false for a scan whose pages carry no text at all. */
export type PdfText =
  | { ok: true; text: string; pages: number; pagesRead: number; hasTextLayer: boolean }
  | { ok: false; error: string };

interface PromiseWithResolvers<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}

/**
 * pdfjs 6 calls Promise.withResolvers, which Node has from 22 on (Electron 39's
 * Node has it; the hub's Node 20 does not). Its legacy build polyfills much,
 * not this.
 */
function ensureWithResolvers(): void {
  const P = Promise as PromiseConstructor & { withResolvers?: <T>() => PromiseWithResolvers<T> };
  if (typeof P.withResolvers === 'function') return;
  P.withResolvers = <T>(): PromiseWithResolvers<T> => {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

/** pdfjs's predefined CMaps (Japanese PDFs made without embedded ToUnicode maps need them), as a URL with a slash at the end. */
function cMapUrl(): string {
  const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  return `${pathToFileURL(join(dirname(pkg), 'cmaps')).href}/`;
}

/**
 * The text of a PDF's first `maxPages` pages with pdfjs's Node (legacy) build,
 * pages separated by a line break. Runs in a worker thread (pdf-text-worker.ts):
 * parsing is CPU work that must never hold up a request.
 */
export async function extractPdfText(bytes: Uint8Array, maxPages: number): Promise<PdfText> {
  ensureWithResolvers();
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: bytes, cMapUrl: cMapUrl(), cMapPacked: true, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const pagesRead = Math.min(doc.numPages, maxPages);
    const texts: string[] = [];
    for (let n = 1; n <= pagesRead; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
      page.cleanup();
    }
    const text = texts.join('\n');
    return { ok: true, text, pages: doc.numPages, pagesRead, hasTextLayer: /\S/.test(text) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  } finally {
    await task.destroy();
  }
}
