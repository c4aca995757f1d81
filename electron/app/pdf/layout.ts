/**
 * A top-to-bottom writer for printable documents: A4 pages with margins, a
 * cursor that moves down as blocks are drawn, a new page when a block does not
 * fit, and a footer drawn on every page once the page count is known. Text goes
 * through `printable`, so nothing prints as an empty box.
 */
import { PDFDocument, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';
import { embedJapaneseFonts, type JapaneseFonts } from './fonts.js';
import { printable, wrapText } from './text.js';

/** A4 in points (1/72 inch), portrait. */
export const A4_PORTRAIT: readonly [number, number] = [595.28, 841.89];

export const colors = {
  text: rgb(0.13, 0.13, 0.13),
  muted: rgb(0.4, 0.4, 0.4),
  rule: rgb(0.7, 0.7, 0.7),
  headerFill: rgb(0.91, 0.93, 0.96),
  zebra: rgb(0.975, 0.975, 0.975),
} as const;

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export type Align = 'left' | 'right' | 'center';

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: Color;
}

export interface DocumentInfo {
  title: string;
  author?: string;
  subject?: string;
  /** When the document was made (ms since the epoch); stored as the PDF's creation date. */
  createdAt: number;
}

export class PdfWriter {
  page: PDFPage;
  /** The top of the next block, in PDF coordinates (0 at the bottom of the page). */
  y: number;

  private constructor(
    readonly doc: PDFDocument,
    readonly fonts: JapaneseFonts,
    readonly size: readonly [number, number],
    readonly margins: Margins,
  ) {
    this.page = doc.addPage([size[0], size[1]]);
    this.y = size[1] - margins.top;
  }

  /** A new document with the Japanese fonts embedded and its first page. */
  static async create(info: DocumentInfo, opts: { size?: readonly [number, number]; margins?: Partial<Margins> } = {}): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.setTitle(info.title, { showInWindowTitleBar: true });
    if (info.author !== undefined) doc.setAuthor(info.author);
    if (info.subject !== undefined) doc.setSubject(info.subject);
    doc.setLanguage('ja-JP');
    doc.setCreator('Kamiless');
    doc.setProducer('Kamiless (pdf-lib)');
    doc.setCreationDate(new Date(info.createdAt));
    doc.setModificationDate(new Date(info.createdAt));
    const fonts = await embedJapaneseFonts(doc);
    return new PdfWriter(doc, fonts, opts.size ?? A4_PORTRAIT, { top: 48, right: 48, bottom: 60, left: 48, ...opts.margins });
  }

  get left(): number {
    return this.margins.left;
  }

  get right(): number {
    return this.size[0] - this.margins.right;
  }

  /** The width between the margins. */
  get width(): number {
    return this.right - this.left;
  }

  /** The lowest y a block may reach on this page. */
  get bottom(): number {
    return this.margins.bottom;
  }

  font(bold = false): PDFFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  newPage(): void {
    this.page = this.doc.addPage([this.size[0], this.size[1]]);
    this.y = this.size[1] - this.margins.top;
  }

  /** Starts a new page unless `height` points fit below the cursor. */
  ensure(height: number): void {
    if (this.y - height < this.bottom) this.newPage();
  }

  space(height: number): void {
    this.y -= height;
  }

  /** The text as the font can draw it (see `printable`). */
  clean(text: string): string {
    return printable(text, this.fonts.has);
  }

  widthOf(text: string, style: TextStyle = {}): number {
    return this.font(style.bold).widthOfTextAtSize(this.clean(text), style.size ?? 10);
  }

  /** One line of text with its baseline at `y`, aligned on `x` (the left edge, right edge or centre). */
  drawText(text: string, x: number, y: number, style: TextStyle & { align?: Align; page?: PDFPage } = {}): void {
    const size = style.size ?? 10;
    const font = this.font(style.bold);
    const clean = this.clean(text);
    const w = font.widthOfTextAtSize(clean, size);
    const left = style.align === 'right' ? x - w : style.align === 'center' ? x - w / 2 : x;
    (style.page ?? this.page).drawText(clean, { x: left, y, size, font, color: style.color ?? colors.text });
  }

  /** `text` broken into lines of at most `width` points; its own line breaks are kept (cleaning would turn them into spaces). */
  wrap(text: string, width: number, style: TextStyle = {}): string[] {
    return text.split(/\r?\n|\r/).flatMap((line) => wrapText(this.clean(line), this.font(style.bold), style.size ?? 10, width));
  }

  /** The distance between baselines for a size. */
  static lineHeight(size: number): number {
    return size * 1.45;
  }

  /**
   * A wrapped paragraph at the cursor, moving it down; continues on a new page
   * line by line when it runs past the bottom.
   */
  paragraph(text: string, style: TextStyle & { indent?: number; width?: number; align?: Align } = {}): void {
    const size = style.size ?? 10;
    const indent = style.indent ?? 0;
    const width = style.width ?? this.width - indent;
    const step = PdfWriter.lineHeight(size);
    for (const line of this.wrap(text, width, style)) {
      this.ensure(step);
      const x = style.align === 'right' ? this.left + indent + width : style.align === 'center' ? this.left + indent + width / 2 : this.left + indent;
      this.drawText(line, x, this.y - size, { ...style, align: style.align ?? 'left' });
      this.y -= step;
    }
  }

  /** A heading with a rule under it, kept on the same page as `keepWith` points of what follows. */
  heading(text: string, opts: { size?: number; keepWith?: number } = {}): void {
    const size = opts.size ?? 12;
    this.ensure(size * 2 + (opts.keepWith ?? 60));
    this.drawText(text, this.left, this.y - size, { size, bold: true });
    this.y -= size + 5;
    this.page.drawLine({ start: { x: this.left, y: this.y }, end: { x: this.right, y: this.y }, thickness: 0.8, color: colors.rule });
    this.y -= 8;
  }

  /**
   * Draws `footer` on every page, now that the page count is known, and
   * returns the file's bytes.
   */
  async finish(footer: (page: PDFPage, index: number, count: number) => void): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => footer(page, i, pages.length));
    return this.doc.save();
  }
}
