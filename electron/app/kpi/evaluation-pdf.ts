/**
 * The evaluation report (評価) as a printable A4 PDF: the town, the fiscal
 * year, the evaluation table, the paper KPI explained (baseline, the year's
 * sheets, reduction, target, 達成率; the year to date and the projected year end
 * while the year runs), the monthly chart and the monthly figures. The same PDF
 * comes from GET /api/kpi/evaluation.pdf and `kamiless report --pdf FILE`.
 */
import { rgb } from 'pdf-lib';
import type { KpiMeasure, KpiReport } from '../../../shared/api/kpi.js';
import type { Evaluation } from '../../../shared/api/kpi-evaluation.js';
import type { KpiResult } from '../../../shared/domain/kpi/index.js';
import { fiscalYearLabel, formatWarekiDate } from '../../../shared/domain/wareki.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connection.js';
import { createSettingsRepo } from '../org/settings.repo.js';
import { drawBarLineChart } from '../pdf/chart.js';
import { colors, PdfWriter } from '../pdf/layout.js';
import { drawTable, type TableCell } from '../pdf/table.js';
import { formatNumber, formatPercent } from '../pdf/text.js';
import { createEvaluationRepo, evaluationOf } from './evaluation.repo.js';
import { createKpiReports } from './kpi-report.js';

export interface EvaluationPdfInput {
  townName: string;
  evaluation: Evaluation;
  report: KpiReport;
  kpi: KpiResult;
  /** When the PDF is made (ms since the epoch): the footer's date. */
  createdAt: number;
}

const MEASURE_JA: Record<KpiMeasure, string> = {
  jobs: '印刷サーバーの印刷ジョブ',
  counters: '複合機・コピー機のカウンター',
  purchases: '用紙の購入量（1連＝500枚）',
};

const palette = {
  year: rgb(0.16, 0.42, 0.71),
  baseline: rgb(0.72, 0.78, 0.85),
  reduction: rgb(0.9, 0.45, 0.1),
  target: rgb(0.78, 0.16, 0.16),
  good: rgb(0.1, 0.5, 0.25),
  bad: rgb(0.75, 0.15, 0.15),
};

const sheets = (n: number | null) => (n === null ? '—' : `${formatNumber(n)}枚`);
/** A Tokyo calendar date (YYYY-MM-DD) in 和暦. */
const warekiDay = (isoDate: string) => formatWarekiDate(`${isoDate}T12:00:00+09:00`, 'ja');
/** 2024-04 → 4月 */
const monthLabel = (month: string) => `${Number(month.slice(5, 7))}月`;
/** 2024-04 → 令和6年4月: the month's first day in 和暦, without the day. */
const warekiMonth = (month: string) => warekiDay(`${month}-01`).replace(/1日$/, '');

/** A 達成率 cell: green from 100%, red below 0 (more printed than the baseline). */
function percentCell(value: number | null): TableCell {
  if (value === null) return { text: '—' };
  return { text: formatPercent(value), bold: true, ...(value >= 100 ? { color: palette.good } : value < 0 ? { color: palette.bad } : {}) };
}

/** The paper KPI as label/value lines, in the words of the evaluation (Japanese). */
function paperKpiLines(report: KpiReport, kpi: KpiResult): [string, string][] {
  const year = fiscalYearLabel(report.fiscalYear, 'ja');
  const baseline = report.baseline.fiscalYear !== null
    ? `${fiscalYearLabel(report.baseline.fiscalYear, 'ja')}の実績 ${sheets(report.baseline.sheets)}`
    : report.baseline.source === 'no baseline set'
      ? '未設定（基準年度または基準枚数を設定してください）'
      : `手入力 ${sheets(report.baseline.sheets)}（出典: ${report.baseline.source}）`;
  const lines: [string, string][] = [
    ['測定方法', `${MEASURE_JA[report.measure]}${report.sheetBasis === 'a4-equivalent' ? '（A3はA4換算で2枚）' : '（A3も1枚）'}`],
    ['基準', baseline],
  ];
  if (kpi.status === 'not-started') {
    lines.push(['当年度', `${year}はまだ始まっていません`], ['目標', sheets(report.target)]);
    return lines;
  }
  if (kpi.complete) {
    lines.push(
      ['当年度の使用枚数', `${year} ${sheets(report.sheets)}`],
      ['削減枚数', `${sheets(report.reduction)}（基準 ${formatNumber(report.baseline.sheets)} − 当年度 ${formatNumber(report.sheets)}）`],
      ['目標', sheets(report.target)],
      ['達成率', `${formatPercent(report.achievementPercent)}（削減枚数 ÷ 目標）`],
    );
    return lines;
  }
  const asOf = warekiDay(kpi.asOf);
  lines.push(
    ['状況', `年度途中（${asOf}現在）`],
    ['年度初めからの使用枚数', `${sheets(report.ytd.sheets)}（${report.ytd.months.length > 0 ? `${monthLabel(report.ytd.months[0] ?? '')}〜${monthLabel(report.ytd.months.at(-1) ?? '')}` : '—'}）`],
    ['基準の同期間', `${sheets(report.ytd.baselineSheets)}${report.baseline.fiscalYear !== null ? '（基準年度の同じ月々、当月は日割り）' : '（基準枚数を経過期間で按分）'}`],
    ['これまでの削減枚数', `${sheets(report.ytd.reduction)}（同期間の基準 − 使用枚数）`],
    ['目標', sheets(report.target)],
    ['これまでの達成率', `${formatPercent(report.achievementPercent)}（これまでの削減枚数 ÷ 年間目標）`],
  );
  const p = kpi.projection;
  if (p) {
    const how = p.basis === 'baseline-shape'
      ? `これまでの使用枚数を基準年度（${report.baseline.fiscalYear === null ? '—' : fiscalYearLabel(report.baseline.fiscalYear, 'ja')}）の月ごとの傾向で年間に換算`
      : 'これまでの使用枚数を経過した期間の割合で年間に換算';
    lines.push(
      ['年度末の見込み', `使用 ${sheets(p.sheets)}、削減 ${sheets(p.reduction)}、達成率 ${formatPercent(p.achievementPercent)}`],
      ['見込みの出し方', how],
    );
  }
  return lines;
}

/**
 * The e-approval effect as a line of reference after the measured figures, only when cases were approved
 * electronically in the year: an estimate, said to be left out of the reduction and the 達成率.
 */
function approvalEffectLines(report: KpiReport): [string, string][] {
  const e = report.approvalEffect;
  if (e.cases === 0) return [];
  return [[
    '参考: 電子決裁による削減効果（推計）',
    `約${sheets(e.sheets)}（電子決裁 ${formatNumber(e.cases)}件・${formatNumber(e.pages)}ページ × 紙の回議で要る部数 ${formatNumber(e.paperCopies)}部、${e.duplex ? '両面' : '片面'}）。`
      + '推計のため、上の削減枚数・達成率には含めていません（印刷の実績に電子決裁の効果はすでに表れています）。',
  ]];
}

/** The PDF's bytes. */
export async function renderEvaluationPdf(input: EvaluationPdfInput): Promise<Uint8Array> {
  const { evaluation, report, kpi } = input;
  const year = fiscalYearLabel(evaluation.fiscalYear, 'ja');
  const title = `${year} 評価`;
  const created = formatWarekiDate(input.createdAt, 'ja');
  const w = await PdfWriter.create({ title: `${input.townName} ${title}`.trim(), author: input.townName, subject: 'KPI 評価（紙削減ほか）', createdAt: input.createdAt });

  // The heading: who, which year, what.
  if (input.townName !== '') w.drawText(input.townName, w.left, w.y - 11, { size: 11, color: colors.muted });
  w.drawText(`作成日 ${created}`, w.right, w.y - 11, { size: 9, color: colors.muted, align: 'right' });
  w.space(18);
  w.drawText(title, w.left, w.y - 20, { size: 20, bold: true });
  w.space(28);
  w.paragraph('KPI の目標・実績・達成率。コピー・プリントアウトの削減は取り込んだ記録から算出し、その他の指標は担当課が入力したものです。', { size: 9, color: colors.muted });
  w.space(10);

  w.heading('1. 評価表');
  drawTable(
    w,
    [
      { header: '指標', weight: 27 },
      { header: '単位', weight: 7, align: 'center' },
      { header: '目標', weight: 12, align: 'right' },
      { header: '実績', weight: 12, align: 'right' },
      { header: '達成率', weight: 9, align: 'right' },
      { header: 'コメント', weight: 33 },
    ],
    evaluation.rows.map((r) => [
      { text: r.label.ja, bold: r.fromData },
      r.unit.ja,
      formatNumber(r.target),
      formatNumber(r.actual),
      percentCell(r.achievementPercent),
      r.comment,
    ]),
    { size: 8.5, zebra: true },
  );
  w.space(4);
  w.paragraph(kpi.complete || kpi.status === 'not-started'
    ? '※ 達成率は 実績 ÷ 目標 を四捨五入した整数です。'
    : '※ 達成率は 実績 ÷ 目標 を四捨五入した整数です。年度途中の紙削減は、基準年度の同じ期間と比べたこれまでの削減枚数です。', { size: 7.5, color: colors.muted });
  w.space(14);

  w.heading('2. 紙削減 KPI（コピー・プリントアウトの削減）');
  drawTable(w, [{ header: '項目', weight: 26 }, { header: '内容', weight: 74 }], [...paperKpiLines(report, kpi), ...approvalEffectLines(report)].map(([k, v]) => [{ text: k, bold: true }, v]), { size: 8.5 });
  w.space(16);

  const baselineName = report.baseline.fiscalYear !== null ? `基準（${fiscalYearLabel(report.baseline.fiscalYear, 'ja')}）` : '基準（手入力を月割り）';
  // The chart takes what is left of the page down to a readable minimum, else a new page at full height.
  // heading() keeps 24 points for itself with what follows and takes 25.
  const left = w.y - w.bottom - 26;
  const chartHeight = left >= 170 ? Math.min(left, 250) : 250;
  w.heading('3. 月別の使用枚数と累計削減枚数', { keepWith: chartHeight });
  drawBarLineChart(w, { x: w.left, y: w.y - chartHeight, width: w.width, height: chartHeight }, {
    categories: report.months.map((m) => monthLabel(m.month)),
    bars: [
      { name: baselineName, color: palette.baseline, values: report.months.map((m) => m.baselineSheets) },
      // Months still ahead have no bar (their sheets, if any, are a skewed clock's and not counted).
      { name: `当年度（${year}）`, color: palette.year, values: report.months.map((m) => (m.cumulativeReduction === null ? null : m.sheets)) },
    ],
    line: { name: '累計削減枚数（右軸）', color: palette.reduction, values: report.months.map((m) => m.cumulativeReduction) },
    ...(report.target !== null && { reference: { name: `年間目標 ${formatNumber(report.target)}枚（右軸）`, value: report.target, color: palette.target } }),
    leftTitle: '月間使用枚数（枚）',
    rightTitle: '累計削減枚数（枚）',
    xTitle: '月（4月〜翌3月）',
  });
  w.space(chartHeight + 16);

  w.heading('4. 月別の内訳', { keepWith: 120 });
  drawTable(
    w,
    [
      { header: '月', weight: 16 },
      { header: '当年度の使用枚数', weight: 28, align: 'right' },
      { header: '基準の使用枚数', weight: 28, align: 'right' },
      { header: '累計削減枚数', weight: 28, align: 'right' },
    ],
    report.months.map((m) => [
      warekiMonth(m.month),
      m.cumulativeReduction === null ? '—' : formatNumber(m.sheets),
      formatNumber(m.baselineSheets),
      m.cumulativeReduction === null ? '—' : formatNumber(m.cumulativeReduction),
    ]),
    { size: 8.5, zebra: true },
  );

  const footerLeft = `${input.townName} ${title}`.trim();
  return w.finish((page, i, count) => {
    page.drawLine({ start: { x: w.left, y: 40 }, end: { x: w.right, y: 40 }, thickness: 0.5, color: colors.rule });
    w.drawText(footerLeft, w.left, 28, { size: 8, color: colors.muted, page });
    w.drawText(`作成日 ${created}   ${i + 1} / ${count} ページ`, w.right, 28, { size: 8, color: colors.muted, align: 'right', page });
  });
}

/** Everything the PDF shows, read from the database as of now; the town's name from its settings ('town.name'). */
export async function evaluationPdf(db: Db, clock: Clock, fiscalYear: number, townName = createSettingsRepo(db).townName()): Promise<Uint8Array> {
  const built = createKpiReports(db, clock).build(fiscalYear);
  const evaluation = evaluationOf(createEvaluationRepo(db, clock).get(fiscalYear), built.kpi, 'ja');
  return renderEvaluationPdf({
    townName,
    evaluation,
    report: built.report,
    kpi: built.kpi,
    createdAt: clock.now(),
  });
}
