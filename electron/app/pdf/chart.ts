/**
 * A bar chart with a line on a second axis, drawn with PDF vector primitives
 * (sharp at any zoom and on any printer, and a few KB): grouped bars per
 * category on the left axis, a line with markers and a dashed reference line
 * (a target) on the right axis, a legend and axis titles. The two axes share
 * their zero and their grid lines, so a negative line value (a reduction below
 * zero) reads correctly against the bars.
 */
import { rgb, type Color } from 'pdf-lib';
import { colors, type PdfWriter } from './layout.js';
import { formatNumber } from './text.js';

export interface ChartSeries {
  name: string;
  color: Color;
  /** One per category; null: nothing drawn there (a month still ahead). */
  values: readonly (number | null)[];
}

export interface BarLineChartSpec {
  categories: readonly string[];
  /** On the left axis, side by side in each category. */
  bars: readonly ChartSeries[];
  /** On the right axis. */
  line?: ChartSeries;
  /** A horizontal dashed line on the right axis (e.g. the target). */
  reference?: { name: string; value: number; color: Color };
  leftTitle: string;
  rightTitle?: string;
  xTitle?: string;
}

export interface Box {
  x: number;
  /** The bottom edge. */
  y: number;
  width: number;
  height: number;
}

/** 1, 2, 2.5 or 5 × a power of ten, at least `rough`: steps a reader can add up. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10;
  return step * power;
}

/**
 * The steps of both axes: the same number of grid lines above and below zero
 * on each, each axis with its own step. Steps are whole (at least 1): the
 * charts plot counts (sheets, documents), and an empty year must not get an
 * axis of 0.2 sheets.
 */
export function dualScale(left: { max: number }, right: { min: number; max: number } | null, ticks = 5) {
  const leftStep = Math.max(1, niceStep(Math.max(left.max, 1) / ticks));
  let above = Math.max(1, Math.ceil(Math.max(left.max, 0) / leftStep));
  let below = 0;
  let rightStep = 1;
  if (right) {
    rightStep = Math.max(1, niceStep(Math.max(right.max - Math.min(right.min, 0), 1) / ticks));
    above = Math.max(above, Math.ceil(Math.max(right.max, 0) / rightStep));
    below = Math.ceil(Math.max(-right.min, 0) / rightStep);
  }
  return { leftStep, rightStep, above, below };
}

const numeric = (values: readonly (number | null)[]): number[] => values.filter((v): v is number => v !== null && Number.isFinite(v));

export function drawBarLineChart(w: PdfWriter, box: Box, spec: BarLineChartSpec): void {
  const page = w.page;
  const tickSize = 7;
  const legendHeight = 16;
  const leftValues = spec.bars.flatMap((b) => numeric(b.values));
  const rightValues = [...(spec.line ? numeric(spec.line.values) : []), ...(spec.reference ? [spec.reference.value] : [])];
  const hasRight = spec.line !== undefined || spec.reference !== undefined;
  const scale = dualScale(
    { max: Math.max(0, ...leftValues) },
    hasRight ? { min: Math.min(0, ...rightValues), max: Math.max(0, ...rightValues) } : null,
  );

  // The plot area inside the axis labels, titles and legend.
  const labelWidth = (step: number, n: number) => Math.max(...Array.from({ length: n + 1 }, (_, i) => w.widthOf(formatNumber(step * i), { size: tickSize })));
  const leftLabels = labelWidth(scale.leftStep, scale.above) + 4;
  const rightLabels = hasRight ? Math.max(labelWidth(scale.rightStep, scale.above), w.widthOf(formatNumber(-scale.rightStep * scale.below), { size: tickSize })) + 4 : 0;
  const plot = {
    x: box.x + 14 + leftLabels,
    y: box.y + 30,
    width: box.width - (14 + leftLabels) - (hasRight ? 14 + rightLabels : 6),
    height: box.height - 30 - legendHeight - 16,
  };
  const steps = scale.above + scale.below;
  const zeroY = plot.y + (scale.below / steps) * plot.height;
  const yLeft = (v: number) => zeroY + (v / (scale.leftStep * steps)) * plot.height;
  const yRight = (v: number) => zeroY + (v / (scale.rightStep * steps)) * plot.height;

  // Grid lines and tick labels: the left axis only labels zero and above (bars are counts).
  for (let i = 0 - scale.below; i <= scale.above; i++) {
    const y = zeroY + (i / steps) * plot.height;
    page.drawLine({ start: { x: plot.x, y }, end: { x: plot.x + plot.width, y }, thickness: i === 0 ? 0.8 : 0.3, color: i === 0 ? colors.muted : colors.rule });
    if (i >= 0) w.drawText(formatNumber(scale.leftStep * i), plot.x - 3, y - tickSize / 3, { size: tickSize, align: 'right', color: colors.muted });
    if (hasRight) w.drawText(formatNumber(scale.rightStep * i), plot.x + plot.width + 3, y - tickSize / 3, { size: tickSize, color: colors.muted });
  }
  page.drawRectangle({ x: plot.x, y: plot.y, width: plot.width, height: plot.height, borderColor: colors.rule, borderWidth: 0.5 });

  // Bars, grouped per category.
  const n = Math.max(1, spec.categories.length);
  const slot = plot.width / n;
  const groupWidth = slot * 0.72;
  const barWidth = groupWidth / Math.max(1, spec.bars.length);
  spec.categories.forEach((category, c) => {
    const x0 = plot.x + slot * c + (slot - groupWidth) / 2;
    spec.bars.forEach((series, b) => {
      const v = series.values[c];
      if (v === null || v === undefined || !Number.isFinite(v) || v <= 0) return;
      page.drawRectangle({ x: x0 + barWidth * b, y: zeroY, width: barWidth * 0.92, height: yLeft(v) - zeroY, color: series.color });
    });
    w.drawText(category, plot.x + slot * c + slot / 2, plot.y - 11, { size: 8, align: 'center' });
  });

  // The line over the bars, with a marker at each point.
  if (spec.reference) {
    const y = yRight(spec.reference.value);
    page.drawLine({ start: { x: plot.x, y }, end: { x: plot.x + plot.width, y }, thickness: 1.2, color: spec.reference.color, dashArray: [5, 3] });
  }
  if (spec.line) {
    const points = spec.line.values
      .map((v, c) => (v === null || !Number.isFinite(v) ? null : { x: plot.x + slot * c + slot / 2, y: yRight(v) }))
      .filter((p): p is { x: number; y: number } => p !== null);
    points.forEach((p, i) => {
      const next = points[i + 1];
      if (next) page.drawLine({ start: p, end: next, thickness: 1.6, color: spec.line?.color ?? colors.text });
    });
    for (const p of points) page.drawCircle({ x: p.x, y: p.y, size: 2.2, color: spec.line.color, borderColor: rgb(1, 1, 1), borderWidth: 0.6 });
  }

  // Axis titles.
  w.drawText(spec.leftTitle, box.x, plot.y + plot.height + 6, { size: 7.5, color: colors.muted });
  if (spec.rightTitle) w.drawText(spec.rightTitle, box.x + box.width, plot.y + plot.height + 6, { size: 7.5, color: colors.muted, align: 'right' });
  if (spec.xTitle) w.drawText(spec.xTitle, plot.x + plot.width / 2, box.y + 4, { size: 7.5, color: colors.muted, align: 'center' });

  // The legend, centred above the plot.
  const items: { name: string; color: Color; kind: 'bar' | 'line' | 'dash' }[] = [
    ...spec.bars.map((b) => ({ name: b.name, color: b.color, kind: 'bar' as const })),
    ...(spec.line ? [{ name: spec.line.name, color: spec.line.color, kind: 'line' as const }] : []),
    ...(spec.reference ? [{ name: spec.reference.name, color: spec.reference.color, kind: 'dash' as const }] : []),
  ];
  const swatch = 16;
  const widths = items.map((it) => swatch + 4 + w.widthOf(it.name, { size: 8 }));
  const gap = 14;
  let x = box.x + (box.width - (widths.reduce((a, b) => a + b, 0) + gap * (items.length - 1))) / 2;
  const ly = box.y + box.height - legendHeight + 4;
  items.forEach((it, i) => {
    if (it.kind === 'bar') page.drawRectangle({ x, y: ly - 1, width: swatch, height: 8, color: it.color });
    else page.drawLine({ start: { x, y: ly + 3 }, end: { x: x + swatch, y: ly + 3 }, thickness: it.kind === 'line' ? 1.6 : 1.2, color: it.color, ...(it.kind === 'dash' && { dashArray: [4, 2] }) });
    if (it.kind === 'line') page.drawCircle({ x: x + swatch / 2, y: ly + 3, size: 2.2, color: it.color });
    w.drawText(it.name, x + swatch + 4, ly, { size: 8 });
    x += (widths[i] ?? 0) + gap;
  });
}
