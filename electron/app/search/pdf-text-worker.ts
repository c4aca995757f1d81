/**
 * Worker-thread entry of a PDF text extraction (pdf-text-reader.ts starts one
 * per PDF): reads the blob, extracts its text, answers once, ends.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { extractPdfText, type PdfText } from './pdf-text.js';

const job = workerData as { path: string; maxPages: number };
let answer: PdfText;
try {
  answer = await extractPdfText(new Uint8Array(await readFile(job.path)), job.maxPages);
} catch (err) {
  answer = { ok: false, error: err instanceof Error ? err.message : String(err) };
}
parentPort?.postMessage(answer);
