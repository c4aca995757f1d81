import fc from 'fast-check';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition, evaluationFileNames } from '../../../electron/app/kpi/evaluation.repo.js';
import { dualScale, niceStep } from '../../../electron/app/pdf/chart.js';
import { embedJapaneseFonts } from '../../../electron/app/pdf/fonts.js';
import { formatNumber, formatPercent, MISSING_GLYPH, printable, wrapText } from '../../../electron/app/pdf/text.js';

let font: PDFFont;
beforeAll(async () => {
  font = (await embedJapaneseFonts(await PDFDocument.create())).regular;
});

const SIZE = 10;
const widthOf = (s: string) => font.widthOfTextAtSize(s, SIZE);
/** A full-width character is one em: 10 points at size 10. */
const em = (n: number) => n * SIZE;

describe('wrapText', () => {
  it('breaks Japanese between characters and keeps every character', () => {
    const text = '子育て関係の申請を中心にオンライン化を進めた';
    const lines = wrapText(text, font, SIZE, em(8));
    expect(lines).toEqual(['子育て関係の申請', 'を中心にオンライ', 'ン化を進めた']);
    expect(lines.join('')).toBe(text);
    for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(em(8));
  });

  it('never starts a line with closing punctuation: the character before it comes down too (追い出し)', () => {
    // Eight ems: "あいうえおかきく" fills the line exactly, so "。" would start the next one.
    const lines = wrapText('あいうえおかきく。けこ', font, SIZE, em(8));
    expect(lines).toEqual(['あいうえおかき', 'く。けこ']);
    const closing = wrapText('あいうえおかき「く」。けこ', font, SIZE, em(9));
    for (const line of closing) expect(line).not.toMatch(/^[」。、）]/);
  });

  it('never ends a line with an opening bracket', () => {
    const lines = wrapText('あいうえおかき（くけこ）', font, SIZE, em(8));
    expect(lines[0]).toBe('あいうえおかき');
    expect(lines[1]).toBe('（くけこ）');
  });

  it('keeps Latin words and numbers whole, cuts only a word longer than the line, and keeps explicit line breaks', () => {
    expect(wrapText('Kamiless report 184,800 sheets', font, SIZE, widthOf('Kamiless report 184,'))).toEqual(['Kamiless report', '184,800 sheets']);
    const long = wrapText('x'.repeat(40), font, SIZE, widthOf('x'.repeat(10)));
    expect(long).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(10), 'x'.repeat(10)]);
    expect(wrapText('一行目\n二行目\r\n\n四行目', font, SIZE, em(20))).toEqual(['一行目', '二行目', '', '四行目']);
  });

  it('any text: lines fit the width and nothing is lost but spaces', () => {
    const alphabet = [...'あいう漢字申請様式数、。「」（）・ー々abc123 ,.'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 120 }), fc.integer({ min: 6, max: 30 }), (chars, ems) => {
        const text = chars.join('');
        const lines = wrapText(text, font, SIZE, em(ems));
        for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(em(ems) + 0.001);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      }),
      { numRuns: 300 },
    );
  });
});

describe('printable', () => {
  const has = (cp: number) => cp < 0x1f000;
  it('marks characters the font lacks with 〓 and drops control characters and variation selectors', () => {
    expect(printable('済😀み', has)).toBe(`済${MISSING_GLYPH}み`);
    expect(printable('a\tb\nc\u0007d\u200b', () => true)).toBe('a b cd');
    expect(printable('葛\ufe00城', has)).toBe('葛城');
  });
});

describe('numbers as printed', () => {
  it('uses thousands separators, a dash for none, and never prints -0', () => {
    expect(formatNumber(184800)).toBe('184,800');
    expect(formatNumber(-1234)).toBe('-1,234');
    expect(formatNumber(1.25)).toBe('1.25');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(null)).toBe('—');
    expect(formatPercent(161)).toBe('161%');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('chart scales', () => {
  it('steps by 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(23_000)).toBe(25_000);
    expect(niceStep(180)).toBe(200);
    expect(niceStep(0.3)).toBe(0.5);
    expect(niceStep(0)).toBe(1);
  });

  it('shares the zero line of both axes when the line goes below zero', () => {
    const s = dualScale({ max: 110_000 }, { min: -30_000, max: 205_000 });
    expect(s.leftStep * s.above).toBeGreaterThanOrEqual(110_000);
    expect(s.rightStep * s.above).toBeGreaterThanOrEqual(205_000);
    expect(-s.rightStep * s.below).toBeLessThanOrEqual(-30_000);
    expect(s.below).toBeGreaterThan(0);
    expect(dualScale({ max: 0 }, null)).toMatchObject({ above: 1, below: 0 });
    // An empty year beside a target: whole sheets on the left axis, not 0.2.
    expect(dualScale({ max: 0 }, { min: 0, max: 184_800 })).toMatchObject({ leftStep: 1, rightStep: 50_000, above: 4 });
  });
});

describe('download file names', () => {
  it('names the file by the era year in ASCII and in Japanese', () => {
    expect(evaluationFileNames(2024, 'csv')).toEqual({ ascii: 'hyoka-R6.csv', japanese: '令和6年度_評価.csv' });
    expect(evaluationFileNames(2019, 'pdf')).toEqual({ ascii: 'hyoka-R1.pdf', japanese: '令和元年度_評価.pdf' });
    expect(evaluationFileNames(2018, 'pdf').ascii).toBe('hyoka-H30.pdf');
  });

  it('gives both names in Content-Disposition, the Japanese one as RFC 5987 filename*', () => {
    const value = contentDisposition({ ascii: 'hyoka-R6.csv', japanese: "令和6年度_評価(1)'.csv" });
    expect(value).toBe("attachment; filename=\"hyoka-R6.csv\"; filename*=UTF-8''%E4%BB%A4%E5%92%8C6%E5%B9%B4%E5%BA%A6_%E8%A9%95%E4%BE%A1%281%29%27.csv");
  });
});
