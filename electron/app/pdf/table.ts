/**
 * A ruled table at the writer's cursor: a shaded header row, cells wrapped to
 * their column, a row that does not fit moved whole to the next page with the
 * header drawn again there (a printed table must be readable page by page).
 */
import type { Color } from 'pdf-lib';
import { colors, PdfWriter, type Align } from './layout.js';

export interface TableColumn {
  header: string;
  /** A share of the table's width (the shares are scaled to fill it). */
  weight: number;
  align?: Align;
}

export interface TableCell {
  text: string;
  bold?: boolean;
  color?: Color;
}

export interface TableOptions {
  /** Font size of the cells; the header is the same, bold. */
  size?: number;
  padding?: number;
  /** Rows shaded every other one for reading across wide tables. */
  zebra?: boolean;
  /** The table's width; the writer's full width by default. */
  width?: number;
}

export function drawTable(w: PdfWriter, columns: readonly TableColumn[], rows: readonly (readonly (string | TableCell)[])[], opts: TableOptions = {}): void {
  const size = opts.size ?? 9;
  const pad = opts.padding ?? 4;
  const total = opts.width ?? w.width;
  const weights = columns.reduce((a, c) => a + c.weight, 0);
  const widths = columns.map((c) => (c.weight / weights) * total);
  const lefts = widths.map((_, i) => w.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const step = PdfWriter.lineHeight(size);

  const cellOf = (value: string | TableCell | undefined): TableCell => (typeof value === 'string' ? { text: value } : (value ?? { text: '' }));

  const wrapRow = (cells: TableCell[], bold: boolean) => cells.map((c, i) => w.wrap(c.text, Math.max(1, (widths[i] ?? 0) - pad * 2), { size, bold: bold || c.bold === true }));
  // The first line takes the font's height, each further one a line step; padding above and below.
  const rowHeight = (lines: string[][]) => (Math.max(1, ...lines.map((l) => l.length)) - 1) * step + size * 1.2 + pad * 2;

  /** Draws one row whose top is the cursor; `lines[i]` are column i's wrapped lines. */
  const drawRow = (lines: string[][], cells: TableCell[], fill: Color | undefined, bold: boolean) => {
    const height = rowHeight(lines);
    const top = w.y;
    if (fill) w.page.drawRectangle({ x: w.left, y: top - height, width: total, height, color: fill });
    lines.forEach((cellLines, i) => {
      const column = columns[i];
      const x0 = lefts[i] ?? w.left;
      const width = widths[i] ?? 0;
      const align = column?.align ?? 'left';
      const x = align === 'right' ? x0 + width - pad : align === 'center' ? x0 + width / 2 : x0 + pad;
      const cell = cells[i];
      cellLines.forEach((line, j) => {
        w.drawText(line, x, top - pad - size - j * step, { size, bold: bold || cell?.bold === true, align, ...(cell?.color && { color: cell.color }) });
      });
    });
    // The rules after the fill, so a shaded row does not cover the line above it.
    for (const y of [top, top - height]) w.page.drawLine({ start: { x: w.left, y }, end: { x: w.left + total, y }, thickness: 0.5, color: colors.rule });
    for (const x of [...lefts, w.left + total]) {
      w.page.drawLine({ start: { x, y: top }, end: { x, y: top - height }, thickness: 0.5, color: colors.rule });
    }
    w.y -= height;
  };

  const headerCells = columns.map((c) => ({ text: c.header }));
  const headerLines = wrapRow(headerCells, true);
  const header = () => drawRow(headerLines, headerCells, colors.headerFill, true);

  const firstRow = rows[0] ? rowHeight(wrapRow(rows[0].map(cellOf), false)) : 0;
  w.ensure(rowHeight(headerLines) + firstRow);
  header();
  rows.forEach((row, r) => {
    const cells = columns.map((_, i) => cellOf(row[i]));
    const lines = wrapRow(cells, false);
    if (w.y - rowHeight(lines) < w.bottom) {
      w.newPage();
      header();
    }
    drawRow(lines, cells, opts.zebra && r % 2 === 1 ? colors.zebra : undefined, false);
  });
}
