import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { embedJapaneseFonts, fontFile } from '../../../electron/app/pdf/fonts.js';

const tmp = mkdtempSync(join(tmpdir(), 'kamiless-pdf-fonts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SAMPLE = '令和6年度 評価 北広島町 指標 単位 目標 実績 達成率 コメント コピー・プリントアウトの削減 オンライン申請様式数 件数 184,800枚 基準年度の同じ月々、当月は日割り 年度末の見込み（ABC xyz 0123）';

/** The dark pixels of page 1 rendered in grey at 50 dpi (pdftoppm's PGM: a short header, then one byte a pixel). */
function ink(file: string): number {
  const base = file.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', '50', '-gray', '-singlefile', file, base]);
  const pgm = readFileSync(`${base}.pgm`);
  const header = /^P5\s+\d+\s+\d+\s+\d+\s/.exec(pgm.toString('latin1', 0, 64));
  if (!header) throw new Error('not a binary PGM');
  let dark = 0;
  for (const byte of pgm.subarray(header[0].length)) if (byte < 128) dark++;
  return dark;
}

async function render(subset: boolean): Promise<{ file: string; bytes: number }> {
  const doc = await PDFDocument.create();
  const fonts = await embedJapaneseFonts(doc, { subset });
  const page = doc.addPage([595, 260]);
  const chars = [...SAMPLE];
  for (let i = 0, line = 0; i < chars.length; i += 28, line++) {
    const text = chars.slice(i, i + 28).join('');
    page.drawText(text, { x: 10, y: 240 - line * 22, size: 16, font: fonts.regular });
    page.drawText(text, { x: 10, y: 130 - line * 22, size: 16, font: fonts.bold });
  }
  const bytes = await doc.save();
  const file = join(tmp, `${subset ? 'subset' : 'full'}.pdf`);
  writeFileSync(file, bytes);
  return { file, bytes: bytes.length };
}

describe('the Japanese font of the PDFs', () => {
  it('ships with the app as a dependency: BIZ UDGothic regular and bold, TrueType, under the OFL', () => {
    for (const weight of ['regular', 'bold'] as const) {
      const bytes = readFileSync(fontFile(weight));
      // A TrueType file starts with the sfnt version 0x00010000.
      expect([...bytes.subarray(0, 4)]).toEqual([0, 1, 0, 0]);
    }
    const licence = readFileSync(join(fontFile('regular'), '../../LICENSE_FONT'), 'utf8');
    expect(licence).toContain('SIL Open Font License, Version 1.1');
  });

  it('draws every glyph of a subset exactly as the whole font does (a broken subsetter prints blanks)', async () => {
    const subset = await render(true);
    const full = await render(false);
    // The subset is what keeps a report small: the whole fonts are 9 MB.
    expect(subset.bytes).toBeLessThan(100 * 1024);
    expect(full.bytes).toBeGreaterThan(4 * 1024 * 1024);
    const want = ink(full.file);
    expect(want).toBeGreaterThan(1000);
    // pdf-lib's own fontkit fork printed about a tenth of this ink for the same text.
    expect(ink(subset.file)).toBe(want);
  }, 30_000);

  it('tells which characters it lacks', async () => {
    const fonts = await embedJapaneseFonts(await PDFDocument.create());
    for (const ch of '令和評価達成率髙﨑①〜－') expect(fonts.has(ch.codePointAt(0) ?? 0), ch).toBe(true);
    expect(fonts.has('😀'.codePointAt(0) ?? 0)).toBe(false);
  });
});
