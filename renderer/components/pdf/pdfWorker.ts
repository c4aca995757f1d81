import legacyWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import modernWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PDFDocumentLoadingTask, PDFWorker } from 'pdfjs-dist';
import { loadPdfjs, pdfjsAssetUrl, type Pdfjs } from './loadPdfjs.js';
import type { ShownPdf } from './pdfView.js';
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

type Progress = (loaded: number, total: number | null) => void;
type PasswordPrompt = (update: (password: string) => void, reason: number) => void;

/** Chunks of a download as one array (a single chunk as is). */
function joinChunks(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The PDF's bytes, fetched as soon as the viewer mounts (same origin, with
 * the session cookie). The hub sends attachments whole (no ranges), and a
 * scan's cross-reference table sits at its end, so pdf.js would wait for the
 * last byte anyway; fetching here overlaps the download with loading pdf.js.
 */
export async function fetchPdf(url: string, signal: AbortSignal, onProgress: Progress): Promise<Uint8Array> {
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
  return joinChunks(parts, loaded);
}

/**
 * A download started by the classic script in index.html before any of the
 * app's code has arrived (a PDF opened at its own address). It reads the
 * bytes as they come, so the download never waits for the app.
 */
interface EarlyPdf {
  url: string;
  /** The chunks and their length; rejected with the HTTP status when refused. */
  done: Promise<{ parts: Uint8Array[]; length: number }>;
  onprogress: Progress | null;
  abort(): void;
}

declare global {
  interface Window {
    kamilessEarlyPdf?: EarlyPdf;
  }
}

/** The early download of `url`, taken once. */
function takeEarly(url: string): EarlyPdf | null {
  const early = window.kamilessEarlyPdf;
  if (early?.url !== url) return null;
  delete window.kamilessEarlyPdf;
  return early;
}

/** A PDF on its way: the bytes downloading, the worker booting, and once both are there the document opening. */
export interface PdfLoad {
  url: string;
  bytes: Promise<Uint8Array>;
  worker: Worker;
  /** Where download progress goes (the viewer sets it once mounted). */
  onProgress: Progress;
  /** True when started before the viewer mounted (by preloadPdf). */
  early: boolean;
  /** Taken by a viewer (takePdfLoad): whatever showed it before stops there. */
  taken: boolean;
  /** The document already on screen in a view made before the viewer mounted (pdfShell.ts), for the viewer to take over. */
  shown: ShownPdf | null;
  /** Told when the document asks for a password and nobody prompts for one yet. */
  onPasswordWaiting: (() => void) | null;
  /** pdf.js opening the document, started once per load: by the preload as soon as it can, or by the viewer. */
  open(lib: Pdfjs['lib'], data: Uint8Array): PDFDocumentLoadingTask;
  /** Where password requests go from now on; one asked before is put to `prompt` at once. */
  promptPasswordWith(prompt: PasswordPrompt): void;
  dispose(): void;
}

export function startPdfLoad(url: string, early = false): PdfLoad {
  const ac = new AbortController();
  const worker = startPdfWorker();
  const before = early ? takeEarly(url) : null;
  let opened: { task: PDFDocumentLoadingTask; worker: PDFWorker } | null = null;
  let asked: [(password: string) => void, number] | null = null;
  let prompt: PasswordPrompt | null = null;
  const load: PdfLoad = {
    url,
    worker,
    early,
    taken: false,
    shown: null,
    onPasswordWaiting: null,
    onProgress: () => undefined,
    bytes: Promise.resolve(new Uint8Array()),
    open(lib, data) {
      if (opened) return opened.task;
      const own = lib.PDFWorker.create({ port: worker });
      const task = lib.getDocument({
        data,
        worker: own,
        cMapUrl: pdfjsAssetUrl('cmaps'),
        cMapPacked: true,
        standardFontDataUrl: pdfjsAssetUrl('standard_fonts'),
        wasmUrl: pdfjsAssetUrl('wasm'),
        iccUrl: pdfjsAssetUrl('iccs'),
        enableXfa: false,
      });
      task.onPassword = (update: (password: string) => void, reason: number) => {
        if (prompt) prompt(update, reason);
        else {
          asked = [update, reason];
          load.onPasswordWaiting?.();
        }
      };
      opened = { task, worker: own };
      return task;
    },
    promptPasswordWith(next) {
      prompt = next;
      if (asked) next(...asked);
      asked = null;
    },
    dispose: () => {
      ac.abort();
      before?.abort();
      void opened?.task.destroy();
      opened?.worker.destroy();
      worker.terminate();
    },
  };
  if (before) {
    before.onprogress = (loaded, total) => load.onProgress(loaded, total);
    load.bytes = before.done.then(
      ({ parts, length }) => joinChunks(parts, length),
      (status: unknown) => Promise.reject(new ResponseError(typeof status === 'number' ? status : 0)),
    );
  } else {
    load.bytes = fetchPdf(url, ac.signal, (loaded, total) => load.onProgress(loaded, total));
  }
  load.bytes.catch(() => undefined);
  return load;
}

let preloaded: PdfLoad | null = null;

/**
 * Starts a PDF, its worker and pdf.js as early as the page knows which PDF
 * it will show (a route's module, before the app has even checked the
 * session), and opens the document as soon as pdf.js and the bytes are
 * there, for the viewer that mounts later to take over.
 */
export function preloadPdf(url: string): void {
  if (preloaded?.url === url) return;
  preloaded?.dispose();
  const load = startPdfLoad(url, true);
  preloaded = load;
  void Promise.all([loadPdfjs(), load.bytes])
    // The first page too: the viewer asks pdf.js for it first, and gets this same promise.
    .then(([{ lib }, data]) => load.open(lib, data).promise.then((doc) => doc.getPage(1)))
    .catch(() => undefined);
}

/** The preloaded PDF, still waiting for its viewer (pdfShell.ts shows it meanwhile). */
export function pendingPreload(): PdfLoad | null {
  return preloaded;
}

/**
 * The viewer about to show `url` claims the preloaded PDF: whatever showed it
 * meanwhile stops there (pdfShell.ts), and its view, if it made one, is the
 * viewer's to take over.
 */
export function claimPreload(url: string): ShownPdf | null {
  if (preloaded?.url !== url) return null;
  preloaded.taken = true;
  return preloaded.shown;
}

/** The preloaded PDF for this URL, once; else a fresh start. */
export function takePdfLoad(url: string): PdfLoad {
  const load = preloaded?.url === url ? preloaded : null;
  if (load) {
    preloaded = null;
    load.taken = true;
    return load;
  }
  return startPdfLoad(url);
}
