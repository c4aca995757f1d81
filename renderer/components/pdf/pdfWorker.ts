import legacyWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import modernWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { loadPdfjs } from './loadPdfjs.js';
import { supportsModernPdfjs } from './viewerMath.js';

/**
 * pdf.js's worker, started at once by the viewer (only its URL lives in the
 * main bundle): it boots while the pdf.js chunk and the PDF itself are still
 * loading, instead of after them. Same build as the library chosen by loadPdfjs.
 */
export function startPdfWorker(): Worker {
  return new Worker(supportsModernPdfjs() ? modernWorkerUrl : legacyWorkerUrl, { type: 'module', name: 'pdf.js' });
}

/** An HTTP failure in pdf.js's terms, so classifyPdfError reads both alike. */
class ResponseError extends Error {
  override readonly name = 'ResponseException';
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/**
 * The PDF's bytes, fetched as soon as the viewer mounts (same origin, with
 * the session cookie). The hub sends attachments whole (no ranges), and a
 * scan's cross-reference table sits at its end, so pdf.js would wait for the
 * last byte anyway; fetching here overlaps the download with loading pdf.js.
 */
export async function fetchPdf(url: string, signal: AbortSignal, onProgress: (loaded: number, total: number | null) => void): Promise<Uint8Array> {
  const res = await fetch(url, { credentials: 'same-origin', signal });
  if (!res.ok) throw new ResponseError(res.status);
  const length = Number(res.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let loaded = 0;
  let lastReport = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    loaded += value.length;
    const now = performance.now();
    if (now - lastReport > 100) {
      lastReport = now;
      onProgress(loaded, total);
    }
  }
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

type Progress = (loaded: number, total: number | null) => void;

/** A PDF on its way: the bytes downloading, the worker booting. */
export interface PdfLoad {
  url: string;
  bytes: Promise<Uint8Array>;
  worker: Worker;
  /** Where download progress goes (the viewer sets it once mounted). */
  onProgress: Progress;
  /** True when started before the viewer mounted (by preloadPdf). */
  early: boolean;
  dispose(): void;
}

export function startPdfLoad(url: string, early = false): PdfLoad {
  const ac = new AbortController();
  const worker = startPdfWorker();
  const load: PdfLoad = {
    url,
    worker,
    early,
    onProgress: () => undefined,
    bytes: Promise.resolve(new Uint8Array()),
    dispose: () => {
      ac.abort();
      worker.terminate();
    },
  };
  load.bytes = fetchPdf(url, ac.signal, (loaded, total) => load.onProgress(loaded, total));
  load.bytes.catch(() => undefined);
  return load;
}

let preloaded: PdfLoad | null = null;

/**
 * Starts a PDF, its worker and pdf.js as early as the page knows which PDF
 * it will show (a route's module, before the app has even checked the
 * session), for the viewer that mounts later to take over.
 */
export function preloadPdf(url: string): void {
  if (preloaded?.url === url) return;
  preloaded?.dispose();
  preloaded = startPdfLoad(url, true);
  void loadPdfjs().catch(() => undefined);
}

/** The preloaded PDF for this URL, once; else a fresh start. */
export function takePdfLoad(url: string): PdfLoad {
  const load = preloaded?.url === url ? preloaded : null;
  if (load) {
    preloaded = null;
    return load;
  }
  return startPdfLoad(url);
}
