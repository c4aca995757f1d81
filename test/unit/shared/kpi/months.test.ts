import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  elapsedMonthList,
  fiscalMonthIndex,
  fiscalMonths,
  fiscalYearOfMonth,
  isYearMonth,
  monthOfInstant,
  monthsElapsed,
  parseYearMonth,
} from '../../../../shared/domain/kpi/months.js';
import { fiscalYearOf } from '../../../../shared/domain/wareki.js';

/** Instants from 2000 to 2099, where every month and fiscal-year boundary occurs. */
const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });

describe('fiscalMonths', () => {
  it('runs April to March', () => {
    expect(fiscalMonths(2024)).toEqual([
      '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09',
      '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03',
    ]);
  });

  it('refuses what is not a fiscal year', () => {
    expect(() => fiscalMonths(2024.5)).toThrow(RangeError);
    expect(() => fiscalMonths(24)).toThrow(RangeError);
    expect(() => fiscalMonths(Number.NaN)).toThrow(RangeError);
  });

  it('gives twelve ascending months that all belong to the year, April at index 0 (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1000, max: 9998 }), (fy) => {
      const months = fiscalMonths(fy);
      expect(months).toHaveLength(12);
      expect([...months].sort()).toEqual(months);
      months.forEach((m, i) => {
        expect(fiscalYearOfMonth(m)).toBe(fy);
        expect(fiscalMonthIndex(m)).toBe(i);
      });
    }));
  });
});

describe('fiscalYearOfMonth', () => {
  it('puts January–March in the year that began the April before', () => {
    expect(fiscalYearOfMonth('2025-02')).toBe(2024);
    expect(fiscalYearOfMonth('2025-03')).toBe(2024);
    expect(fiscalYearOfMonth('2025-04')).toBe(2025);
    expect(fiscalYearOfMonth('2024-12')).toBe(2024);
  });

  it('refuses a string that is not YYYY-MM', () => {
    for (const bad of ['2025-2', '2025-13', '2025-00', '202502', '2025/02', '']) {
      expect(isYearMonth(bad)).toBe(false);
      expect(() => fiscalYearOfMonth(bad)).toThrow(RangeError);
    }
    expect(parseYearMonth('2025-02')).toEqual({ year: 2025, month: 2 });
  });
});

describe('daysInMonth', () => {
  it('knows leap years', () => {
    expect(daysInMonth('2024-02')).toBe(29);
    expect(daysInMonth('2025-02')).toBe(28);
    expect(daysInMonth('2100-02')).toBe(28);
    expect(daysInMonth('2000-02')).toBe(29);
    expect(daysInMonth('2024-11')).toBe(30);
    expect(daysInMonth('2024-12')).toBe(31);
  });
});

describe('monthOfInstant', () => {
  it('reads the month in Tokyo', () => {
    expect(monthOfInstant('2024-03-31T15:30:00Z')).toBe('2024-04');
    expect(monthOfInstant('2024-03-31T14:59:59Z')).toBe('2024-03');
    expect(monthOfInstant('2024-03-31T15:30:00Z', 'UTC')).toBe('2024-03');
  });

  it('refuses an invalid date', () => {
    expect(() => monthOfInstant('not a date')).toThrow(RangeError);
  });

  it('agrees with wareki.fiscalYearOf for any instant (property)', () => {
    fc.assert(fc.property(instant, (d) => {
      expect(fiscalYearOfMonth(monthOfInstant(d))).toBe(fiscalYearOf(d));
    }));
  });
});

describe('monthsElapsed', () => {
  it('is Apr–Oct in full and 25/30 of November on 25 Nov 2024', () => {
    const e = monthsElapsed(2024, '2024-11-25T03:00:00Z');
    expect(e).toMatchObject({ status: 'in-progress', fullMonths: 7, partialMonth: '2024-11', asOf: '2024-11-25' });
    expect(e.fractionOfPartial).toBeCloseTo(25 / 30, 12);
    expect(e.yearFraction).toBeCloseTo((7 + 25 / 30) / 12, 12);
    expect(elapsedMonthList(2024, e)).toEqual(['2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11']);
  });

  it('reads the day in Tokyo: 15:30Z on 24 Nov is already the 25th', () => {
    expect(monthsElapsed(2024, '2024-11-24T15:30:00Z').fractionOfPartial).toBeCloseTo(25 / 30, 12);
    expect(monthsElapsed(2024, '2024-11-24T14:59:00Z').fractionOfPartial).toBeCloseTo(24 / 30, 12);
  });

  it('starts the year on 1 April in Tokyo, with one day of April elapsed', () => {
    const e = monthsElapsed(2024, '2024-03-31T15:30:00Z');
    expect(e).toMatchObject({ status: 'in-progress', fullMonths: 0, partialMonth: '2024-04' });
    expect(e.fractionOfPartial).toBeCloseTo(1 / 30, 12);
    expect(monthsElapsed(2024, '2024-03-31T14:30:00Z')).toMatchObject({ status: 'not-started', fullMonths: 0, partialMonth: null, fractionOfPartial: 0, yearFraction: 0 });
  });

  it('keeps 31 March in progress (the day is still being printed) and ends the year on 1 April', () => {
    const last = monthsElapsed(2024, '2025-03-31T10:00:00Z');
    expect(last).toMatchObject({ status: 'in-progress', fullMonths: 11, partialMonth: '2025-03', fractionOfPartial: 1 });
    expect(monthsElapsed(2024, '2025-03-31T15:00:00Z')).toMatchObject({ status: 'complete', fullMonths: 12, partialMonth: null, yearFraction: 1 });
  });

  it('counts a past year as 12 full months and a future one as none', () => {
    expect(monthsElapsed(2022, '2024-11-25T03:00:00Z')).toMatchObject({ status: 'complete', fullMonths: 12, partialMonth: null, fractionOfPartial: 0 });
    expect(monthsElapsed(2025, '2024-11-25T03:00:00Z')).toMatchObject({ status: 'not-started', fullMonths: 0, partialMonth: null, fractionOfPartial: 0 });
  });

  it('is consistent for any day and year (property)', () => {
    fc.assert(fc.property(instant, fc.integer({ min: 1999, max: 2100 }), (d, fy) => {
      const e = monthsElapsed(fy, d);
      const fyToday = fiscalYearOf(d);
      expect(e.status).toBe(fy < fyToday ? 'complete' : fy > fyToday ? 'not-started' : 'in-progress');
      expect(e.fullMonths).toBeGreaterThanOrEqual(0);
      expect(e.fullMonths).toBeLessThanOrEqual(12);
      if (e.partialMonth === null) {
        expect(e.fractionOfPartial).toBe(0);
        expect(e.yearFraction).toBe(e.fullMonths / 12);
      } else {
        expect(e.partialMonth).toBe(monthOfInstant(d));
        expect(fiscalMonthIndex(e.partialMonth)).toBe(e.fullMonths);
        expect(e.fractionOfPartial).toBeGreaterThan(0);
        expect(e.fractionOfPartial).toBeLessThanOrEqual(1);
        expect(e.yearFraction).toBeGreaterThan(0);
        expect(e.yearFraction).toBeLessThanOrEqual(1);
      }
    }));
  });
});
