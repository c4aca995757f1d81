import {
  concatTransformationMatrix,
  degrees,
  drawObject,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  type PDFImage,
  type PDFPage,
} from 'pdf-lib';
import UTIF from 'utif2';

/**
 * Scans (JPEG, PNG, TIFF) become PDF pages, so that every attachment of a case
 * is a PDF the route can read in one viewer: one A4 page per image (a
 * multi-page TIFF gives several), the image at its true size when its DPI is
 * known and it fits, else scaled to fit; landscape images get a landscape page.
 */

export type ScanKind = 'jpeg' | 'png' | 'tiff';
export type FileKind = 'pdf' | ScanKind;

export type ScanResult = { ok: true; pdf: Uint8Array; pages: number } | { ok: false; message: string };

/** A4 in PDF points (1/72 inch). */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** Beyond these a "scan" is a decompression bomb, not a document. */
const MAX_PIXELS_PER_PAGE = 150_000_000;
const MAX_PAGES = 1000;

/** What a file is by its first bytes (never by its name): null for anything else. */
export function sniffKind(bytes: Uint8Array): FileKind | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47 && b(4) === 0x0d && b(5) === 0x0a && b(6) === 0x1a && b(7) === 0x0a) return 'png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if ((b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a && b(3) === 0x00) || (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0x00 && b(3) === 0x2a)) return 'tiff';
  if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) return 'pdf';
  return null;
}

/** The stored name of a converted scan: `scan.png` → `scan.pdf`, `写し.TIFF` → `写し.pdf`. */
export function pdfName(filename: string): string {
  const name = filename.trim();
  const base = name.replace(/\.(jpe?g|png|tiff?|pdf)$/i, '');
  return `${base || 'scan'}.pdf`;
}

export interface Placement {
  /** The page, A4 portrait or landscape. */
  pageWidth: number;
  pageHeight: number;
  /** The image's box on the page (as displayed, i.e. after any rotation). */
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where an image of `pxWidth`×`pxHeight` pixels (as displayed) goes on A4: at
 * its true size when the DPI is known and it fits (a 300-dpi A4 scan fills the
 * page exactly, a receipt stays receipt-sized), else scaled down to fit; centred.
 */
export function placeOnA4(pxWidth: number, pxHeight: number, dpi: { x: number; y: number } | null): Placement {
  const landscape = pxWidth > pxHeight;
  const pageWidth = landscape ? A4.height : A4.width;
  const pageHeight = landscape ? A4.width : A4.height;
  let width: number;
  let height: number;
  const natural = dpi && dpi.x > 0 && dpi.y > 0 ? { width: (pxWidth / dpi.x) * 72, height: (pxHeight / dpi.y) * 72 } : null;
  // 3 % of slack: a 2480×3508 scan at 300 dpi is 595.2×841.9 pt, A4 to the rounding.
  if (natural && natural.width <= pageWidth * 1.03 && natural.height <= pageHeight * 1.03) {
    const s = Math.min(1, pageWidth / natural.width, pageHeight / natural.height);
    width = natural.width * s;
    height = natural.height * s;
  } else {
    const aspect = natural ? natural.width / natural.height : pxWidth / pxHeight;
    const s = Math.min(pageWidth / aspect, pageHeight);
    width = s * aspect;
    height = s;
  }
  return { pageWidth, pageHeight, x: (pageWidth - width) / 2, y: (pageHeight - height) / 2, width, height };
}

/** Turns a JPEG, PNG or TIFF into a PDF; a file that cannot be decoded gets a message, never a throw. */
export async function scanToPdf(bytes: Uint8Array, kind: ScanKind): Promise<ScanResult> {
  try {
    const doc = await PDFDocument.create();
    doc.setProducer('Kamiless');
    doc.setCreator('Kamiless (scan to PDF)');
    if (kind === 'jpeg') await addJpeg(doc, bytes);
    else if (kind === 'png') await addPng(doc, bytes);
    else addTiff(doc, bytes);
    const pages = doc.getPageCount();
    if (pages < 1) return { ok: false, message: 'the image has no pages' };
    return { ok: true, pdf: await doc.save(), pages };
  } catch (err) {
    return { ok: false, message: `the ${kind.toUpperCase()} image cannot be read: ${err instanceof Error ? err.message : String(err)}` };
  }
}

// ── JPEG ────────────────────────────────────────────────────────────────────────

async function addJpeg(doc: PDFDocument, bytes: Uint8Array): Promise<void> {
  const info = jpegInfo(bytes);
  // A copy of its own: pdf-lib reads `.buffer` from offset 0, which a pooled Buffer does not start at.
  const image = await doc.embedJpg(new Uint8Array(bytes));
  checkPixels(image.width, image.height);
  drawRotated(doc, image, info.orientation, info.dpi);
}

/** The JFIF density (APP0) and the EXIF orientation (APP1) of a JPEG, when it says. */
export function jpegInfo(bytes: Uint8Array): { dpi: { x: number; y: number } | null; orientation: number } {
  let dpi: { x: number; y: number } | null = null;
  let orientation = 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 2;
  while (p + 4 <= bytes.length && bytes[p] === 0xff) {
    const marker = bytes[p + 1] ?? 0;
    // Start of scan or of a frame: no more application segments before the image data.
    if (marker === 0xda || marker === 0xd9) break;
    const len = view.getUint16(p + 2);
    const seg = bytes.subarray(p + 4, p + 2 + len);
    const tag = Buffer.from(seg.subarray(0, 5)).toString('latin1');
    if (marker === 0xe0 && tag === 'JFIF\0' && seg.length >= 12) {
      const units = seg[7];
      const sx = (seg[8] ?? 0) * 256 + (seg[9] ?? 0);
      const sy = (seg[10] ?? 0) * 256 + (seg[11] ?? 0);
      if (units === 1 && sx > 1 && sy > 1) dpi = { x: sx, y: sy };
      else if (units === 2 && sx > 1 && sy > 1) dpi = { x: sx * 2.54, y: sy * 2.54 };
    } else if (marker === 0xe1 && tag === 'Exif\0' && seg.length > 14) {
      orientation = exifOrientation(seg.subarray(6)) ?? orientation;
    }
    p += 2 + len;
  }
  return { dpi, orientation };
}

function exifOrientation(tiff: Uint8Array): number | null {
  try {
    const ifds = UTIF.decode(copyOf(tiff));
    const o = firstNumber(ifds[0]?.['t274']);
    return o !== null && o >= 1 && o <= 8 ? o : null;
  } catch {
    return null;
  }
}

// ── PNG ─────────────────────────────────────────────────────────────────────────

async function addPng(doc: PDFDocument, bytes: Uint8Array): Promise<void> {
  const image = await doc.embedPng(new Uint8Array(bytes));
  checkPixels(image.width, image.height);
  drawRotated(doc, image, 1, pngDpi(bytes));
}

/** The pHYs chunk of a PNG in dots per inch, when it is given per metre. */
export function pngDpi(bytes: Uint8Array): { x: number; y: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 8;
  while (p + 8 <= bytes.length) {
    const len = view.getUint32(p);
    const type = Buffer.from(bytes.subarray(p + 4, p + 8)).toString('latin1');
    if (type === 'pHYs' && len >= 9 && p + 17 <= bytes.length) {
      const x = view.getUint32(p + 8);
      const y = view.getUint32(p + 12);
      return bytes[p + 16] === 1 && x > 0 && y > 0 ? { x: x * 0.0254, y: y * 0.0254 } : null;
    }
    if (type === 'IDAT' || type === 'IEND') return null;
    p += 12 + len;
  }
  return null;
}

/** Draws an embedded image on a new A4 page, turned upright by its EXIF orientation (mirroring is ignored). */
function drawRotated(doc: PDFDocument, image: PDFImage, orientation: number, dpi: { x: number; y: number } | null): void {
  const quarter = orientation >= 5 && orientation <= 8;
  const shown = quarter ? { w: image.height, h: image.width, dpi: dpi && { x: dpi.y, y: dpi.x } } : { w: image.width, h: image.height, dpi };
  const at = placeOnA4(shown.w, shown.h, shown.dpi);
  const page = doc.addPage([at.pageWidth, at.pageHeight]);
  // The image's own width and height as drawn, before turning.
  const w = quarter ? at.height : at.width;
  const h = quarter ? at.width : at.height;
  if (orientation === 6 || orientation === 5) page.drawImage(image, { x: at.x, y: at.y + w, width: w, height: h, rotate: degrees(-90) });
  else if (orientation === 8 || orientation === 7) page.drawImage(image, { x: at.x + h, y: at.y, width: w, height: h, rotate: degrees(90) });
  else if (orientation === 3 || orientation === 4) page.drawImage(image, { x: at.x + w, y: at.y + h, width: w, height: h, rotate: degrees(180) });
  else page.drawImage(image, { x: at.x, y: at.y, width: w, height: h });
}

// ── TIFF ────────────────────────────────────────────────────────────────────────

function addTiff(doc: PDFDocument, bytes: Uint8Array): void {
  const buffer = copyOf(bytes);
  const ifds = UTIF.decode(buffer);
  // Pages only: reduced-resolution copies (thumbnails, NewSubfileType bit 0) are left out.
  const pages = ifds.filter((ifd) => firstNumber(ifd['t256']) !== null && ((firstNumber(ifd['t254']) ?? 0) & 1) === 0);
  if (pages.length === 0) throw new Error('no image in the TIFF');
  if (pages.length > MAX_PAGES) throw new Error(`more than ${MAX_PAGES} pages`);
  for (const ifd of pages) {
    const w = firstNumber(ifd['t256']) ?? 0;
    const h = firstNumber(ifd['t257']) ?? 0;
    checkPixels(w, h);
    UTIF.decodeImage(buffer, ifd);
    if (!ifd.width || !ifd.height) throw new Error('a page of the TIFF cannot be decoded');
    const rgba = UTIF.toRGBA8(ifd);
    if (rgba.length < ifd.width * ifd.height * 4) throw new Error('a page of the TIFF cannot be decoded');
    drawRaw(doc, rgba, ifd.width, ifd.height, tiffDpi(ifd));
    // Let the decoded pixels go before the next page.
    ifd.data = new Uint8Array(0);
  }
}

function tiffDpi(ifd: UTIF.IFD): { x: number; y: number } | null {
  const x = rational(ifd['t282']);
  const y = rational(ifd['t283']) ?? x;
  const unit = firstNumber(ifd['t296']) ?? 2;
  if (x === null || y === null || x <= 1 || y <= 1) return null;
  if (unit === 2) return { x, y };
  if (unit === 3) return { x: x * 2.54, y: y * 2.54 };
  return null;
}

/**
 * Pixels as an image XObject of the smallest kind that holds them: 1-bit for
 * black-and-white scans (the usual office scan), 8-bit grey, else RGB; any
 * transparency is put on white paper.
 */
function drawRaw(doc: PDFDocument, rgba: Uint8Array, width: number, height: number, dpi: { x: number; y: number } | null): void {
  const n = width * height;
  let grey = true;
  let bilevel = true;
  for (let i = 0; i < n && grey; i++) {
    const o = i * 4;
    const r = rgba[o] ?? 0;
    if (r !== rgba[o + 1] || r !== rgba[o + 2]) grey = false;
    if (r !== 0 && r !== 255) bilevel = false;
    if ((rgba[o + 3] ?? 255) !== 255) bilevel = false;
  }
  const onWhite = (v: number, a: number) => Math.round((v * a + 255 * (255 - a)) / 255);
  let data: Uint8Array;
  let colorSpace: 'DeviceGray' | 'DeviceRGB';
  let bits: 1 | 8;
  if (grey && bilevel) {
    const rowBytes = Math.ceil(width / 8);
    data = new Uint8Array(rowBytes * height);
    for (let y = 0; y < height; y++) {
      for (let x0 = 0; x0 < width; x0 += 8) {
        // DeviceGray 1-bit: 1 is white.
        let byte = 0;
        for (let x = x0; x < Math.min(x0 + 8, width); x++) if ((rgba[(y * width + x) * 4] ?? 0) !== 0) byte |= 0x80 >> (x - x0);
        data[y * rowBytes + (x0 >> 3)] = byte;
      }
    }
    colorSpace = 'DeviceGray';
    bits = 1;
  } else if (grey) {
    data = new Uint8Array(n);
    for (let i = 0; i < n; i++) data[i] = onWhite(rgba[i * 4] ?? 0, rgba[i * 4 + 3] ?? 255);
    colorSpace = 'DeviceGray';
    bits = 8;
  } else {
    data = new Uint8Array(n * 3);
    for (let i = 0; i < n; i++) {
      const a = rgba[i * 4 + 3] ?? 255;
      data[i * 3] = onWhite(rgba[i * 4] ?? 0, a);
      data[i * 3 + 1] = onWhite(rgba[i * 4 + 1] ?? 0, a);
      data[i * 3 + 2] = onWhite(rgba[i * 4 + 2] ?? 0, a);
    }
    colorSpace = 'DeviceRGB';
    bits = 8;
  }
  const stream = doc.context.flateStream(data, { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, ColorSpace: colorSpace, BitsPerComponent: bits });
  const ref = doc.context.register(stream);
  const at = placeOnA4(width, height, dpi);
  const page: PDFPage = doc.addPage([at.pageWidth, at.pageHeight]);
  const name = page.node.newXObject('Scan', ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(at.width, 0, 0, at.height, at.x, at.y), drawObject(name), popGraphicsState());
}

// ── helpers ─────────────────────────────────────────────────────────────────────

function checkPixels(width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw new Error('the image has no size');
  if (width * height > MAX_PIXELS_PER_PAGE) throw new Error(`the image is too large (${width}×${height} pixels)`);
}

/** An ArrayBuffer of exactly these bytes (UTIF reads offsets from the buffer's start). */
function copyOf(bytes: Uint8Array): ArrayBuffer {
  const out = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(out).set(bytes);
  return out;
}

function firstNumber(tag: unknown): number | null {
  if (!Array.isArray(tag)) return null;
  const v: unknown = tag[0];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A TIFF RATIONAL as UTIF reads it: [[numerator, denominator]]. */
function rational(tag: unknown): number | null {
  if (!Array.isArray(tag)) return null;
  const v: unknown = tag[0];
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'number' && v[1] !== 0) return v[0] / v[1];
  return null;
}
