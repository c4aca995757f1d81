// Helpers shared by the search tests in this folder (not a test file itself).
import { PDFDocument } from 'pdf-lib';
import { expect, vi } from 'vitest';
import { api } from '../../../shared/api/endpoints.js';
import type { SearchResult } from '../../../shared/api/search.js';
import { embedJapaneseFonts } from '../../../electron/app/pdf/fonts.js';
import { bodyOf, type Client } from '../../helpers/test-app.js';

/** A one-page PDF whose text layer holds `lines` (Japanese, in BIZ UDGothic). */
export async function japanesePdf(lines: readonly string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const { regular } = await embedJapaneseFonts(doc);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 24, size: 14, font: regular }));
  return Buffer.from(await doc.save());
}

export async function search(c: Client, query: string): Promise<SearchResult> {
  return bodyOf(api.search, await c.inject({ method: 'GET', url: `/api/search?${query}` }));
}

export const q = (words: string, extra = ''): string => `q=${encodeURIComponent(words)}${extra}`;

export const ids = (r: SearchResult): number[] => r.items.map((i) => i.caseId).sort((a, b) => a - b);

/** Searches until the result holds `caseId` (PDF text is read in the background); fails after `timeout`. */
export async function eventuallyFinds(c: Client, query: string, caseId: number, timeout = 30_000): Promise<SearchResult> {
  return vi.waitFor(
    async () => {
      const r = await search(c, query);
      expect(ids(r)).toContain(caseId);
      return r;
    },
    { timeout, interval: 200 },
  );
}
