import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeKpi, fiscalMonths, type KpiBaseline } from '../../../shared/domain/kpi/index.js';
import { en } from '../../../renderer/i18n/en.js';
import { ja } from '../../../renderer/i18n/ja.js';
import { explainProjection, explainYtd } from '../../../renderer/pages/paper/paperExplain.js';
import { baselineText, periodText, projectionSentence, ytdSentence } from '../../../renderer/pages/paper/paperText.js';

let tJa: TFunction;
let tEn: TFunction;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: 'ja',
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
  });
  tJa = i18n.getFixedT('ja');
  tEn = i18n.getFixedT('en');
});

/** 26 November 2026 in Tokyo (02:05), still the 25th in UTC. */
const NOW = '2026-11-25T17:05:00Z';

/** Flat months: 10,000 sheets every month of FY2026 up to November. */
const year2026: Record<string, number> = Object.fromEntries(fiscalMonths(2026).slice(0, 8).map((m) => [m, 10000]));
const baseline2021: Record<string, number> = Object.fromEntries(fiscalMonths(2021).map((m, i) => [m, 30000 + i * 1000]));

/** A report's KPI part, exactly as electron/app/kpi/kpi-report.ts fills it from computeKpi. */
function report(baseline: KpiBaseline, yearMonthly: Record<string, number> = year2026, fiscalYear = 2026, today = NOW) {
  const kpi = computeKpi({ fiscalYear, today, yearMonthly, baseline, target: 184800 });
  return {
    kpi,
    report: {
      fiscalYear,
      complete: kpi.complete,
      sheets: kpi.sheets,
      reduction: kpi.reduction,
      baseline: { fiscalYear: kpi.baseline.fiscalYear, sheets: kpi.baselineSheets, source: kpi.baseline.source },
      ytd: { months: kpi.ytd.months, sheets: kpi.ytd.sheets, baselineSheets: kpi.ytd.baselineSheets, reduction: kpi.ytd.reduction, method: kpi.ytd.method },
      projection: kpi.projection && { basis: kpi.projection.basis, sheets: kpi.projection.sheets, reduction: kpi.projection.reduction, achievementPercent: kpi.projection.achievementPercent, method: kpi.projection.method },
    },
  };
}

const yearSettings = { baselineYear: 2021, baselineSheets: null, baselineSource: '' };
const figureSettings = { baselineYear: null, baselineSheets: 480000, baselineSource: '令和3年度 用紙購入記録' };
const noSettings = { baselineYear: null, baselineSheets: null, baselineSource: '' };

describe('the year-to-date explanation', () => {
  it('names the period to the day and writes the subtraction, for a baseline year', () => {
    const { report: r, kpi } = report({ kind: 'year', fiscalYear: 2021, monthly: baseline2021 });
    const ex = explainYtd(r, yearSettings, Date.parse(NOW));
    expect(ex.kind).toBe('in-progress');
    if (ex.kind !== 'in-progress') return;
    expect(ex.period).toEqual({ full: { first: '2026-04', last: '2026-10' }, partial: { month: '2026-11', day: 26, days: 30 } });
    expect(periodText(ex.period, tJa, 'ja')).toBe('4月〜10月の全期間と11月の26日分（30日中）');
    expect(periodText(ex.period, tEn, 'en')).toBe('April–October in full and 26/30 of November');
    const samePeriod = kpi.ytd.baselineSheets.toLocaleString('ja-JP');
    const reduction = kpi.ytd.reduction.toLocaleString('ja-JP');
    expect(ytdSentence(ex, tJa, 'ja')).toBe(
      `年度の途中のため、4月〜10月の全期間と11月の26日分（30日中）の実績を、基準の令和3年度の同じ期間（同じ月どうし）と比べた累計です。基準の同期間 ${samePeriod}枚 − 今年度 80,000枚 = ${reduction}枚。`,
    );
  });

  it('prorates a typed figure by the months elapsed and says so', () => {
    const { report: r, kpi } = report({ kind: 'figure', sheets: 480000, source: '令和3年度 用紙購入記録' });
    const ex = explainYtd(r, figureSettings, Date.parse(NOW));
    if (ex.kind !== 'in-progress') throw new Error(ex.kind);
    expect(ex.months).toBeCloseTo(7 + 26 / 30, 10);
    expect(kpi.ytd.baselineSheets).toBe(314667);
    expect(ytdSentence(ex, tJa, 'ja')).toBe(
      '年度の途中で、基準値 480,000枚（出典: 令和3年度 用紙購入記録）には月別の内訳がないため、経過した期間の割合で按分した 314,667枚（480,000枚 × 7.87/12か月）を同じ期間の基準としています。314,667枚 − 今年度 80,000枚 = 234,667枚（4月〜10月の全期間と11月の26日分（30日中））。',
    );
  });

  it('does not claim a day it does not know when the clock and the report disagree', () => {
    const { report: r } = report({ kind: 'figure', sheets: 480000, source: '購入記録' });
    // The page asked at 23:59:59 on 30 November and renders after midnight: December on the clock, November in the report.
    const ex = explainYtd(r, figureSettings, Date.parse('2026-11-30T15:00:01Z'));
    if (ex.kind !== 'in-progress') throw new Error(ex.kind);
    expect(ex.period.partial).toEqual({ month: '2026-11', day: null, days: 30 });
    expect(periodText(ex.period, tJa, 'ja')).toBe('4月〜10月の全期間と11月の途中まで');
    // The share of the year is read back from the prorated figure: 314,667 × 12 ÷ 480,000.
    expect(ex.months).toBeCloseTo(7.8667, 3);
  });

  it('writes a finished year as final, from the full baseline year', () => {
    const fy2024: Record<string, number> = Object.fromEntries(fiscalMonths(2024).map((m) => [m, 20000]));
    const base: Record<string, number> = Object.fromEntries(fiscalMonths(2021).map((m) => [m, 33333]));
    const { report: r } = report({ kind: 'year', fiscalYear: 2021, monthly: base }, fy2024, 2024);
    const ex = explainYtd(r, yearSettings, Date.parse(NOW));
    expect(ex.kind).toBe('complete');
    expect(ytdSentence(ex, tJa, 'ja')).toBe('令和6年度は終了しているため確定値です。基準の令和3年度 399,996枚 − 令和6年度 240,000枚 = 159,996枚。');
    expect(ytdSentence(ex, tEn, 'en')).toBe('FY2024 is over, so this is final: baseline FY2021 399,996 sheets − FY2024 240,000 sheets = 159,996 sheets.');
  });

  it('says there is nothing to compare without a baseline, whatever the report filled in', () => {
    // Without settings the report compares the year with itself (reduction 0): that is not a result.
    const { report: r } = report({ kind: 'figure', sheets: 80000 * 12, source: 'no baseline set' });
    const ex = explainYtd(r, noSettings, Date.parse(NOW));
    expect(ytdSentence(ex, tJa, 'ja')).toBe('基準が未設定のため、削減枚数は計算していません。');
    expect(baselineText({ kind: 'none' }, tJa, 'ja')).toBe('未設定');
  });
});

describe('the projection explanation', () => {
  it('explains the baseline-shape projection with its ratio, and picks the same basis as the domain', () => {
    const { report: r, kpi } = report({ kind: 'year', fiscalYear: 2021, monthly: baseline2021 });
    const p = explainProjection(r, yearSettings, Date.parse(NOW));
    expect(p?.basis).toBe(kpi.projection?.basis);
    if (p?.basis !== 'baseline-shape') throw new Error('basis');
    const n = (v: number) => v.toLocaleString('ja-JP');
    expect(p.ratio.toFixed(2)).toBe((kpi.baselineSheets / kpi.ytd.baselineSheets).toFixed(2));
    expect(projectionSentence(p, tJa, 'ja')).toBe(
      `今年度これまでの 80,000枚 に、基準の令和3年度の「年間 ÷ 同じ期間」の比（${n(kpi.baselineSheets)}枚 ÷ ${n(kpi.ytd.baselineSheets)}枚 ≈ ${p.ratio.toFixed(2)}）を掛けて、年度末の使用枚数を ${n(kpi.projection?.sheets ?? 0)}枚 と見込んでいます。残りの月も基準年度と同じ季節の波で推移すると仮定しています。`,
    );
  });

  it('explains a straight-line projection for a typed figure', () => {
    const { report: r, kpi } = report({ kind: 'figure', sheets: 480000, source: '購入記録' });
    const p = explainProjection(r, figureSettings, Date.parse(NOW));
    expect(p?.basis).toBe(kpi.projection?.basis);
    if (p === null) throw new Error('none');
    expect(projectionSentence(p, tJa, 'ja')).toBe(
      `基準値には月別の内訳がないため、これまでの 80,000枚（12か月中 7.87か月分）を12か月分に比例換算して、年度末の使用枚数を ${(kpi.projection?.sheets ?? 0).toLocaleString('ja-JP')}枚 と見込んでいます。`,
    );
  });

  it('falls back to a straight line, like the domain, when the baseline year printed nothing in the same period', () => {
    const lateStart: Record<string, number> = { '2021-12': 50000, '2022-01': 50000, '2022-02': 50000, '2022-03': 50000 };
    const { report: r, kpi } = report({ kind: 'year', fiscalYear: 2021, monthly: lateStart });
    const p = explainProjection(r, yearSettings, Date.parse(NOW));
    expect(kpi.projection?.basis).toBe('linear');
    expect(p?.basis).toBe('linear');
    if (p === null) throw new Error('none');
    expect(projectionSentence(p, tJa, 'ja')).toContain('基準の令和3年度は同じ期間の実績が0枚で季節の波を使えないため');
  });

  it('has no projection for a finished year', () => {
    const fy2024: Record<string, number> = Object.fromEntries(fiscalMonths(2024).map((m) => [m, 20000]));
    const { report: r } = report({ kind: 'year', fiscalYear: 2021, monthly: baseline2021 }, fy2024, 2024);
    expect(explainProjection(r, yearSettings, Date.parse(NOW))).toBeNull();
  });
});
