import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPdfText } from '../../../electron/app/search/pdf-text-reader.js';
import { brokenPdf, textPdf } from '../../helpers/pdf-fixtures.js';
import { japanesePdf } from './search-harness.js';

// Reading a PDF's text in a worker thread: Japanese text comes out, a page cap and a time limit bound the
// work, and a broken file is an answer (with its error), never a hang or a crash of the caller.

const dir = mkdtempSync(join(tmpdir(), 'kamiless-pdf-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const never = new AbortController().signal;

describe('readPdfText', () => {
  it('reads Japanese text', async () => {
    const r = await readPdfText(file('jp.pdf', await japanesePdf(['支出負担行為決議書', '道路補修'])), { maxPages: 10, timeoutMs: 30_000 }, never);
    expect(r.ok && r.text.replace(/\s/g, '')).toContain('支出負担行為決議書道路補修');
    expect(r.ok && r.hasTextLayer).toBe(true);
  });

  it('reads no further than the page cap', async () => {
    const r = await readPdfText(file('long.pdf', await textPdf(5, 'Report')), { maxPages: 2, timeoutMs: 30_000 }, never);
    expect(r.ok && { pages: r.pages, pagesRead: r.pagesRead }).toEqual({ pages: 5, pagesRead: 2 });
    expect(r.ok && r.text).toContain('page 2 of 5');
    expect(r.ok && r.text).not.toContain('page 3 of 5');
  });

  it('gives up at the time limit', async () => {
    const r = await readPdfText(file('slow.pdf', await textPdf(1, 'Slow')), { maxPages: 10, timeoutMs: 1 }, never);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^timeout/) as unknown as string });
  });

  it('answers a broken PDF with its error', async () => {
    const r = await readPdfText(file('broken.pdf', brokenPdf()), { maxPages: 10, timeoutMs: 30_000 }, never);
    expect(r.ok).toBe(false);
  });

  it('stops when asked', async () => {
    const stop = new AbortController();
    const reading = readPdfText(file('stopped.pdf', await textPdf(1, 'Stopped')), { maxPages: 10, timeoutMs: 30_000 }, stop.signal);
    stop.abort();
    expect(await reading).toEqual({ ok: false, error: 'stopped' });
  });
});
