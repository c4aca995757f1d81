import { startWorker } from '../workers/start-worker.js';
import type { PdfText } from './pdf-text.js';

export interface PdfTextLimits {
  /** Pages read at most: a 300-page scan costs little per page, but a 3,000-page one would still take long. */
  maxPages: number;
  /** The worker is ended after this long (a broken or hostile PDF can loop in the parser). */
  timeoutMs: number;
}

export const defaultPdfTextLimits: PdfTextLimits = { maxPages: 500, timeoutMs: 60_000 };

/** Reads one PDF's text in a worker thread of its own, ended at the time limit or on `signal`, its heap capped. */
export function readPdfText(path: string, limits: PdfTextLimits, signal: AbortSignal): Promise<PdfText> {
  return new Promise<PdfText>((resolve) => {
    const worker = startWorker(new URL('./pdf-text-worker.js', import.meta.url), { path, maxPages: limits.maxPages }, { maxOldGenerationSizeMb: 512 });
    let settled = false;
    const settle = (answer: PdfText) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(answer);
    };
    const timer = setTimeout(() => settle({ ok: false, error: `timeout: not read within ${Math.round(limits.timeoutMs / 1000)} s` }), limits.timeoutMs);
    const onAbort = () => settle({ ok: false, error: 'stopped' });
    signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (answer: PdfText) => settle(answer));
    worker.on('error', (err) => settle({ ok: false, error: err.message }));
    worker.on('exit', (code) => settle({ ok: false, error: `the reader exited (${code}) without an answer` }));
  });
}
