/**
 * The Japanese font of Kamiless's PDFs: BIZ UDGothic (Morisawa's universal-
 * design Gothic, made for public documents and legible to older readers), SIL
 * Open Font License 1.1, shipped as the npm package @expo-google-fonts/biz-udgothic
 * (a production dependency, so the built app carries it inside node_modules).
 * PDFs embed a subset: only the glyphs used, a few tens of KB instead of 4.5 MB.
 *
 * The font engine is upstream fontkit 2, not pdf-lib's own fork @pdf-lib/fontkit:
 * that fork's TrueType subsetter writes the `loca` table in the short format
 * without padding the glyph records, so after the first odd-length glyph every
 * later one reads garbage and most kanji print blank (pdftotext still finds the
 * text, so only a rendering shows it; see test/unit/kpi/pdf-fonts.test.ts).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import * as fontkit from 'fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export type FontWeight = 'regular' | 'bold';

const FONT_FILES: Record<FontWeight, string> = {
  regular: '@expo-google-fonts/biz-udgothic/400Regular/BIZUDGothic_400Regular.ttf',
  bold: '@expo-google-fonts/biz-udgothic/700Bold/BIZUDGothic_700Bold.ttf',
};

/** What a PDF names as its font's licence (the OFL asks that it travel with the font). */
export const FONT_NOTICE = 'BIZ UDGothic © The BIZ UDGothic Project Authors, SIL Open Font License 1.1';

const require = createRequire(import.meta.url);

type PdfLibFontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * fontkit 2 as pdf-lib expects it: pdf-lib reads a subset through the
 * `encodeStream()` of fontkit 1, which fontkit 2 replaced by `encode()`; the
 * rest of the font object is the same. The cast is that one bridge: pdf-lib's
 * interface types fontkit 1's objects, which fontkit 2's match at run time.
 */
const fontkitForPdfLib = {
  create(bytes: Uint8Array) {
    const font = fontkit.create(bytes);
    const createSubset = font.createSubset.bind(font);
    return Object.assign(font, {
      createSubset: () => {
        const subset = createSubset();
        return Object.assign(subset, { encodeStream: () => Readable.from([subset.encode()]) });
      },
    });
  },
} as unknown as PdfLibFontkit;

/** The font file's path, found the way Node finds packages (also inside the desktop app's app.asar). */
export function fontFile(weight: FontWeight): string {
  return require.resolve(FONT_FILES[weight]);
}

// The files are read once per process: every PDF after the first only subsets.
const cache = new Map<FontWeight, Promise<Uint8Array>>();

function fontBytes(weight: FontWeight): Promise<Uint8Array> {
  let bytes = cache.get(weight);
  if (!bytes) {
    bytes = readFile(fontFile(weight)).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    // A failed read is not remembered, so a later PDF tries again.
    bytes.catch(() => cache.delete(weight));
    cache.set(weight, bytes);
  }
  return bytes;
}

export interface JapaneseFonts {
  regular: PDFFont;
  bold: PDFFont;
  /** Whether the font draws this code point (else a box would print: see `printable` in text.ts). */
  has(codePoint: number): boolean;
}

/**
 * Embeds both weights in the document, as subsets. `subset: false` embeds the
 * whole fonts (9 MB): only for comparing a subset's rendering with the original.
 */
export async function embedJapaneseFonts(doc: PDFDocument, opts: { subset?: boolean } = {}): Promise<JapaneseFonts> {
  doc.registerFontkit(fontkitForPdfLib);
  const [regularBytes, boldBytes] = await Promise.all([fontBytes('regular'), fontBytes('bold')]);
  const subset = opts.subset ?? true;
  const regular = await doc.embedFont(regularBytes, { subset });
  const bold = await doc.embedFont(boldBytes, { subset });
  // Both weights cover the same characters; one set serves both.
  const covered = new Set(regular.getCharacterSet());
  return { regular, bold, has: (cp) => covered.has(cp) };
}
