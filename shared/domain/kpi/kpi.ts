/**
 * The paper KPI of one fiscal year: sheets against the baseline, the reduction,
 * achievement against the target, and for a year in progress the same-period
 * comparison and a projected year end (DOMAIN.md, "Sheets"; issue 5, "Figures").
 *
 * Every figure is a whole number of sheets, as the CLI's JSON contract wants. The
 * one rounding step per figure is chosen so the monthly table adds up exactly to
 * the year-to-date figures (the last cumulative reduction is `ytd.reduction`).
 */
import { DEFAULT_TIME_ZONE } from '../wareki.js';
import { achievementPercent, reduction } from './achievement.js';
import { validateKpiInput, type KpiBaseline, type KpiInput } from './kpi-input.js';
import { daysInMonth, elapsedMonthList, fiscalMonths, formatYearMonth, monthsElapsed, parseYearMonth, type FiscalYearStatus, type MonthsElapsed, type YearMonth } from './months.js';

export interface KpiMonth {
  month: YearMonth;
  /** The baseline month compared with: the same calendar month of the baseline year; null for a typed figure. */
  baselineMonth: YearMonth | null;
  sheets: number;
  /** The baseline's whole month (a typed figure spread evenly over twelve months). */
  baselineSheets: number;
  elapsed: 'full' | 'partial' | 'future';
  /** The part of `baselineSheets` compared so far: all of it for a past month, the day share for the current one, null ahead. */
  baselineToDate: number | null;
  /** Running sum of (baselineToDate − sheets) over the elapsed months; null for months still ahead. */
  cumulativeReduction: number | null;
}

export interface KpiProjection {
  /** 'baseline-shape': scaled by the baseline's own months; 'linear': scaled by the share of the year elapsed. */
  basis: 'baseline-shape' | 'linear';
  /** Projected sheets of the whole year. */
  sheets: number;
  reduction: number;
  achievementPercent: number | null;
  /** An English sentence saying how it was projected (the UI may build its own from `basis`). */
  method: string;
}

export interface KpiResult {
  fiscalYear: number;
  status: FiscalYearStatus;
  /** The year is over: its figures are final. */
  complete: boolean;
  /** Today's date in the time zone (`YYYY-MM-DD`). */
  asOf: string;
  target: number | null;
  baseline: { kind: KpiBaseline['kind']; fiscalYear: number | null; sheets: number; source: string };
  /** Sheets of the year to date (the whole year once complete). */
  sheets: number;
  /** The baseline's full year. */
  baselineSheets: number;
  /**
   * Complete year: baseline − year. Year in progress: the year-to-date reduction
   * (same period of the baseline − sheets so far), never full baseline − part of a year.
   */
  reduction: number;
  /** `reduction` against the full-year target: for a year in progress, how much of the target is reached so far. */
  achievementPercent: number | null;
  ytd: {
    months: YearMonth[];
    fullMonths: number;
    partialMonth: YearMonth | null;
    fractionOfPartial: number;
    sheets: number;
    /** The same period of the baseline: full months plus the partial month's day share. */
    baselineSheets: number;
    reduction: number;
    /** An English sentence saying what the year to date was compared with. */
    method: string;
  };
  /** The projected year end while the year is in progress; null once complete or before it starts. */
  projection: KpiProjection | null;
  monthly: KpiMonth[];
  /** Sheets recorded in months after today (a skewed clock in a log): shown in `monthly`, never counted. */
  futureSheets: number;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const numberFormat = new Intl.NumberFormat('en-US');
const fmt = (n: number): string => numberFormat.format(n);
const monthName = (m: YearMonth): string => MONTH_NAMES[parseYearMonth(m).month - 1] ?? m;

interface BaselineShape {
  fiscalYear: number | null;
  source: string;
  full: number;
  months: (YearMonth | null)[];
  perMonth: number[];
  /** Sheets of the baseline up to `fullMonths + fraction` months, before rounding. */
  upTo(fullMonths: number, fraction: number): number;
}

function baselineShape(baseline: KpiBaseline, fiscalYear: number): BaselineShape {
  if (baseline.kind === 'year') {
    // April with April: the baseline month is the fiscal month shifted by whole years.
    const shift = fiscalYear - baseline.fiscalYear;
    const months = fiscalMonths(fiscalYear).map((m) => {
      const { year, month } = parseYearMonth(m);
      return formatYearMonth(year - shift, month);
    });
    const perMonth = months.map((m) => baseline.monthly[m] ?? 0);
    const full = perMonth.reduce((a, b) => a + b, 0);
    const upTo = (k: number, f: number) => perMonth.slice(0, k).reduce((a, b) => a + b, 0) + (k < 12 ? (perMonth[k] ?? 0) * f : 0);
    return { fiscalYear: baseline.fiscalYear, source: `FY${baseline.fiscalYear}`, full, months, perMonth, upTo };
  }
  const s = baseline.sheets;
  // Cumulative rounding: month i gets round(S·(i+1)/12) − round(S·i/12), so any run
  // of months from April sums to round(S × months/12) exactly and the year to S.
  const cum = (x: number) => Math.round((s * x) / 12);
  const perMonth = Array.from({ length: 12 }, (_, i) => cum(i + 1) - cum(i));
  return { fiscalYear: null, source: baseline.source, full: s, months: Array<null>(12).fill(null), perMonth, // S × (share of the year), multiplied in that order: (S × months) ÷ 12 can differ by one ulp and round the other way at .5.
    upTo: (k, f) => s * ((k + f) / 12) };
}

function periodText(e: MonthsElapsed): string {
  if (e.partialMonth === null) return 'the whole year';
  const day = Number(e.asOf.slice(8, 10));
  const partial = `${day}/${daysInMonth(e.partialMonth)} of ${monthName(e.partialMonth)}`;
  if (e.fullMonths === 0) return partial;
  // The last full month is the one before the partial month (March before April never arises: April has no full months before it).
  const lastFull = MONTH_NAMES[(parseYearMonth(e.partialMonth).month + 10) % 12] ?? '';
  const full = e.fullMonths === 1 ? 'April' : `April–${lastFull}`;
  return `${full} in full and ${partial}`;
}

function ytdMethod(fiscalYear: number, e: MonthsElapsed, b: BaselineShape, baselineYtd: number): string {
  if (e.status === 'not-started') return `FY${fiscalYear} has not started on ${e.asOf}: nothing to compare yet.`;
  if (b.fiscalYear !== null) {
    if (e.status === 'complete') return `The whole of FY${fiscalYear} against the whole of the baseline year FY${b.fiscalYear}.`;
    return `Against the same period of the baseline year FY${b.fiscalYear} (${periodText(e)}, month for month): ${fmt(baselineYtd)} sheets.`;
  }
  if (e.status === 'complete') return `The whole of FY${fiscalYear} against the typed baseline figure of ${fmt(b.full)} sheets (${b.source}).`;
  return `The baseline is a typed figure of ${fmt(b.full)} sheets (${b.source}) with no months, so the same period is its elapsed share of the year: ${fmt(b.full)} × ${(e.yearFraction * 12).toFixed(2)}/12 = ${fmt(baselineYtd)} sheets (${periodText(e)}).`;
}

function project(fiscalYear: number, e: MonthsElapsed, b: BaselineShape, ytdSheets: number, target: number | null): KpiProjection {
  const samePeriod = b.upTo(e.fullMonths, e.fractionOfPartial);
  let sheets: number;
  let method: string;
  let basis: KpiProjection['basis'];
  if (b.fiscalYear !== null && samePeriod > 0) {
    basis = 'baseline-shape';
    const ratio = b.full / samePeriod;
    sheets = Math.round(ytdSheets * ratio);
    method = `Projected with the monthly shape of FY${b.fiscalYear}: ${fmt(ytdSheets)} sheets so far (${periodText(e)}) × FY${b.fiscalYear}'s full year ÷ its same period (${fmt(b.full)} ÷ ${fmt(Math.round(samePeriod))} = ${ratio.toFixed(3)}) = ${fmt(sheets)} sheets for FY${fiscalYear}.`;
  } else {
    basis = 'linear';
    sheets = Math.round(ytdSheets / e.yearFraction);
    const why = b.fiscalYear === null
      ? 'the baseline is a typed figure with no monthly shape'
      : `the baseline year FY${b.fiscalYear} has no sheets in the same period, so its shape cannot scale anything`;
    method = `Projected linearly because ${why}: ${fmt(ytdSheets)} sheets in ${(e.yearFraction * 12).toFixed(2)} of 12 months (${periodText(e)}) scaled to 12 months = ${fmt(sheets)} sheets for FY${fiscalYear}.`;
  }
  const r = reduction(b.full, sheets);
  return { basis, sheets, reduction: r, achievementPercent: target === null ? null : achievementPercent(r, target), method };
}

/**
 * The KPI of `input.fiscalYear` as of `input.today`. Throws a RangeError listing
 * every problem (see validateKpiInput) rather than computing from a bad input.
 */
export function computeKpi(input: KpiInput): KpiResult {
  const problems = validateKpiInput(input);
  if (problems.length > 0) throw new RangeError(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  const { fiscalYear, target } = input;
  const e = monthsElapsed(fiscalYear, input.today, input.timeZone ?? DEFAULT_TIME_ZONE);
  const b = baselineShape(input.baseline, fiscalYear);
  const months = fiscalMonths(fiscalYear);

  let cumulative = 0;
  let ytdSheets = 0;
  let ytdBaseline = 0;
  let futureSheets = 0;
  const monthly: KpiMonth[] = months.map((month, i) => {
    const sheets = input.yearMonthly[month] ?? 0;
    const baselineSheets = b.perMonth[i] ?? 0;
    const elapsed: KpiMonth['elapsed'] = i < e.fullMonths ? 'full' : i === e.fullMonths && e.partialMonth !== null ? 'partial' : 'future';
    if (elapsed === 'future') {
      futureSheets += sheets;
      return { month, baselineMonth: b.months[i] ?? null, sheets, baselineSheets, elapsed, baselineToDate: null, cumulativeReduction: null };
    }
    // Each month's share is the difference of rounded running totals, so the months add up to the year-to-date figure.
    const baselineToDate = Math.round(b.upTo(i, elapsed === 'full' ? 1 : e.fractionOfPartial)) - Math.round(b.upTo(i, 0));
    cumulative += baselineToDate - sheets;
    ytdSheets += sheets;
    ytdBaseline += baselineToDate;
    return { month, baselineMonth: b.months[i] ?? null, sheets, baselineSheets, elapsed, baselineToDate, cumulativeReduction: cumulative };
  });

  const ytdReduction = reduction(ytdBaseline, ytdSheets);
  const complete = e.status === 'complete';
  const headline = complete ? reduction(b.full, ytdSheets) : ytdReduction;
  return {
    fiscalYear,
    status: e.status,
    complete,
    asOf: e.asOf,
    target,
    baseline: { kind: input.baseline.kind, fiscalYear: b.fiscalYear, sheets: b.full, source: b.source },
    sheets: ytdSheets,
    baselineSheets: b.full,
    reduction: headline,
    achievementPercent: target === null ? null : achievementPercent(headline, target),
    ytd: {
      months: elapsedMonthList(fiscalYear, e),
      fullMonths: e.fullMonths,
      partialMonth: e.partialMonth,
      fractionOfPartial: e.fractionOfPartial,
      sheets: ytdSheets,
      baselineSheets: ytdBaseline,
      reduction: ytdReduction,
      method: ytdMethod(fiscalYear, e, b, ytdBaseline),
    },
    projection: e.status === 'in-progress' ? project(fiscalYear, e, b, ytdSheets, target) : null,
    monthly,
    futureSheets,
  };
}
