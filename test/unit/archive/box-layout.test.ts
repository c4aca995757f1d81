import { describe, expect, it } from 'vitest';
import { approvalBoxLayout, BOX, growTop, uprightView } from '../../../electron/app/archive/box-layout.js';

const A4 = { width: 595.28, height: 841.89 };

describe('approvalBoxLayout', () => {
  it('puts one row of cells at the top right, the title across them, all inside the page', () => {
    const { box, title, cells } = approvalBoxLayout(5, A4);
    expect(box.x + box.width).toBeCloseTo(A4.width - BOX.margin);
    expect(box.y + box.height).toBeCloseTo(A4.height - BOX.margin);
    expect(title.y + title.height).toBeCloseTo(box.y + box.height);
    expect(cells).toHaveLength(5);
    expect(new Set(cells.map((c) => c.y)).size).toBe(1);
    // Left to right, touching, the last one at the box's right edge.
    cells.forEach((c, i) => i > 0 && expect(c.x).toBeCloseTo((cells[i - 1]?.x ?? 0) + BOX.cellWidth));
    expect((cells.at(-1)?.x ?? 0) + BOX.cellWidth).toBeCloseTo(box.x + box.width);
    expect(Math.min(...cells.map((c) => c.y))).toBeCloseTo(box.y);
  });

  it('keeps a minimum width for the title when few acted', () => {
    const { box, cells } = approvalBoxLayout(1, A4);
    expect(box.width).toBe(BOX.minWidth);
    expect((cells[0]?.x ?? 0) + BOX.cellWidth).toBeCloseTo(box.x + box.width);
  });

  it('wraps into rows of at most ten, and fewer on a narrow page', () => {
    const wide = approvalBoxLayout(13, A4);
    expect(new Set(wide.cells.map((c) => c.y)).size).toBe(2);
    expect(wide.cells.filter((c) => c.y === wide.cells[0]?.y)).toHaveLength(10);
    const narrow = approvalBoxLayout(6, { width: 200, height: 300 });
    const perRow = narrow.cells.filter((c) => c.y === narrow.cells[0]?.y).length;
    expect(perRow).toBe(Math.floor((200 - 2 * BOX.margin) / BOX.cellWidth));
    for (const c of narrow.cells) {
      expect(c.x).toBeGreaterThanOrEqual(0);
      expect(c.x + c.width).toBeLessThanOrEqual(200);
    }
  });
});

describe('uprightView', () => {
  const crop = { x: 10, y: 20, width: 600, height: 800 };
  const apply = (m: number[], u: number, v: number) => [(m[0] ?? 0) * u + (m[2] ?? 0) * v + (m[4] ?? 0), (m[1] ?? 0) * u + (m[3] ?? 0) * v + (m[5] ?? 0)];

  it('is the crop box itself when the page is not rotated', () => {
    const v = uprightView(0, crop);
    expect(v).toEqual({ width: 600, height: 800, matrix: [1, 0, 0, 1, 10, 20] });
  });

  it.each([
    // Turned clockwise, the page's own top-left corner is shown top right; upside down, its bottom-left; turned back, its bottom-right.
    [90, { width: 800, height: 600 }, [10, 820]],
    [180, { width: 600, height: 800 }, [10, 20]],
    [270, { width: 800, height: 600 }, [610, 20]],
    [-90, { width: 800, height: 600 }, [610, 20]],
  ])('turned %i°: swaps the sides as shown and maps the top-right corner onto the page', (rotation, size, topRight) => {
    const v = uprightView(rotation, crop);
    expect({ width: v.width, height: v.height }).toEqual(size);
    expect(apply(v.matrix, v.width, v.height)).toEqual(topRight);
  });
});

describe('growTop', () => {
  const crop = { x: 10, y: 20, width: 600, height: 800 };
  it.each([0, 90, 180, 270])('turned %i°: the page as shown gets taller by the strip, its width unchanged, its content where it was', (rotation) => {
    const before = uprightView(rotation, crop);
    const grown = growTop(rotation, crop, 90);
    const after = uprightView(rotation, grown);
    expect({ width: after.width, height: after.height }).toEqual({ width: before.width, height: before.height + 90 });
    // The shown bottom-left corner (where the content starts) is the same point of the page.
    const apply = (m: number[], u: number, v: number) => [(m[0] ?? 0) * u + (m[2] ?? 0) * v + (m[4] ?? 0), (m[1] ?? 0) * u + (m[3] ?? 0) * v + (m[5] ?? 0)];
    expect(apply(after.matrix, 0, 0)).toEqual(apply(before.matrix, 0, 0));
  });
});
