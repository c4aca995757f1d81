import type { KpiReport, KpiYear } from '../../../shared/api/index.js';
import { daysInMonth, monthsElapsed, type YearMonth } from '../../../shared/domain/kpi/months.js';

/**
 * What the headline's figures were computed from, as data: the report says how
 * in English sentences (`ytd.method`, `projection.method`) that a Japanese
 * office cannot paste into its review, so the screen builds its own sentences
 * (paperText.ts) from these numbers. Everything here is taken from the report
 * itself; today's date only adds the day of the current month, and only when
 * it agrees with the report's months.
 */

/** The baseline as the settings chose it: a finished year of the same measure, a typed figure, or none yet. */
export type BaselineRef =
  | { kind: 'year'; fiscalYear: number; sheets: number }
  | { kind: 'figure'; sheets: number; source: string }
  | { kind: 'none' };

/** The part of a year in progress the figures cover. */
export interface Period {
  /** Months behind us in full, April first; null before the end of April. */
  full: { first: YearMonth; last: YearMonth } | null;
  /** This month, with the day reached (today counted, as the server counts it) when known. */
  partial: { month: YearMonth; day: number | null; days: number } | null;
}

export type YtdExplanation =
  | { kind: 'not-started'; fiscalYear: number }
  | { kind: 'complete'; fiscalYear: number; baseline: BaselineRef; sheets: number; baselineSheets: number; reduction: number }
  | {
      kind: 'in-progress';
      fiscalYear: number;
      baseline: BaselineRef;
      period: Period;
      /** Months elapsed out of 12 (7.87 for 26 November): the share a typed figure is prorated by. */
      months: number;
      sheets: number;
      /** The baseline's same period: month for month for a year, the elapsed share for a figure. */
      samePeriod: number;
      reduction: number;
    };

export type ProjectionExplanation =
  | {
      basis: 'baseline-shape';
      baselineYear: number;
      sheetsSoFar: number;
      baselineFull: number;
      samePeriod: number;
      /** baselineFull ÷ samePeriod: how much of its year the baseline had printed by now, inverted. */
      ratio: number;
      projectedSheets: number;
      reduction: number;
      achievementPercent: number | null;
    }
  | {
      basis: 'linear';
      /** Why the baseline's months could not be used. */
      why: 'typed-figure' | 'empty-same-period' | 'no-baseline';
      baselineYear: number | null;
      sheetsSoFar: number;
      months: number;
      projectedSheets: number;
      reduction: number;
      achievementPercent: number | null;
    };

type Settings = Pick<KpiYear, 'baselineYear' | 'baselineSheets' | 'baselineSource'>;

export function baselineOf(report: Pick<KpiReport, 'baseline'>, settings: Settings): BaselineRef {
  // The report fills in a missing baseline with the year itself (reduction 0): only the settings tell "none".
  if (settings.baselineYear === null && settings.baselineSheets === null) return { kind: 'none' };
  if (report.baseline.fiscalYear !== null) return { kind: 'year', fiscalYear: report.baseline.fiscalYear, sheets: report.baseline.sheets };
  return { kind: 'figure', sheets: report.baseline.sheets, source: report.baseline.source };
}

type ReportPart = Pick<KpiReport, 'fiscalYear' | 'complete' | 'sheets' | 'reduction' | 'baseline' | 'ytd' | 'projection'>;

/** Months elapsed and the day of this month, from the clock when it agrees with the report, else from the report alone. */
function elapsedOf(report: ReportPart, baseline: BaselineRef, now: Date | number): { period: Period; months: number } {
  const list = report.ytd.months;
  const last = list[list.length - 1];
  if (last === undefined) return { period: { full: null, partial: null }, months: 0 };
  const first = list[0] ?? last;
  const before = list[list.length - 2];
  const full = before === undefined ? null : { first, last: before };
  const clock = monthsElapsed(report.fiscalYear, now);
  if (clock.status === 'in-progress' && clock.partialMonth === last) {
    const day = Number(clock.asOf.slice(8, 10));
    return { period: { full, partial: { month: last, day, days: daysInMonth(last) } }, months: clock.yearFraction * 12 };
  }
  // The report was made just before midnight, or on another clock: say "part of" the month, and
  // read the share of the year back from the prorated figure when there is one.
  const months = baseline.kind === 'figure' && baseline.sheets > 0 ? (report.ytd.baselineSheets * 12) / baseline.sheets : list.length;
  return { period: { full, partial: { month: last, day: null, days: daysInMonth(last) } }, months };
}

export function explainYtd(report: ReportPart, settings: Settings, now: Date | number = Date.now()): YtdExplanation {
  const baseline = baselineOf(report, settings);
  if (report.complete) {
    return { kind: 'complete', fiscalYear: report.fiscalYear, baseline, sheets: report.sheets, baselineSheets: report.baseline.sheets, reduction: report.reduction };
  }
  if (report.ytd.months.length === 0) return { kind: 'not-started', fiscalYear: report.fiscalYear };
  const { period, months } = elapsedOf(report, baseline, now);
  return {
    kind: 'in-progress',
    fiscalYear: report.fiscalYear,
    baseline,
    period,
    months,
    sheets: report.ytd.sheets,
    samePeriod: report.ytd.baselineSheets,
    reduction: report.ytd.reduction,
  };
}

/**
 * How the year end was projected, from the report's `projection.basis`: the
 * baseline year's monthly shape, or a straight line over the share of the year
 * elapsed (a typed-in baseline, or a baseline that printed nothing in the same period).
 */
export function explainProjection(report: ReportPart, settings: Settings, now: Date | number = Date.now()): ProjectionExplanation | null {
  const p = report.projection;
  if (p === null) return null;
  const baseline = baselineOf(report, settings);
  const common = { sheetsSoFar: report.ytd.sheets, projectedSheets: p.sheets, reduction: p.reduction, achievementPercent: p.achievementPercent };
  if (p.basis === 'baseline-shape' && baseline.kind === 'year') {
    return {
      basis: 'baseline-shape',
      baselineYear: baseline.fiscalYear,
      baselineFull: baseline.sheets,
      samePeriod: report.ytd.baselineSheets,
      ratio: baseline.sheets / report.ytd.baselineSheets,
      ...common,
    };
  }
  const { months } = elapsedOf(report, baseline, now);
  const why = baseline.kind === 'year' ? 'empty-same-period' : baseline.kind === 'figure' ? 'typed-figure' : 'no-baseline';
  return { basis: 'linear', why, baselineYear: baseline.kind === 'year' ? baseline.fiscalYear : null, months, ...common };
}
