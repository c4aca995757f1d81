// Small, real image files for the scan-to-PDF tests (integration and e2e), written byte by byte so the
// tests need no image library: a PNG (zlib), a baseline JPEG of flat grey blocks, a multi-page TIFF,
// and an "encrypted" PDF (an /Encrypt dictionary in the trailer, which is what readers go by).
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGB PNG of `width`×`height` with a diagonal stripe, at `dpi` (pHYs) when given. */
export function pngBytes(width: number, height: number, dpi?: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height, 0xff);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      if (Math.abs(x - Math.round((y * width) / height)) < Math.max(2, width / 20)) {
        const o = y * (width * 3 + 1) + 1 + x * 3;
        raw[o] = 0x1f;
        raw[o + 1] = 0x4e;
        raw[o + 2] = 0x8c;
      }
    }
  }
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  if (dpi) {
    const phys = Buffer.alloc(9);
    const perMetre = Math.round(dpi / 0.0254);
    phys.writeUInt32BE(perMetre, 0);
    phys.writeUInt32BE(perMetre, 4);
    phys[8] = 1;
    parts.push(chunk('pHYs', phys));
  }
  parts.push(chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

/**
 * A baseline greyscale JPEG of `width`×`height` (multiples of 8) in flat mid-grey, with a JFIF density of
 * `dpi`: every 8×8 block is DC 0 and end-of-block, one bit each with one-code Huffman tables.
 */
export function jpegBytes(width: number, height: number, dpi = 72): Buffer {
  if (width % 8 !== 0 || height % 8 !== 0) throw new Error('jpegBytes: multiples of 8 only');
  const seg = (marker: number, data: number[]) => [0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data];
  const blocks = (width / 8) * (height / 8);
  // Two zero bits a block, padded with ones to a whole byte.
  const bits = blocks * 2;
  const scan = new Array<number>(Math.ceil(bits / 8)).fill(0);
  const pad = scan.length * 8 - bits;
  if (pad > 0) scan[scan.length - 1] = (1 << pad) - 1;
  const sixteen = (first: number) => [first, ...new Array<number>(15).fill(0)];
  return Buffer.from([
    0xff, 0xd8,
    ...seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 1, dpi >> 8, dpi & 0xff, dpi >> 8, dpi & 0xff, 0, 0]),
    ...seg(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    ...seg(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...seg(0xc4, [0x00, ...sixteen(1), 0x00]),
    ...seg(0xc4, [0x10, ...sixteen(1), 0x00]),
    ...seg(0xda, [1, 1, 0x00, 0, 63, 0]),
    ...scan,
    0xff, 0xd9,
  ]);
}

/**
 * An uncompressed 8-bit greyscale TIFF (little-endian) with one page per entry, each page a grey level
 * of the given size, at `dpi`.
 */
export function tiffBytes(pages: { width: number; height: number; grey: number }[], dpi = 200): Buffer {
  const parts: Buffer[] = [];
  const header = Buffer.alloc(8);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  parts.push(header);
  let offset = 8;
  const ifdOffsets: number[] = [];
  const layouts = pages.map((p) => {
    const pixels = Buffer.alloc(p.width * p.height, p.grey);
    const pixelsAt = offset;
    offset += pixels.length;
    if (offset % 2) offset += 1;
    const resAt = offset;
    offset += 8;
    const ifdAt = offset;
    const entries = 11;
    offset += 2 + entries * 12 + 4;
    ifdOffsets.push(ifdAt);
    return { p, pixels, pixelsAt, resAt, ifdAt, entries };
  });
  header.writeUInt32LE(ifdOffsets[0] ?? 0, 4);
  layouts.forEach((l, i) => {
    parts.push(l.pixels);
    if (l.pixels.length % 2) parts.push(Buffer.alloc(1));
    const res = Buffer.alloc(8);
    res.writeUInt32LE(dpi, 0);
    res.writeUInt32LE(1, 4);
    parts.push(res);
    const ifd = Buffer.alloc(2 + l.entries * 12 + 4);
    ifd.writeUInt16LE(l.entries, 0);
    const tags: [number, number, number, number][] = [
      [256, 3, 1, l.p.width],
      [257, 3, 1, l.p.height],
      [258, 3, 1, 8],
      [259, 3, 1, 1],
      [262, 3, 1, 1], // black is zero
      [273, 4, 1, l.pixelsAt],
      [277, 3, 1, 1],
      [278, 3, 1, l.p.height],
      [279, 4, 1, l.pixels.length],
      [282, 5, 1, l.resAt],
      [296, 3, 1, 2],
    ];
    // Tag 283 (YResolution) is left out: readers take the X resolution.
    tags.forEach(([tag, type, count, value], j) => {
      const o = 2 + j * 12;
      ifd.writeUInt16LE(tag, o);
      ifd.writeUInt16LE(type, o + 2);
      ifd.writeUInt32LE(count, o + 4);
      if (type === 3) ifd.writeUInt16LE(value, o + 8);
      else ifd.writeUInt32LE(value, o + 8);
    });
    ifd.writeUInt32LE(ifdOffsets[i + 1] ?? 0, 2 + l.entries * 12);
    parts.push(ifd);
  });
  return Buffer.concat(parts);
}

/** A one-page PDF whose trailer names an /Encrypt dictionary (RC4 40-bit, the oldest standard handler). */
export async function encryptedPdfBytes(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('secret', { x: 50, y: 780, size: 12 });
  const encrypt = doc.context.obj({
    Filter: PDFName.of('Standard'),
    V: 1,
    R: 2,
    O: PDFHexString.of('00'.repeat(32)),
    U: PDFHexString.of('00'.repeat(32)),
    P: -44,
  });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
