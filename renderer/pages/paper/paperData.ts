import type { api, KpiReport, KpiYear, Language, ResponseOf } from '../../../shared/api/index.js';
import { parseYearMonth, type YearMonth } from '../../../shared/domain/kpi/months.js';
import { DEFAULT_TIME_ZONE, fiscalYearOf } from '../../../shared/domain/wareki.js';

/**
 * The 紙削減 dashboard's figures shaped for the screen: which fiscal years the
 * picker offers, the rows of the two charts, and the order of the mapping
 * list. Pure, so the tests pin them down without a browser.
 */

/** A log user or printer name of a year with where the mapping places it (GET /api/kpi/names). */
export type KpiNameRow = ResponseOf<typeof api.kpiNames>['items'][number];

/** The schema's lower bound (shared/api/kpi.ts fiscalYearSchema): no town has logs before it. */
export const FIRST_FISCAL_YEAR = 2000;

/** The fiscal year of today in Tokyo, where the town hall is, whatever the PC's zone says. */
export function currentFiscalYear(now: Date | number = Date.now()): number {
  return fiscalYearOf(now, DEFAULT_TIME_ZONE);
}

/**
 * The years the picker offers, newest first: from the earliest year that has
 * settings, is named as a baseline or is asked for in the address, to the
 * current one. Years after the current one are left out: there is nothing to
 * report yet (their settings are still reachable from the year they follow).
 */
export function fiscalYearOptions(
  years: readonly Pick<KpiYear, 'fiscalYear' | 'baselineYear'>[],
  current: number,
  alsoInclude: number | null = null,
): number[] {
  let earliest = current;
  const consider = (fy: number | null) => {
    if (fy !== null && Number.isInteger(fy) && fy >= FIRST_FISCAL_YEAR && fy < earliest) earliest = fy;
  };
  for (const y of years) {
    consider(y.fiscalYear);
    consider(y.baselineYear);
  }
  consider(alsoInclude);
  const out: number[] = [];
  for (let fy = current; fy >= earliest; fy -= 1) out.push(fy);
  return out;
}

/** A year the picker offers; `hasData` null while the list of years is still loading. */
export interface PickerYear {
  fiscalYear: number;
  hasData: boolean | null;
}

/**
 * The picker's years, newest first: every year GET /api/kpi/fiscal-years
 * lists (from the earliest with data, settings or named as a baseline) up to
 * the current one, and the year in the address if it is not among them. Until
 * that list arrives, the years the settings reach (fiscalYearOptions).
 */
export function pickerYears(
  listed: readonly { fiscalYear: number; hasData: boolean }[] | undefined,
  settings: readonly Pick<KpiYear, 'fiscalYear' | 'baselineYear'>[],
  current: number,
  shown: number,
): PickerYear[] {
  if (listed === undefined) return fiscalYearOptions(settings, current, shown).map((fiscalYear) => ({ fiscalYear, hasData: null }));
  const out: PickerYear[] = listed
    .filter((y) => y.fiscalYear >= FIRST_FISCAL_YEAR && y.fiscalYear <= current)
    .map((y) => ({ fiscalYear: y.fiscalYear, hasData: y.hasData }));
  for (const fy of [current, shown]) if (!out.some((y) => y.fiscalYear === fy)) out.push({ fiscalYear: fy, hasData: null });
  return out.sort((a, b) => b.fiscalYear - a.fiscalYear);
}

/** `?fy=2024` as a year the picker can show, or null (absent, not a number, before 2000 or in the future). */
export function parseFiscalYearParam(value: string | null, current: number): number | null {
  if (value === null || !/^\d{4}$/.test(value)) return null;
  const fy = Number(value);
  return fy >= FIRST_FISCAL_YEAR && fy <= current ? fy : null;
}

/** The years a baseline can be chosen from: finished years before `fiscalYear`, newest first, at least ten back. */
export function baselineYearOptions(fiscalYear: number, years: readonly Pick<KpiYear, 'fiscalYear' | 'baselineYear'>[]): number[] {
  const earliest = Math.max(FIRST_FISCAL_YEAR, Math.min(fiscalYear - 10, ...fiscalYearOptions(years, fiscalYear - 1)));
  const out: number[] = [];
  for (let fy = fiscalYear - 1; fy >= earliest; fy -= 1) out.push(fy);
  return out;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `2024-04` → 4月 / Apr: the axis of a fiscal-year chart, where the year is the picker's. */
export function monthLabel(month: YearMonth, lang: Language): string {
  const { month: m } = parseYearMonth(month);
  return lang === 'ja' ? `${m}月` : (EN_MONTHS[m - 1] ?? month);
}

export interface MonthlyRow {
  /** 4月 … 3月, the x axis. */
  label: string;
  month: YearMonth;
  /** This year's sheets; null for a month still ahead, so no bar claims "0 printed". */
  sheets: number | null;
  /** The baseline's same month; null without a baseline (the report then mirrors the year itself). */
  baseline: number | null;
}

/**
 * Grouped bars, April → March: this year against the baseline's same month (a
 * typed figure is spread evenly over twelve months by the report). A month is
 * ahead when the report has no running reduction for it.
 */
export function monthlyRows(report: Pick<KpiReport, 'months'>, lang: Language, hasBaseline: boolean): MonthlyRow[] {
  return report.months.map((m) => ({
    label: monthLabel(m.month, lang),
    month: m.month,
    sheets: m.cumulativeReduction === null ? null : m.sheets,
    baseline: hasBaseline ? m.baselineSheets : null,
  }));
}

export interface CumulativeRow {
  label: string;
  month: YearMonth;
  /** Running reduction; null ahead, so the line stops at today instead of falling to zero. */
  reduction: number | null;
}

export function cumulativeRows(report: Pick<KpiReport, 'months'>, lang: Language): CumulativeRow[] {
  return report.months.map((m) => ({ label: monthLabel(m.month, lang), month: m.month, reduction: m.cumulativeReduction }));
}

/**
 * 1, 2, 2.5, 5 × 10ⁿ at or above `value`: the top of an axis that must show the
 * target line, so the ticks stay round (0, 50,000, 100,000 …) rather than
 * ending at 184,800.
 */
export function niceCeil(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}

export interface Axis {
  domain: [number, number];
  ticks: number[];
}

/**
 * A y axis of at most about five round steps (0, 5万, 10万 …) covering the
 * values and whatever else must show (the target line: recharts sizes the
 * axis to the data only, so a target far above the running reduction would
 * be drawn off the chart). Zero is always on it; a negative running
 * reduction (more printed than the baseline) extends it downwards.
 */
export function niceAxis(values: readonly (number | null)[], include: readonly (number | null)[] = []): Axis {
  const all = [...values, ...include].filter((v): v is number => v !== null && Number.isFinite(v));
  const high = Math.max(0, ...all);
  const low = Math.min(0, ...all);
  const step = niceCeil((high - low) / 5) || 1;
  const top = Math.ceil(high / step) * step || step;
  const bottom = Math.floor(low / step) * step;
  const ticks: number[] = [];
  for (let v = bottom; v <= top; v += step) ticks.push(v);
  return { domain: [bottom, top], ticks };
}

/** A share of a total as a whole percent; null when the total is 0. */
export function shareOf(part: number, total: number): number | null {
  return total > 0 ? Math.round((part * 100) / total) : null;
}

/**
 * The mapping list: what nothing places (未割当) first, then the rest; most
 * sheets first within each, as the API sorted them. The office fixes the
 * unplaced names, so they must not hide below hundreds of placed ones.
 */
export function unplacedFirst<T extends Pick<KpiNameRow, 'via' | 'sheets' | 'name'>>(rows: readonly T[]): T[] {
  const unplaced = rows.filter((r) => r.via === null);
  const placed = rows.filter((r) => r.via !== null);
  const order = (a: T, b: T) => b.sheets - a.sheets || a.name.localeCompare(b.name);
  return [...unplaced.sort(order), ...placed.sort(order)];
}

/** The 0 the drill-down API takes for 未割当 (a breakdown row with id null). */
export function filterId(id: number | null): number {
  return id ?? 0;
}

/**
 * Axis ticks that fit a tablet's narrow chart: 5万 / 18.5万 in Japanese (how
 * the office says large counts), 50k / 1.2M in English. The tooltip keeps the
 * full figure.
 */
export function compactCount(n: number, lang: Language): string {
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  const short = (value: number) => String(Number(value.toFixed(1)));
  if (lang === 'ja') {
    if (abs >= 100_000_000) return `${sign}${short(abs / 100_000_000)}億`;
    if (abs >= 10_000) return `${sign}${short(abs / 10_000)}万`;
    return `${sign}${abs.toLocaleString('ja-JP')}`;
  }
  if (abs >= 1_000_000) return `${sign}${short(abs / 1_000_000)}M`;
  if (abs >= 1_000) return `${sign}${short(abs / 1_000)}k`;
  return `${sign}${abs}`;
}

/** The report's word for what no mapping reaches (electron/app/kpi/kpi-report.ts), with id null. */
const UNASSIGNED = '未割当';

/** A breakdown line for 未割当; printers and users have no id either, so the name decides. */
export function isUnassigned(row: { id: number | null; name: string }): boolean {
  return row.id === null && row.name === UNASSIGNED;
}

/** The mapping list's search: a part of the name, ignoring case and full-/half-width (ＨＯＮＣＨＯ finds HONCHO). */
export function matchesSearch(name: string, search: string): boolean {
  const fold = (s: string) => s.normalize('NFKC').toLowerCase().trim();
  const wanted = fold(search);
  return wanted === '' || fold(name).includes(wanted);
}
