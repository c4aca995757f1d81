import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { a4Equivalent, DEFAULT_SHEET_BASIS, duplexSavings, isA3 } from '../../../../shared/domain/kpi/sheets.js';
import { sheetsOf } from '../../../../shared/domain/printlog/job.js';

describe('isA3', () => {
  it.each([
    'A3', 'a3', 'iso_a3_297x420mm', 'A3 (297 x 420 mm)', 'Ａ３', 'ａ３', 'A3判', 'Ａ３縦', 'A3ノビ', ' A3 ', 'ISO A3',
    'SRA3', 'RA3', 'A3+', 'A3W', 'Super A3', 'JIS-A3', 'paper=A3;tray=2',
  ])('reads %j as A3', (size) => {
    expect(isA3(size)).toBe(true);
  });

  it.each([
    'A4', 'a4', 'iso_a4_210x297mm', 'Ａ４', 'B4', 'JIS B3', 'Letter', 'Tabloid', '', 'A30', 'BA3', 'na_ledger_11x17in', 'A4R', '297x420',
  ])('does not read %j as A3', (size) => {
    expect(isA3(size)).toBe(false);
  });
});

describe('a4Equivalent', () => {
  it('counts an A3 sheet as two A4s on the a4-equivalent basis', () => {
    expect(a4Equivalent(10, 'A3', 'a4-equivalent')).toBe(20);
    expect(a4Equivalent(10, 'Ａ３', 'a4-equivalent')).toBe(20);
    expect(a4Equivalent(10, 'A4', 'a4-equivalent')).toBe(10);
    expect(a4Equivalent(10, '', 'a4-equivalent')).toBe(10);
  });

  it('counts every sheet once on the sheets basis, which is the office default', () => {
    expect(DEFAULT_SHEET_BASIS).toBe('sheets');
    expect(a4Equivalent(10, 'A3', 'sheets')).toBe(10);
    expect(a4Equivalent(10, 'A4', 'sheets')).toBe(10);
  });

  it('defaults to the basis it is named for', () => {
    expect(a4Equivalent(3, 'iso_a3_297x420mm')).toBe(6);
  });
});

describe('duplexSavings', () => {
  it('saves the backs of a one-sided job', () => {
    // 10 pages × 3 copies: 30 sheets one-sided, 15 duplex.
    expect(duplexSavings({ pagesPerCopy: 10, copies: 3, sides: 1 })).toBe(15);
    // 5 pages: 5 sheets one-sided, 3 duplex → 2 a copy.
    expect(duplexSavings({ pagesPerCopy: 5, copies: 2, sides: 1 })).toBe(4);
    // 8 pages 2-up: 4 sheets one-sided, 2 duplex.
    expect(duplexSavings({ pagesPerCopy: 8, copies: 1, sides: 1, nUp: 2 })).toBe(2);
  });

  it('treats a job whose sides are unknown as one-sided', () => {
    expect(duplexSavings({ pagesPerCopy: 4, copies: 1, sides: null })).toBe(2);
  });

  it('saves nothing on duplex jobs, one-page jobs and unreadable figures', () => {
    expect(duplexSavings({ pagesPerCopy: 10, copies: 3, sides: 2 })).toBe(0);
    expect(duplexSavings({ pagesPerCopy: 1, copies: 50, sides: 1 })).toBe(0);
    expect(duplexSavings({ pagesPerCopy: 2, copies: 1, sides: 1, nUp: 2 })).toBe(0);
    expect(duplexSavings({ pagesPerCopy: 0, copies: 1, sides: 1 })).toBe(0);
    expect(duplexSavings({ pagesPerCopy: 10, copies: 0, sides: 1 })).toBe(0);
    expect(duplexSavings({ pagesPerCopy: Number.NaN, copies: 1, sides: 1 })).toBe(0);
    expect(duplexSavings({ pagesPerCopy: 10, copies: 1, sides: 1, nUp: Number.NaN })).toBe(5);
  });

  it('is half of each copy\'s one-sided sheets, rounded down, and never more than printed (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 100 }), fc.constantFrom<1 | 2 | null>(1, 2, null), fc.integer({ min: 1, max: 16 }),
      (pagesPerCopy, copies, sides, nUp) => {
        const saved = duplexSavings({ pagesPerCopy, copies, sides, nUp });
        const printed = sheetsOf(pagesPerCopy, copies, sides, nUp);
        expect(saved).toBeGreaterThanOrEqual(0);
        expect(saved).toBeLessThanOrEqual(printed);
        if (sides === 2 || pagesPerCopy <= 1) expect(saved).toBe(0);
        else expect(saved).toBe(copies * Math.floor(sheetsOf(pagesPerCopy, 1, 1, nUp) / 2));
        // What duplex would have printed plus what it saves is what was printed.
        if (sides !== 2 && pagesPerCopy > 1) expect(printed - saved).toBe(sheetsOf(pagesPerCopy, copies, 2, nUp));
      },
    ));
  });
});
