/**
 * The seed's figures as monthly data (DOMAIN.md, "The paper KPI, as the seed
 * reports it"). The seed gives only yearly totals; the months are spread by a
 * plausible town-hall shape (busy April and March) so the tests also exercise
 * uneven months. Totals are exact: cumulative rounding keeps the sum.
 */
import { fiscalMonths } from '../../../../shared/domain/kpi/months.js';

/** Relative print volume per fiscal month, April first. */
export const SHAPE = [11, 8, 8, 8, 7, 8, 8, 8, 7, 7, 8, 13] as const;

/** `total` spread over the fiscal year's months by `weights`, whole sheets summing to `total`. */
export function spread(fiscalYear: number, total: number, weights: readonly number[] = SHAPE): Record<string, number> {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out: Record<string, number> = {};
  let before = 0;
  let acc = 0;
  fiscalMonths(fiscalYear).forEach((month, i) => {
    acc += weights[i] ?? 0;
    const upTo = Math.round((total * acc) / sum);
    out[month] = upTo - before;
    before = upTo;
  });
  return out;
}

export const BASELINE_FY = 2021;
export const BASELINE_TOTAL = 1_000_000;
export const FY2022_TOTAL = 925_760;
export const FY2023_TOTAL = 897_409;

/** FY2021 month by month (sums to 1,000,000), used where a test needs exact month figures. */
export const FY2021_MONTHLY: Record<string, number> = {
  '2021-04': 90_000, '2021-05': 80_000, '2021-06': 85_000, '2021-07': 80_000,
  '2021-08': 70_000, '2021-09': 85_000, '2021-10': 85_000, '2021-11': 90_000,
  '2021-12': 75_000, '2022-01': 75_000, '2022-02': 85_000, '2022-03': 100_000,
};

/** FY2024 up to 25 November 2024 (November holds only 1–25 November). */
export const FY2024_TO_25_NOV: Record<string, number> = {
  '2024-04': 75_000, '2024-05': 66_000, '2024-06': 70_000, '2024-07': 66_000,
  '2024-08': 58_000, '2024-09': 70_000, '2024-10': 70_000, '2024-11': 60_000,
};

/** Noon on 25 November 2024 in Tokyo. */
export const TODAY_25_NOV_2024 = '2024-11-25T03:00:00.000Z';
/** A day in April 2025: FY2022–FY2024 are all over. */
export const TODAY_APRIL_2025 = '2025-04-10T01:00:00.000Z';
