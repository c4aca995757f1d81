import { describe, expect, it } from 'vitest';
import {
  baselineYearOptions,
  compactCount,
  cumulativeRows,
  currentFiscalYear,
  filterId,
  fiscalYearOptions,
  isUnassigned,
  matchesSearch,
  monthlyRows,
  niceAxis,
  niceCeil,
  parseFiscalYearParam,
  pickerYears,
  unplacedFirst,
} from '../../../renderer/pages/paper/paperData.js';

/** The months of FY2026 as GET /api/kpi/report gives them on 26 November 2026 (the demo town's figures). */
const months = [
  { month: '2026-04', sheets: 18954, baselineSheets: 39059, cumulativeReduction: 20105 },
  { month: '2026-05', sheets: 16817, baselineSheets: 34653, cumulativeReduction: 37941 },
  { month: '2026-06', sheets: 18463, baselineSheets: 38047, cumulativeReduction: 57525 },
  { month: '2026-07', sheets: 16721, baselineSheets: 31325, cumulativeReduction: 72129 },
  { month: '2026-08', sheets: 11718, baselineSheets: 25354, cumulativeReduction: 85765 },
  { month: '2026-09', sheets: 14742, baselineSheets: 31978, cumulativeReduction: 103001 },
  { month: '2026-10', sheets: 15795, baselineSheets: 32549, cumulativeReduction: 119755 },
  { month: '2026-11', sheets: 12227, baselineSheets: 31651, cumulativeReduction: 134959 },
  { month: '2026-12', sheets: 0, baselineSheets: 30020, cumulativeReduction: null },
  { month: '2027-01', sheets: 0, baselineSheets: 30379, cumulativeReduction: null },
  { month: '2027-02', sheets: 0, baselineSheets: 34066, cumulativeReduction: null },
  { month: '2027-03', sheets: 0, baselineSheets: 40919, cumulativeReduction: null },
];

describe('the fiscal year picker', () => {
  it('takes the current fiscal year from the date in Tokyo, not UTC', () => {
    // 31 March 15:30 UTC is already 1 April in Tokyo: FY2025 has begun.
    expect(currentFiscalYear(Date.parse('2025-03-31T15:30:00Z'))).toBe(2025);
    expect(currentFiscalYear(Date.parse('2025-03-31T14:59:00Z'))).toBe(2024);
    expect(currentFiscalYear(new Date('2026-11-25T17:05:00Z'))).toBe(2026);
  });

  it('offers every year from the earliest with settings or named as a baseline to the current one, newest first', () => {
    const seeded = [
      { fiscalYear: 2022, baselineYear: 2021 },
      { fiscalYear: 2023, baselineYear: 2021 },
      { fiscalYear: 2024, baselineYear: 2021 },
    ];
    expect(fiscalYearOptions(seeded, 2026)).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
  });

  it('offers only the current year to a town without settings, and reaches back to a year asked for in the address', () => {
    expect(fiscalYearOptions([], 2026)).toEqual([2026]);
    expect(fiscalYearOptions([], 2026, 2023)).toEqual([2026, 2025, 2024, 2023]);
  });

  it('never offers a year after the current one nor one before 2000', () => {
    expect(fiscalYearOptions([{ fiscalYear: 2030, baselineYear: 1990 }], 2026)).toEqual([2026]);
  });

  it('offers the years GET /api/kpi/fiscal-years lists, with whether they have data, up to the current one', () => {
    const listed = [
      { fiscalYear: 2027, hasData: false },
      { fiscalYear: 2026, hasData: true },
      { fiscalYear: 2025, hasData: false },
      { fiscalYear: 2019, hasData: true },
    ];
    expect(pickerYears(listed, [], 2026, 2026)).toEqual([
      { fiscalYear: 2026, hasData: true },
      { fiscalYear: 2025, hasData: false },
      { fiscalYear: 2019, hasData: true },
    ]);
    // The year in the address stays choosable even when the list does not have it.
    expect(pickerYears([{ fiscalYear: 2026, hasData: true }], [], 2026, 2012).map((y) => y.fiscalYear)).toEqual([2026, 2012]);
    expect(pickerYears([], [], 2026, 2026)).toEqual([{ fiscalYear: 2026, hasData: null }]);
  });

  it('offers the years the settings reach while that list loads', () => {
    expect(pickerYears(undefined, [{ fiscalYear: 2024, baselineYear: 2021 }], 2026, 2026).map((y) => [y.fiscalYear, y.hasData])).toEqual([
      [2026, null], [2025, null], [2024, null], [2023, null], [2022, null], [2021, null],
    ]);
  });

  it('reads ?fy= only as a four-digit year that has begun', () => {
    expect(parseFiscalYearParam('2024', 2026)).toBe(2024);
    expect(parseFiscalYearParam('2026', 2026)).toBe(2026);
    expect(parseFiscalYearParam('2027', 2026)).toBeNull();
    expect(parseFiscalYearParam('1999', 2026)).toBeNull();
    expect(parseFiscalYearParam('R6', 2026)).toBeNull();
    expect(parseFiscalYearParam('2024.5', 2026)).toBeNull();
    expect(parseFiscalYearParam(null, 2026)).toBeNull();
  });

  it('offers baselines before the year only, at least ten years back', () => {
    const options = baselineYearOptions(2026, []);
    expect(options[0]).toBe(2025);
    expect(options).toHaveLength(10);
    expect(options).not.toContain(2026);
    expect(baselineYearOptions(2026, [{ fiscalYear: 2012, baselineYear: 2010 }]).at(-1)).toBe(2010);
  });
});

describe('the monthly chart', () => {
  it('puts April first and leaves the months ahead without a bar for this year', () => {
    const rows = monthlyRows({ months }, 'ja', true);
    expect(rows.map((r) => r.label)).toEqual(['4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月']);
    expect(rows[7]).toEqual({ label: '11月', month: '2026-11', sheets: 12227, baseline: 31651 });
    // December is ahead: no "0 sheets" bar, but the baseline's December stays for comparison.
    expect(rows[8]).toEqual({ label: '12月', month: '2026-12', sheets: null, baseline: 30020 });
  });

  it('draws no baseline bars when none is set (the report then mirrors the year itself)', () => {
    expect(monthlyRows({ months }, 'en', false).every((r) => r.baseline === null)).toBe(true);
    expect(monthlyRows({ months }, 'en', false)[0]?.label).toBe('Apr');
  });
});

describe('the cumulative chart', () => {
  it('stops the line at the current month', () => {
    const rows = cumulativeRows({ months }, 'ja');
    expect(rows.map((r) => r.reduction)).toEqual([20105, 37941, 57525, 72129, 85765, 103001, 119755, 134959, null, null, null, null]);
  });

  it('makes room for the target line above the data, in round steps', () => {
    const values = cumulativeRows({ months }, 'ja').map((r) => r.reduction);
    expect(niceAxis(values, [184800])).toEqual({ domain: [0, 200000], ticks: [0, 50000, 100000, 150000, 200000] });
    // A target below the data: the data decides.
    expect(niceAxis(values, [46000])).toEqual({ domain: [0, 150000], ticks: [0, 50000, 100000, 150000] });
    expect(niceAxis(values, [null]).domain).toEqual([0, 150000]);
  });

  it('goes below zero when more was printed than in the baseline', () => {
    expect(niceAxis([-1200, -2600], [10000])).toEqual({ domain: [-5000, 10000], ticks: [-5000, 0, 5000, 10000] });
  });

  it('gives the monthly bars round ticks instead of 5,500 / 1.1万 / 1.6万', () => {
    expect(niceAxis([20512, 21004, 18000]).ticks).toEqual([0, 5000, 10000, 15000, 20000, 25000]);
    expect(niceAxis([]).ticks).toEqual([0, 1]);
  });

  it('rounds axis tops to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceCeil(184800)).toBe(200000);
    expect(niceCeil(26000)).toBe(50000);
    expect(niceCeil(25000)).toBe(25000);
    expect(niceCeil(1)).toBe(1);
    expect(niceCeil(0)).toBe(0);
    expect(niceCeil(-5)).toBe(0);
  });

  it('writes axis ticks the way the office says large counts', () => {
    expect(compactCount(50000, 'ja')).toBe('5万');
    expect(compactCount(185000, 'ja')).toBe('18.5万');
    expect(compactCount(9500, 'ja')).toBe('9,500');
    expect(compactCount(-20000, 'ja')).toBe('-2万');
    expect(compactCount(50000, 'en')).toBe('50k');
    expect(compactCount(1_200_000, 'en')).toBe('1.2M');
    expect(compactCount(0, 'en')).toBe('0');
  });
});

describe('the mapping list and the drill-down', () => {
  it('lists the names nothing places first, each group by sheets', () => {
    const rows = [
      { name: 'maeda.megumi', sheets: 7695, via: 'login' as const },
      { name: 'guest', sheets: 764, via: null },
      { name: 'HONCHO-SOMU-MFP01', sheets: 15406, via: 'rule' as const },
      { name: 'hoken-shared', sheets: 4271, via: null },
    ];
    expect(unplacedFirst(rows).map((r) => r.name)).toEqual(['hoken-shared', 'guest', 'HONCHO-SOMU-MFP01', 'maeda.megumi']);
  });

  it('asks the API for 未割当 with 0', () => {
    expect(filterId(null)).toBe(0);
    expect(filterId(7)).toBe(7);
    expect(isUnassigned({ id: null, name: '未割当' })).toBe(true);
    // A printer row has no id either: only the name tells 未割当 apart.
    expect(isUnassigned({ id: null, name: 'HONCHO-SOMU-MFP01' })).toBe(false);
    expect(isUnassigned({ id: 3, name: '未割当' })).toBe(false);
  });
});

describe('the mapping search', () => {
  it('finds a part of a name whatever its case or width', () => {
    expect(matchesSearch('HONCHO-SOMU-MFP01', 'somu')).toBe(true);
    expect(matchesSearch('HONCHO-SOMU-MFP01', 'ＳＯＭＵ')).toBe(true);
    expect(matchesSearch('ｹﾞｲﾎｸ-PRN', 'ゲイホク')).toBe(true);
    expect(matchesSearch('OASA-MFP01', 'somu')).toBe(false);
    expect(matchesSearch('OASA-MFP01', '  ')).toBe(true);
  });
});
