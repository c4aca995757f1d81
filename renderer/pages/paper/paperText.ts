import type { TFunction } from 'i18next';
import type { KpiMeasure, Language, NameMap } from '../../../shared/api/index.js';
import { parseYearMonth, type YearMonth } from '../../../shared/domain/kpi/months.js';
import { fiscalYearLabel } from '../../../shared/domain/wareki.js';
import { assertNever } from '../../lib/assertNever.js';
import { formatCount } from '../logs/logText.js';
import type { BaselineRef, Period, ProjectionExplanation, YtdExplanation } from './paperExplain.js';

/**
 * The words of the 紙削減 dashboard that depend on the figures: the sentences
 * saying how the headline was computed and projected, and the labels of the
 * API's enums. Japanese first: these sentences go into the April review as
 * they are, so they are written from the numbers, not translated from the
 * report's English `method`.
 */

const EN_MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** 11月 / November, inside a sentence. */
export function monthName(month: YearMonth, lang: Language): string {
  const { month: m } = parseYearMonth(month);
  return lang === 'ja' ? `${m}月` : (EN_MONTH_NAMES[m - 1] ?? month);
}

/** 2025年4月 / April 2025: a month with its year (the purchases' toasts, inputs and import). */
export function monthTitle(month: YearMonth, lang: Language): string {
  const year = month.slice(0, 4);
  return lang === 'ja' ? `${year}年${monthName(month, lang)}` : `${monthName(month, lang)} ${year}`;
}

/** 2 decimals without trailing zeros: 7.87, 1.5, 12. */
function decimal(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** 4月〜10月の全期間と11月の26日分（30日中） / April–October in full and 26/30 of November. */
export function periodText(period: Period, t: TFunction, lang: Language): string {
  const { full, partial } = period;
  if (full === null && partial === null) return t('paper.period.whole');
  let fullText: string | null = null;
  if (full !== null) {
    fullText = full.first === full.last
      ? t('paper.period.oneFull', { first: monthName(full.first, lang) })
      : t('paper.period.fullRange', { first: monthName(full.first, lang), last: monthName(full.last, lang) });
  }
  let partialText: string | null = null;
  if (partial !== null) {
    partialText = partial.day === null
      ? t('paper.period.partialNoDay', { month: monthName(partial.month, lang) })
      : t('paper.period.partial', { month: monthName(partial.month, lang), day: partial.day, days: partial.days });
  }
  if (fullText !== null && partialText !== null) return t('paper.period.and', { full: fullText, partial: partialText });
  return fullText ?? partialText ?? t('paper.period.whole');
}

/** 令和3年度の実績 400,000枚 / 入力値 48,000枚（出典: 用紙購入記録） / 未設定. */
export function baselineText(baseline: BaselineRef, t: TFunction, lang: Language): string {
  const n = (v: number) => formatCount(v, lang);
  switch (baseline.kind) {
    case 'year':
      return t('paper.baseline.year', { year: fiscalYearLabel(baseline.fiscalYear, lang), sheets: n(baseline.sheets) });
    case 'figure':
      return t('paper.baseline.figure', { sheets: n(baseline.sheets), source: baseline.source });
    case 'none':
      return t('paper.baseline.none');
    default:
      return assertNever(baseline);
  }
}

/** What the headline reduction compares, with the subtraction written out. */
export function ytdSentence(ex: YtdExplanation, t: TFunction, lang: Language): string {
  const n = (v: number) => formatCount(v, lang);
  if (ex.kind === 'not-started') return t('paper.ytd.notStarted', { year: fiscalYearLabel(ex.fiscalYear, lang) });
  const b = ex.baseline;
  if (b.kind === 'none') return t('paper.ytd.noBaseline');
  const year = fiscalYearLabel(ex.fiscalYear, lang);
  if (ex.kind === 'complete') {
    const figures = { year, sheets: n(ex.sheets), baseline: n(ex.baselineSheets), reduction: n(ex.reduction) };
    return b.kind === 'year'
      ? t('paper.ytd.completeYear', { ...figures, baseYear: fiscalYearLabel(b.fiscalYear, lang) })
      : t('paper.ytd.completeFigure', { ...figures, source: b.source });
  }
  const figures = { period: periodText(ex.period, t, lang), sheets: n(ex.sheets), baseline: n(ex.samePeriod), reduction: n(ex.reduction) };
  return b.kind === 'year'
    ? t('paper.ytd.progressYear', { ...figures, baseYear: fiscalYearLabel(b.fiscalYear, lang) })
    : t('paper.ytd.progressFigure', { ...figures, full: n(b.sheets), source: b.source, months: decimal(ex.months) });
}

/** How the year end was projected, from the projection's own numbers. */
export function projectionSentence(p: ProjectionExplanation, t: TFunction, lang: Language): string {
  const n = (v: number) => formatCount(v, lang);
  if (p.basis === 'baseline-shape') {
    return t('paper.projection.shape', {
      sheets: n(p.sheetsSoFar),
      baseYear: fiscalYearLabel(p.baselineYear, lang),
      full: n(p.baselineFull),
      same: n(p.samePeriod),
      ratio: p.ratio.toFixed(2),
      projected: n(p.projectedSheets),
    });
  }
  const figures = { sheets: n(p.sheetsSoFar), months: decimal(p.months), projected: n(p.projectedSheets) };
  switch (p.why) {
    case 'typed-figure':
      return t('paper.projection.linearFigure', figures);
    case 'empty-same-period':
      return t('paper.projection.linearEmpty', { ...figures, baseYear: p.baselineYear === null ? '' : fiscalYearLabel(p.baselineYear, lang) });
    case 'no-baseline':
      return t('paper.projection.linear', figures);
    default:
      return assertNever(p.why);
  }
}

export function measureLabel(measure: KpiMeasure, t: TFunction): string {
  switch (measure) {
    case 'jobs':
      return t('paper.measure.jobs');
    case 'counters':
      return t('paper.measure.counters');
    case 'purchases':
      return t('paper.measure.purchases');
    default:
      return assertNever(measure);
  }
}

export function basisLabel(basis: 'sheets' | 'a4-equivalent', t: TFunction): string {
  switch (basis) {
    case 'sheets':
      return t('paper.basis.sheets');
    case 'a4-equivalent':
      return t('paper.basis.a4');
    default:
      return assertNever(basis);
  }
}

export function ruleKindLabel(kind: NameMap['kind'], t: TFunction): string {
  switch (kind) {
    case 'exact':
      return t('paper.rule.kind.exact');
    case 'prefix':
      return t('paper.rule.kind.prefix');
    case 'suffix':
      return t('paper.rule.kind.suffix');
    case 'regex':
      return t('paper.rule.kind.regex');
    default:
      return assertNever(kind);
  }
}

export function subjectLabel(subject: NameMap['subject'], t: TFunction): string {
  switch (subject) {
    case 'user':
      return t('paper.mapping.users');
    case 'printer':
      return t('paper.mapping.printers');
    default:
      return assertNever(subject);
  }
}
