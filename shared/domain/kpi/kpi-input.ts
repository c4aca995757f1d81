/**
 * What the paper KPI is computed from, and the checks that make a bad input a
 * clear error instead of a wrong figure (the issue: "a target of −5, an unknown
 * fiscal year … gets a clear error and changes nothing").
 */
import { fiscalYearOfMonth, isYearMonth, monthsElapsed, type YearMonth } from './months.js';

/**
 * The baseline: a chosen fiscal year's monthly sheets (its months give the
 * seasonal shape used for the same-period comparison and the projection), or a
 * figure typed in by hand with where it comes from (e.g. paper purchase records).
 */
export type KpiBaseline =
  | { kind: 'year'; fiscalYear: number; monthly: Readonly<Record<YearMonth, number>> }
  | { kind: 'figure'; sheets: number; source: string };

export interface KpiInput {
  fiscalYear: number;
  /** The instant "now", ISO 8601; its date in `timeZone` decides how far into the year we are. */
  today: string;
  /** Sheets per month of the fiscal year (`YYYY-MM` keys inside it); a missing month is 0. */
  yearMonthly: Readonly<Record<YearMonth, number>>;
  baseline: KpiBaseline;
  /** The year's reduction target in sheets; null when none is set (no achievement then). */
  target: number | null;
  /** Asia/Tokyo unless told otherwise. */
  timeZone?: string;
}

/** One problem with an input, `field` a dotted path as in the API's error body (`baseline.monthly.2021-13`). */
export interface KpiInputProblem {
  field: string;
  message: string;
}

// Sheets are whole pieces of paper and the rollups sum integers; a fraction or a
// negative count means the caller mixed something up.
function checkSheets(value: unknown, field: string, problems: KpiInputProblem[]): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    problems.push({ field, message: `sheets must be a whole number ≥ 0, got ${String(value)}` });
  }
}

function checkMonthly(monthly: Readonly<Record<string, number>>, fiscalYear: number, field: string, problems: KpiInputProblem[]): void {
  for (const [month, sheets] of Object.entries(monthly)) {
    if (!isYearMonth(month)) {
      problems.push({ field: `${field}.${month}`, message: `not a month (YYYY-MM): ${JSON.stringify(month)}` });
      continue;
    }
    // A month of another year would be silently ignored by the sums: refuse it instead.
    if (fiscalYearOfMonth(month) !== fiscalYear) {
      problems.push({ field: `${field}.${month}`, message: `${month} is not in FY${fiscalYear} (April ${fiscalYear} – March ${fiscalYear + 1})` });
      continue;
    }
    checkSheets(sheets, `${field}.${month}`, problems);
  }
}

function isFiscalYear(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9998;
}

/** Every problem with the input, empty when it can be computed. Never throws. */
export function validateKpiInput(input: KpiInput): KpiInputProblem[] {
  const problems: KpiInputProblem[] = [];
  const fyOk = isFiscalYear(input.fiscalYear);
  if (!fyOk) problems.push({ field: 'fiscalYear', message: `not a fiscal year: ${String(input.fiscalYear)}` });
  const todayOk = typeof input.today === 'string' && !Number.isNaN(new Date(input.today).getTime());
  if (!todayOk) problems.push({ field: 'today', message: `not an ISO date-time: ${String(input.today)}` });
  if (input.timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: input.timeZone });
    } catch {
      problems.push({ field: 'timeZone', message: `unknown time zone: ${input.timeZone}` });
    }
  }
  if (fyOk) checkMonthly(input.yearMonthly, input.fiscalYear, 'yearMonthly', problems);

  const b = input.baseline;
  if (b.kind === 'year') {
    if (!isFiscalYear(b.fiscalYear)) {
      problems.push({ field: 'baseline.fiscalYear', message: `not a fiscal year: ${String(b.fiscalYear)}` });
    } else {
      checkMonthly(b.monthly, b.fiscalYear, 'baseline.monthly', problems);
      // A baseline still being printed would move under the figures it anchors.
      if (todayOk && problems.every((p) => p.field !== 'timeZone') && monthsElapsed(b.fiscalYear, input.today, input.timeZone).status !== 'complete') {
        problems.push({ field: 'baseline.fiscalYear', message: `the baseline year FY${b.fiscalYear} is not over yet; choose a finished year` });
      }
    }
  } else if (b.kind === 'figure') {
    checkSheets(b.sheets, 'baseline.sheets', problems);
    if (typeof b.source !== 'string' || b.source.trim() === '') {
      problems.push({ field: 'baseline.source', message: 'say where the typed baseline figure comes from (e.g. paper purchase records)' });
    }
  } else {
    const kind: never = b;
    problems.push({ field: 'baseline.kind', message: `unknown baseline kind: ${JSON.stringify((kind as { kind: unknown }).kind)}` });
  }

  if (input.target !== null && (typeof input.target !== 'number' || !Number.isFinite(input.target) || input.target < 0)) {
    problems.push({ field: 'target', message: `the target must be a number of sheets ≥ 0 (or none), got ${String(input.target)}` });
  }
  return problems;
}
