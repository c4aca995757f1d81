/**
 * The April evaluation table (評価) of action plan 1, as the seed reports it:
 * per KPI a target, the measured value and 達成率. The paperless row comes from
 * the data (computeKpi); the plan's other KPIs are typed in per year. The CSV is
 * a string: the caller encodes it (UTF-8 with BOM or Shift_JIS) for Excel.
 */
import type { Language } from '../../api/org.js';
import { fiscalYearLabel } from '../wareki.js';
import { achievementPercent } from './achievement.js';
import type { KpiResult } from './kpi.js';

export interface Localized {
  ja: string;
  en: string;
}

export interface EvaluationRow {
  /** Stable id ('paperless', 'online-forms', …) for storage and tests, never shown. */
  key: string;
  label: Localized;
  /** '枚' / 'sheets'; a plain string is used for both languages. */
  unit: string | Localized;
  target: number | null;
  actual: number | null;
  comment: string;
}

export interface EvaluatedRow extends EvaluationRow {
  /** actual ÷ target as the seed rounds it; null when either is missing or the target is not positive. */
  achievementPercent: number | null;
}

export function evaluateRow(row: EvaluationRow): EvaluatedRow {
  const percent = row.target === null || row.actual === null ? null : achievementPercent(row.actual, row.target);
  return { ...row, achievementPercent: percent };
}

const PAPERLESS_LABEL: Localized = { ja: 'コピー・プリントアウトの削減', en: 'Fewer copies and print-outs' };
const SHEETS_UNIT: Localized = { ja: '枚', en: 'sheets' };

const jaNumber = new Intl.NumberFormat('ja-JP');
const enNumber = new Intl.NumberFormat('en-US');

/** The comment the report writes when the office has typed none: where the figure comes from. */
function paperlessComment(kpi: KpiResult, lang: Language): string {
  const n = (x: number) => (lang === 'ja' ? jaNumber : enNumber).format(x);
  const year = fiscalYearLabel(kpi.fiscalYear, lang);
  const base = kpi.baseline.fiscalYear !== null ? fiscalYearLabel(kpi.baseline.fiscalYear, lang) : kpi.baseline.source;
  if (kpi.status === 'not-started') return lang === 'ja' ? `${year}は未開始` : `${year} has not started`;
  if (kpi.complete) {
    return lang === 'ja'
      ? `基準 ${base} ${n(kpi.baselineSheets)}枚 − ${year} ${n(kpi.sheets)}枚 = ${n(kpi.reduction)}枚削減`
      : `Baseline ${base} ${n(kpi.baselineSheets)} sheets − ${year} ${n(kpi.sheets)} sheets = ${n(kpi.reduction)} fewer`;
  }
  const p = kpi.projection;
  if (lang === 'ja') {
    const projected = p ? `。年度末見込み ${n(p.reduction)}枚削減` : '';
    return `${kpi.asOf}時点の途中経過: 基準 ${base} 同期間 ${n(kpi.ytd.baselineSheets)}枚 − 実績 ${n(kpi.ytd.sheets)}枚 = ${n(kpi.ytd.reduction)}枚削減${projected}`;
  }
  const projected = p ? `; projected year end ${n(p.reduction)} fewer` : '';
  return `In progress as of ${kpi.asOf}: baseline ${base} same period ${n(kpi.ytd.baselineSheets)} sheets − ${n(kpi.ytd.sheets)} sheets so far = ${n(kpi.ytd.reduction)} fewer${projected}`;
}

/**
 * The paperless row from the KPI: target and actual (the reduction: the final
 * one for a finished year, the year-to-date one while in progress), so its 達成率
 * is exactly the KPI's. `comment` replaces the generated explanation.
 */
export function paperlessRow(kpi: KpiResult, options: { lang: Language; comment?: string }): EvaluatedRow {
  return evaluateRow({
    key: 'paperless',
    label: PAPERLESS_LABEL,
    unit: SHEETS_UNIT,
    target: kpi.target,
    actual: kpi.status === 'not-started' ? null : kpi.reduction,
    comment: options.comment ?? paperlessComment(kpi, options.lang),
  });
}

const HEADER: Record<Language, readonly string[]> = {
  ja: ['指標', '単位', '目標', '実績', '達成率', 'コメント'],
  en: ['Indicator', 'Unit', 'Target', 'Actual', 'Achievement (%)', 'Comment'],
};

/**
 * A text cell per RFC 4180: quoted when it holds a comma, quote, CR or LF, quotes
 * doubled. A cell Excel would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe: comments are typed by users and the file is opened in Excel.
 */
function textCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number cell: plain digits (no thousands separator, so Excel reads a number), empty for none. */
function numberCell(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(value);
}

function localized(text: string | Localized, lang: Language): string {
  return typeof text === 'string' ? text : text[lang];
}

/**
 * The table as CSV: a header row (Japanese for 'ja': 指標,単位,目標,実績,達成率,コメント)
 * then a row per KPI, CRLF after every record. 達成率 is the whole percent without
 * '%', recomputed from target and actual so a stale value cannot slip in. With
 * `title`, a first line names the fiscal year (令和6年度 評価) for a printed sheet.
 */
export function toCsv(rows: readonly EvaluationRow[], options: { fiscalYear: number; lang: Language; title?: boolean }): string {
  const lines: string[] = [];
  if (options.title) {
    lines.push(textCell(`${fiscalYearLabel(options.fiscalYear, options.lang)} ${options.lang === 'ja' ? '評価' : 'evaluation'}`));
  }
  lines.push(HEADER[options.lang].map(textCell).join(','));
  for (const row of rows) {
    const r = evaluateRow(row);
    lines.push([
      textCell(localized(r.label, options.lang)),
      textCell(localized(r.unit, options.lang)),
      numberCell(r.target),
      numberCell(r.actual),
      numberCell(r.achievementPercent),
      textCell(r.comment),
    ].join(','));
  }
  return lines.map((l) => `${l}\r\n`).join('');
}
