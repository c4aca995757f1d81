import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approvalEffect } from '../../../../shared/domain/kpi/effect.js';

describe('approvalEffect', () => {
  it('is pages × paper copies per case, one-sided by default', () => {
    expect(approvalEffect([{ pages: 12 }, { pages: 3 }], 4)).toBe(60);
    expect(approvalEffect([], 4)).toBe(0);
    expect(approvalEffect([{ pages: 12 }], 0)).toBe(0);
  });

  it('halves each copy, rounded up, when the paper route would print duplex', () => {
    expect(approvalEffect([{ pages: 12 }, { pages: 3 }], 4, { duplex: true })).toBe(4 * 6 + 4 * 2);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => approvalEffect([{ pages: 3 }], -1)).toThrow(/paperCopies/);
    expect(() => approvalEffect([{ pages: 3 }], 1.5)).toThrow(RangeError);
    expect(() => approvalEffect([{ pages: 3 }, { pages: -2 }], 2)).toThrow(/cases\[1\]\.pages/);
  });

  it('grows with the copies and never exceeds the one-sided figure when duplex (property)', () => {
    const cases = fc.array(fc.record({ pages: fc.integer({ min: 0, max: 300 }) }), { maxLength: 30 });
    fc.assert(fc.property(cases, fc.integer({ min: 0, max: 10 }), (cs, copies) => {
      const pages = cs.reduce((a, c) => a + c.pages, 0);
      expect(approvalEffect(cs, copies)).toBe(pages * copies);
      expect(approvalEffect(cs, copies, { duplex: true })).toBeLessThanOrEqual(pages * copies);
      expect(approvalEffect(cs, copies + 1, { duplex: true })).toBeGreaterThanOrEqual(approvalEffect(cs, copies, { duplex: true }));
    }));
  });
});
