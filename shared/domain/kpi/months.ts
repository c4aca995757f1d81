/**
 * The months of a fiscal year (年度, April–March) and how far into one a day is.
 *
 * Months are `YYYY-MM` strings: they sort, they are what the rollups and the CLI
 * JSON use, and they carry no time zone. An instant becomes a month in a time
 * zone (Asia/Tokyo unless told otherwise) because a job at 00:30 on 1 April in
 * Tokyo is an April job even though it is still 31 March in UTC.
 */
import { DEFAULT_TIME_ZONE, type DateInput } from '../wareki.js';

/** `YYYY-MM`, e.g. `2024-04`. A plain string so it can be a record key and a JSON value. */
export type YearMonth = string;

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Four-digit years only: a fiscal year outside them is a typo, not a town's history. */
const MIN_YEAR = 1000;
const MAX_FISCAL_YEAR = 9998;

export function isYearMonth(text: string): boolean {
  return YEAR_MONTH.test(text);
}

/** `'2025-02'` → `{ year: 2025, month: 2 }`; RangeError for anything else, so a bad key is never read as a month. */
export function parseYearMonth(text: YearMonth): { year: number; month: number } {
  const m = YEAR_MONTH.exec(text);
  if (!m) throw new RangeError(`not a month (YYYY-MM): ${JSON.stringify(text)}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function formatYearMonth(year: number, month: number): YearMonth {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** RangeError unless `fiscalYear` is a whole four-digit year (April of it to March of the next). */
export function assertFiscalYear(fiscalYear: number): void {
  if (!Number.isInteger(fiscalYear) || fiscalYear < MIN_YEAR || fiscalYear > MAX_FISCAL_YEAR) {
    throw new RangeError(`not a fiscal year: ${String(fiscalYear)}`);
  }
}

/** FY2024 → `['2024-04', …, '2024-12', '2025-01', '2025-02', '2025-03']`, in fiscal order. */
export function fiscalMonths(fiscalYear: number): YearMonth[] {
  assertFiscalYear(fiscalYear);
  const months: YearMonth[] = [];
  for (let i = 0; i < 12; i++) {
    const month = ((i + 3) % 12) + 1;
    months.push(formatYearMonth(month >= 4 ? fiscalYear : fiscalYear + 1, month));
  }
  return months;
}

/** `'2025-02'` → 2024: January–March belong to the fiscal year that began the April before. */
export function fiscalYearOfMonth(month: YearMonth): number {
  const { year, month: m } = parseYearMonth(month);
  return m >= 4 ? year : year - 1;
}

/** Position in the fiscal year: April 0 … March 11. */
export function fiscalMonthIndex(month: YearMonth): number {
  return (parseYearMonth(month).month + 8) % 12;
}

export function daysInMonth(month: YearMonth): number {
  const { year, month: m } = parseYearMonth(month);
  // Day 0 of the next month is the last day of this one; UTC so no zone shifts it.
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone (Intl, so it works in Node and the browser alike). */
export function localDateOf(input: DateInput, timeZone: string = DEFAULT_TIME_ZONE): { year: number; month: number; day: number } {
  const date = input instanceof Date ? input : new Date(input);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(input)}`);
  let f = dateFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    dateFormatters.set(timeZone, f);
  }
  const out = { year: 0, month: 0, day: 0 };
  for (const part of f.formatToParts(date)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day') out[part.type] = Number(part.value);
  }
  return out;
}

/** The month an instant falls in, read in `timeZone`: 2024-03-31T15:30Z is `2024-04` in Tokyo. */
export function monthOfInstant(input: DateInput, timeZone: string = DEFAULT_TIME_ZONE): YearMonth {
  const { year, month } = localDateOf(input, timeZone);
  return formatYearMonth(year, month);
}

/** Where a fiscal year stands on a given day. */
export type FiscalYearStatus = 'not-started' | 'in-progress' | 'complete';

export interface MonthsElapsed {
  status: FiscalYearStatus;
  /** Months wholly behind us: 0–12. */
  fullMonths: number;
  /** The month today is in, while the year is in progress; else null. */
  partialMonth: YearMonth | null;
  /**
   * Days elapsed ÷ days in the partial month, today counted (25 Nov → 25/30): the
   * day's logs are already flowing in. 0 when there is no partial month.
   */
  fractionOfPartial: number;
  /** (fullMonths + fractionOfPartial) ÷ 12: every month weighs a twelfth, as in the monthly charts. */
  yearFraction: number;
  /** Today's date in the time zone, `YYYY-MM-DD`, for "as of" captions. */
  asOf: string;
}

/**
 * How far into `fiscalYear` the day of `today` (read in `timeZone`) is: all 12
 * months for a year that is over, none for one that has not begun, else the
 * months before this one in full plus this one's share of days.
 */
export function monthsElapsed(fiscalYear: number, today: DateInput, timeZone: string = DEFAULT_TIME_ZONE): MonthsElapsed {
  assertFiscalYear(fiscalYear);
  const { year, month, day } = localDateOf(today, timeZone);
  const asOf = `${formatYearMonth(year, month)}-${String(day).padStart(2, '0')}`;
  const current = formatYearMonth(year, month);
  const fyToday = fiscalYearOfMonth(current);
  if (fyToday > fiscalYear) return { status: 'complete', fullMonths: 12, partialMonth: null, fractionOfPartial: 0, yearFraction: 1, asOf };
  if (fyToday < fiscalYear) return { status: 'not-started', fullMonths: 0, partialMonth: null, fractionOfPartial: 0, yearFraction: 0, asOf };
  const fullMonths = fiscalMonthIndex(current);
  const fractionOfPartial = day / daysInMonth(current);
  return { status: 'in-progress', fullMonths, partialMonth: current, fractionOfPartial, yearFraction: (fullMonths + fractionOfPartial) / 12, asOf };
}

/** The months of `fiscalYear` that have (at least partly) elapsed, in order: the full ones, then the partial one. */
export function elapsedMonthList(fiscalYear: number, elapsed: MonthsElapsed): YearMonth[] {
  return fiscalMonths(fiscalYear).slice(0, elapsed.fullMonths + (elapsed.partialMonth === null ? 0 : 1));
}
