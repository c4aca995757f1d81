/**
 * Japanese text in a PDF: what the font can draw, and lines broken to a width
 * the way Japanese documents break them (anywhere between characters, except
 * that closing punctuation never starts a line and opening brackets never end
 * one: 禁則処理), while Latin words and numbers stay whole where they fit.
 */
import type { PDFFont } from 'pdf-lib';

/** Characters a line may not start with: closing brackets, punctuation, small kana, the long-vowel mark. */
const NO_LINE_START = new Set([...'、。，．,.・：；:;！？!?）)］]｝}〕〉》」』】〙〗〟’”ヽヾーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々〻‐゠–〜～%％']);
/** Characters a line may not end with: opening brackets. */
const NO_LINE_END = new Set([...'（(［[｛{〔〈《「『【〘〖〝‘“']);

/** The placeholder Japanese print uses for a character the type lacks (〓, geta). */
export const MISSING_GLYPH = '〓';

/**
 * The text as the font can draw it, one line: tabs and line breaks become
 * spaces (callers split lines first), invisible characters go, and characters
 * the font lacks (emoji, rare variants) become 〓 instead of an empty box, so a
 * reader sees that something was there.
 */
export function printable(text: string, has: (codePoint: number) => boolean): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\t' || ch === '\r' || ch === '\n') out += ' ';
    // Control characters, zero-width ones and variation selectors draw nothing: dropped, not marked.
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) continue;
    else out += has(cp) ? ch : MISSING_GLYPH;
  }
  return out;
}

/** A run that stays whole when it fits: a Latin word or number with its trailing spaces. */
const WORD = /^[A-Za-z0-9０-９Ａ-Ｚａ-ｚ@#$&_+\-=/\\.,:;'"%％()[\]!?<>|~^`*]+ */;

/** The text cut into units a line may break between: whole Latin words, single other characters. */
function units(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    const word = WORD.exec(rest)?.[0];
    const unit = word ?? String.fromCodePoint(rest.codePointAt(0) ?? 0x20);
    out.push(unit);
    rest = rest.slice(unit.length);
  }
  return out;
}

/**
 * Lines of at most `maxWidth` points at `size`. Explicit line breaks (\n, \r\n)
 * are kept; a word longer than a line is cut between characters. A closing mark
 * that would start a line takes the character before it down with it (追い出し),
 * and an opening bracket that would end a line moves down to what it opens, so
 * no line leaves its width (a table cell's text stays inside its rules).
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const width = (s: string) => font.widthOfTextAtSize(s, size);
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line: string[] = [];
    const joined = () => line.join('');
    const push = () => {
      lines.push(joined().trimEnd());
      line = [];
    };
    for (const unit of units(paragraph)) {
      if (line.length === 0 && width(unit.trimEnd()) > maxWidth) {
        // A word wider than a whole line: cut it between characters.
        for (const ch of unit) {
          if (line.length > 0 && width(joined() + ch) > maxWidth) push();
          line.push(ch);
        }
        continue;
      }
      if (line.length === 0 || width(joined() + unit.trimEnd()) <= maxWidth) {
        line.push(unit);
        continue;
      }
      // The units that go down to the next line with this one.
      const carried: string[] = [];
      if (NO_LINE_START.has(unit.trimEnd())) {
        // Take the characters before the closing mark along, down to one that may start a line.
        while (line.length > 1 && NO_LINE_START.has((line.at(-1) ?? '').trimEnd())) carried.unshift(line.pop() ?? '');
        if (line.length > 1) carried.unshift(line.pop() ?? '');
      }
      while (line.length > 1 && NO_LINE_END.has(line.at(-1) ?? '')) carried.unshift(line.pop() ?? '');
      push();
      line = [...carried, unit.trimStart()].filter((u) => u !== '');
    }
    push();
  }
  return lines;
}

const jaNumber = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 });

/** 184800 → '184,800'; null → '—' (a dash in the table where nothing is entered). */
export function formatNumber(value: number | null): string {
  // `+ 0` turns −0 (from a sign flip of zero) into 0, which Intl would print as '-0'.
  return value === null || !Number.isFinite(value) ? '—' : jaNumber.format(value + 0);
}

/** 161 → '161%'; null → '—'. */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}
