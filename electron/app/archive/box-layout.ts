/**
 * Where the 決裁欄 (approval box) goes on a page, in the page's upright view
 * (pure): the top-right corner, small cells in rows as wide as the page allows,
 * and the matrix that carries those coordinates onto a page stored rotated.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BoxLayout {
  box: Rect;
  /** The strip across the top naming the decision. */
  title: Rect;
  cells: Rect[];
}

export const BOX = {
  cellWidth: 46,
  headerHeight: 11,
  sealHeight: 44,
  titleHeight: 14,
  margin: 14,
  /** Enough for the title's words when only one or two people acted. */
  minWidth: 184,
  maxPerRow: 10,
} as const;

/**
 * The box for `cellCount` cells on a page `width` × `height` (upright): as many
 * cells a row as fit (at most ten), the rows stacked under the title.
 */
export function approvalBoxLayout(cellCount: number, page: { width: number; height: number }): BoxLayout {
  const room = Math.max(BOX.cellWidth, page.width - 2 * BOX.margin);
  const perRow = Math.max(1, Math.min(BOX.maxPerRow, Math.floor(room / BOX.cellWidth), Math.max(1, cellCount)));
  const rows = Math.ceil(cellCount / perRow);
  const rowHeight = BOX.headerHeight + BOX.sealHeight;
  const width = Math.min(room, Math.max(BOX.minWidth, perRow * BOX.cellWidth));
  const height = BOX.titleHeight + rows * rowHeight;
  const box = { x: page.width - BOX.margin - width, y: page.height - BOX.margin - height, width, height };
  const title = { x: box.x, y: box.y + height - BOX.titleHeight, width, height: BOX.titleHeight };
  // Cells right-aligned in their row, as a 決裁欄 fills from the right edge of the paper.
  const cells = Array.from({ length: cellCount }, (_, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, cellCount - row * perRow);
    const col = i % perRow;
    return {
      x: box.x + width - inRow * BOX.cellWidth + col * BOX.cellWidth,
      y: title.y - (row + 1) * rowHeight,
      width: BOX.cellWidth,
      height: rowHeight,
    };
  });
  return { box, title, cells };
}

/** a b c d e f of a PDF `cm` operator. */
export type Matrix = [number, number, number, number, number, number];

/**
 * The page as a reader sees it: its size upright, and the matrix from upright
 * coordinates (origin bottom-left of what is shown) to the page's own, for a
 * page whose /Rotate turns it `rotation` degrees clockwise on screen.
 */
export function uprightView(rotation: number, crop: Rect): { width: number; height: number; matrix: Matrix } {
  const turn = (((Math.round(rotation / 90) * 90) % 360) + 360) % 360;
  const { x, y, width: w, height: h } = crop;
  switch (turn) {
    case 90:
      return { width: h, height: w, matrix: [0, 1, -1, 0, x + w, y] };
    case 180:
      return { width: w, height: h, matrix: [-1, 0, 0, -1, x + w, y + h] };
    case 270:
      return { width: h, height: w, matrix: [0, -1, 1, 0, x, y + h] };
    default:
      return { width: w, height: h, matrix: [1, 0, 0, 1, x, y] };
  }
}

/**
 * The crop box grown by `extra` points at the top as the page is shown, so
 * the box sits in a strip of its own above the attachment's content instead
 * of over it (the approved document stays wholly readable).
 */
export function growTop(rotation: number, crop: Rect, extra: number): Rect {
  const turn = (((Math.round(rotation / 90) * 90) % 360) + 360) % 360;
  switch (turn) {
    case 90:
      return { ...crop, x: crop.x - extra, width: crop.width + extra };
    case 180:
      return { ...crop, y: crop.y - extra, height: crop.height + extra };
    case 270:
      return { ...crop, width: crop.width + extra };
    default:
      return { ...crop, height: crop.height + extra };
  }
}
