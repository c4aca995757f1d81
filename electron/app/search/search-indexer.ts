import { existsSync } from 'node:fs';
import { isoAt, type Clock } from '../clock.js';
import type { PdfText } from './pdf-text.js';
import type { PdfTextLimits } from './pdf-text-reader.js';
import type { SearchIndex } from './search-index.sqlite.js';

/** Cases rebuilt per transaction: small enough that a request waits little for the write lock. */
export const INDEX_BATCH = 200;

export interface SearchIndexerOptions {
  index: SearchIndex;
  clock: Clock;
  blobPath: (sha256: string) => string;
  read: (path: string, limits: PdfTextLimits, signal: AbortSignal) => Promise<PdfText>;
  limits: PdfTextLimits;
  onError: (err: unknown) => void;
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Keeps the search index in step, off the request path: rebuilds the rows of
 * pending cases in batches and reads unread PDFs one at a time, each in a
 * worker thread. `drain` is safe to call at any time and from anywhere; calls
 * while a pass runs make it run once more, so nothing marked meanwhile waits.
 */
export function createSearchIndexer(opts: SearchIndexerOptions) {
  const { index } = opts;
  const stopping = new AbortController();
  let current: Promise<void> | null = null;
  let again = false;

  const pass = async (): Promise<void> => {
    for (;;) {
      while (!stopping.signal.aborted && index.flush(INDEX_BATCH) === INDEX_BATCH) await nextTick();
      const [sha256] = index.unreadBlobs(1);
      if (sha256 === undefined || stopping.signal.aborted) return;
      const path = opts.blobPath(sha256);
      const result: PdfText = existsSync(path) ? await opts.read(path, opts.limits, stopping.signal) : { ok: false, error: 'the file is missing from the blob store' };
      if (stopping.signal.aborted) return;
      index.storeText(sha256, result, isoAt(opts.clock));
    }
  };

  const drain = (): Promise<void> => {
    again = true;
    current ??= (async () => {
      try {
        while (again && !stopping.signal.aborted) {
          again = false;
          await pass();
        }
      } catch (err) {
        opts.onError(err);
      } finally {
        current = null;
      }
    })();
    return current;
  };

  return {
    drain,
    /** Stops reading (a PDF being read is abandoned, to be read again on the next start) and waits for the pass to end. */
    async stop(): Promise<void> {
      stopping.abort();
      await current;
    },
  };
}
export type SearchIndexer = ReturnType<typeof createSearchIndexer>;
