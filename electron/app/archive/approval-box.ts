/**
 * Draws the 決裁欄 on a page: a box at the top right naming the decision, and
 * a cell per person who acted with their position and a red dated seal
 * (family name over the date), 代理/代決 marked under it.
 */
import { concatTransformationMatrix, PDFContentStream, popGraphicsState, pushGraphicsState, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { JapaneseFonts } from '../pdf/fonts.js';
import { printable } from '../pdf/text.js';
import type { ArchiveRecord } from './archive-record.js';
import { approvalBoxLayout, BOX, growTop, uprightView, type Rect } from './box-layout.js';

const ink = rgb(0.1, 0.1, 0.1);
const line = rgb(0.25, 0.25, 0.25);
const seal = rgb(0.8, 0.1, 0.12);
const decidedFill = rgb(0.98, 0.93, 0.93);

/** The largest size up to `size` at which `text` fits `width`. */
function fitted(font: PDFFont, text: string, size: number, width: number): number {
  const w = font.widthOfTextAtSize(text, size);
  return w <= width ? size : Math.max(3.5, (size * width) / w);
}

/**
 * Keeps whatever the page's own content leaves behind (a moved origin, a
 * clipping path) from reaching the box: its content is wrapped in q … Q.
 */
function isolateContent(page: PDFPage): void {
  const context = page.doc.context;
  page.node.normalize();
  const start = context.register(PDFContentStream.of(context.obj({}), [pushGraphicsState()]));
  const end = context.register(PDFContentStream.of(context.obj({}), [popGraphicsState()]));
  page.node.wrapContentStreams(start, end);
}

/** Grows the page at its top (as shown) by the box's height, so the box covers none of its content. */
function makeRoom(page: PDFPage, cells: number): void {
  const rotation = page.getRotation().angle;
  const crop = page.getCropBox();
  const extra = approvalBoxLayout(cells, uprightView(rotation, crop)).box.height + 2 * BOX.margin;
  const grown = growTop(rotation, crop, extra);
  const media = page.getMediaBox();
  const x = Math.min(media.x, grown.x);
  const y = Math.min(media.y, grown.y);
  page.setMediaBox(x, y, Math.max(media.x + media.width, grown.x + grown.width) - x, Math.max(media.y + media.height, grown.y + grown.height) - y);
  page.setCropBox(grown.x, grown.y, grown.width, grown.height);
}

/**
 * Stamps the box at the top right of the page; `room`: first grows the page
 * by the box's height (an attachment's page, whose content must stay
 * visible), else the page has left the space (the record page).
 */
export function stampApprovalBox(page: PDFPage, fonts: JapaneseFonts, record: Pick<ArchiveRecord, 'seals' | 'decision' | 'number'>, room: boolean): void {
  if (room) makeRoom(page, record.seals.length);
  const view = uprightView(page.getRotation().angle, page.getCropBox());
  const layout = approvalBoxLayout(record.seals.length, view);
  isolateContent(page);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...view.matrix));

  const text = (value: string, x: number, y: number, size: number, opts: { bold?: boolean; width?: number; center?: boolean; color?: ReturnType<typeof rgb> } = {}) => {
    const font = opts.bold ? fonts.bold : fonts.regular;
    const clean = printable(value, fonts.has);
    const s = opts.width === undefined ? size : fitted(font, clean, size, opts.width);
    const w = font.widthOfTextAtSize(clean, s);
    page.drawText(clean, { x: opts.center ? x - w / 2 : x, y, size: s, font, color: opts.color ?? ink });
  };
  const rect = (r: Rect, fill?: ReturnType<typeof rgb>) =>
    page.drawRectangle({ ...r, borderColor: line, borderWidth: 0.6, ...(fill && { color: fill }) });

  const { box, title, cells } = layout;
  page.drawRectangle({ ...box, color: rgb(1, 1, 1), opacity: 0.94, borderColor: line, borderWidth: 0.8 });
  rect(title);
  const decision = record.decision ? `決裁 ${record.decision.position} ${record.decision.name}  ${record.decision.at}` : '決裁';
  text(`決裁欄  ${decision}`, title.x + 4, title.y + 4, 6.8, { bold: true, width: title.width - 8 });

  record.seals.forEach((cell, i) => {
    const r = cells[i];
    if (!r) return;
    const header = { x: r.x, y: r.y + r.height - BOX.headerHeight, width: r.width, height: BOX.headerHeight };
    rect(header, cell.decided ? decidedFill : undefined);
    rect({ x: r.x, y: r.y, width: r.width, height: r.height - BOX.headerHeight });
    text(cell.position, r.x + r.width / 2, header.y + 3, 6, { center: true, width: r.width - 4, bold: cell.decided });
    const cx = r.x + r.width / 2;
    const cy = r.y + (r.height - BOX.headerHeight) / 2 + (cell.mark ? 3 : 0);
    const radius = 15;
    page.drawCircle({ x: cx, y: cy, size: radius, borderColor: seal, borderWidth: 1.1 });
    page.drawLine({ start: { x: cx - radius + 2.5, y: cy - 1.5 }, end: { x: cx + radius - 2.5, y: cy - 1.5 }, color: seal, thickness: 0.5 });
    text(cell.seal, cx, cy + 2.5, 7.5, { center: true, width: radius * 2 - 8, bold: true, color: seal });
    text(cell.date, cx, cy - 8.5, 5.2, { center: true, width: radius * 2 - 8, color: seal });
    if (cell.mark) text(cell.mark, cx, r.y + 2.5, 5.5, { center: true, bold: true });
  });
  page.pushOperators(popGraphicsState());
}
