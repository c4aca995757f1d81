/**
 * The little of fontkit 2 (which ships no types) that Kamiless touches: pdf-lib
 * drives the rest of the font object itself, through its own Fontkit interface.
 */
declare module 'fontkit' {
  export interface Subset {
    /** Adds a glyph (or glyph id) and returns its id in the subset. */
    includeGlyph(glyph: unknown): number;
    /** The subset as a font file. */
    encode(): Uint8Array;
  }
  export interface Font {
    createSubset(): Subset;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
