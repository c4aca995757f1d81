import { describe, expect, it } from 'vitest';
import {
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  formatWarekiDate,
  formatWarekiDateTime,
  localDayRange,
} from '../../../shared/domain/wareki.js';

describe('fiscalYearOf', () => {
  it('starts the fiscal year on 1 April in Tokyo', () => {
    expect(fiscalYearOf('2024-04-01T00:00:00+09:00')).toBe(2024);
    expect(fiscalYearOf('2024-03-31T23:59:59+09:00')).toBe(2023);
    expect(fiscalYearOf('2025-03-31T23:59:00+09:00')).toBe(2024);
    expect(fiscalYearOf('2024-12-31T12:00:00+09:00')).toBe(2024);
    expect(fiscalYearOf('2025-01-01T00:00:00+09:00')).toBe(2024);
  });

  it('reads a UTC instant in Japan time', () => {
    // 15:30 UTC on 31 March is 00:30 on 1 April in Tokyo.
    expect(fiscalYearOf('2024-03-31T15:30:00Z')).toBe(2024);
    expect(fiscalYearOf('2024-03-31T14:59:59Z')).toBe(2023);
    expect(fiscalYearOf(new Date(Date.UTC(2024, 2, 31, 15, 0, 0)))).toBe(2024);
  });

  it('uses another time zone when told', () => {
    expect(fiscalYearOf('2024-03-31T15:30:00Z', 'UTC')).toBe(2023);
    expect(fiscalYearOf('2024-04-01T00:30:00Z', 'UTC')).toBe(2024);
  });

  it('accepts epoch milliseconds and refuses invalid dates', () => {
    expect(fiscalYearOf(Date.UTC(2024, 3, 1, 0, 0, 0))).toBe(2024);
    expect(() => fiscalYearOf('not a date')).toThrow(RangeError);
  });
});

describe('fiscalYearRange', () => {
  it('runs from 1 April to 31 March', () => {
    expect(fiscalYearRange(2024)).toEqual({ start: '2024-04-01', end: '2025-03-31' });
  });
});

describe('fiscalYearLabel', () => {
  it('names the fiscal year in the era', () => {
    expect(fiscalYearLabel(2024, 'ja')).toBe('令和6年度');
    expect(fiscalYearLabel(2022, 'ja')).toBe('令和4年度');
    expect(fiscalYearLabel(2020, 'ja')).toBe('令和2年度');
  });

  it('writes the first year of an era as 元', () => {
    expect(fiscalYearLabel(2019, 'ja')).toBe('令和元年度');
    expect(fiscalYearLabel(1989, 'ja')).toBe('平成元年度');
  });

  it('uses the previous era before 2019', () => {
    expect(fiscalYearLabel(2018, 'ja')).toBe('平成30年度');
  });

  it('writes FY in English', () => {
    expect(fiscalYearLabel(2024, 'en')).toBe('FY2024');
  });
});

describe('formatWarekiDate', () => {
  it('formats in the Japanese calendar', () => {
    expect(formatWarekiDate('2024-04-01T00:00:00+09:00', 'ja')).toBe('令和6年4月1日');
  });

  it('switches era on 1 May 2019', () => {
    expect(formatWarekiDate('2019-04-30T23:59:59+09:00', 'ja')).toBe('平成31年4月30日');
    expect(formatWarekiDate('2019-05-01T00:00:00+09:00', 'ja')).toBe('令和元年5月1日');
    // 15:00 UTC on 30 April is already 1 May in Tokyo, but not in UTC.
    expect(formatWarekiDate('2019-04-30T15:00:00Z', 'ja')).toBe('令和元年5月1日');
    expect(formatWarekiDate('2019-04-30T15:00:00Z', 'ja', 'UTC')).toBe('平成31年4月30日');
  });

  it('switches era on 8 January 1989', () => {
    expect(formatWarekiDate('1989-01-07T12:00:00+09:00', 'ja')).toBe('昭和64年1月7日');
    expect(formatWarekiDate('1989-01-08T12:00:00+09:00', 'ja')).toBe('平成元年1月8日');
  });

  it('formats day, month and year in English', () => {
    expect(formatWarekiDate('2024-04-01T00:00:00+09:00', 'en')).toBe('1 Apr 2024');
    expect(formatWarekiDate('2024-09-15T00:00:00+09:00', 'en')).toBe('15 Sep 2024');
    expect(formatWarekiDate('2024-03-31T15:30:00Z', 'en')).toBe('1 Apr 2024');
  });
});

describe('formatWarekiDateTime', () => {
  it('adds the Japan time of day on a 24-hour clock', () => {
    expect(formatWarekiDateTime('2024-04-01T00:05:00Z', 'ja')).toBe('令和6年4月1日 9:05');
    expect(formatWarekiDateTime('2024-04-01T00:05:00Z', 'en')).toBe('1 Apr 2024, 09:05');
    expect(formatWarekiDateTime('2024-03-31T15:00:00Z', 'ja')).toBe('令和6年4月1日 0:00');
    expect(formatWarekiDateTime('2024-04-01T14:59:00Z', 'en')).toBe('1 Apr 2024, 23:59');
  });
});

describe('localDayRange', () => {
  it("gives the UTC bounds of today's date in Tokyo", () => {
    expect(localDayRange('2024-05-02T12:00:00+09:00')).toEqual({ start: '2024-05-01T15:00:00.000Z', end: '2024-05-02T15:00:00.000Z' });
    // 23:30 UTC is already the next morning in Tokyo.
    expect(localDayRange('2024-05-01T23:30:00Z')).toEqual({ start: '2024-05-01T15:00:00.000Z', end: '2024-05-02T15:00:00.000Z' });
  });

  it('crosses month and year ends, and follows a zone with summer time', () => {
    expect(localDayRange('2024-12-31T20:00:00+09:00')).toEqual({ start: '2024-12-30T15:00:00.000Z', end: '2024-12-31T15:00:00.000Z' });
    expect(localDayRange('2025-02-28T10:00:00+09:00').end).toBe('2025-02-28T15:00:00.000Z');
    // 31 March 2024 in Berlin: 23 hours long (clocks go forward).
    expect(localDayRange('2024-03-31T12:00:00Z', 'Europe/Berlin')).toEqual({ start: '2024-03-30T23:00:00.000Z', end: '2024-03-31T22:00:00.000Z' });
  });
});
