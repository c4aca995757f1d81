/**
 * Splits one CSV record that sits on one line into its fields (RFC 4180
 * quoting: a field may be quoted, `""` inside quotes is one `"`, delimiters
 * inside quotes are text).
 *
 * Records are read one line at a time, so a quote still open at the end of the
 * line is an error of that line rather than a field continuing on the next:
 * the logs read this way never put a line break inside a field, and treating it
 * as a continuation would let one broken row swallow the rest of the file.
 */
export type CsvLine =
  | { ok: true; fields: string[] }
  /** `field` is the 0-based index of the field the error is in, so the caller can name its column. */
  | { ok: false; field: number; reason: string };

const QUOTE = '"';
const QUOTE_CODE = 0x22;

export function splitCsvLine(line: string, delimiter = ','): CsvLine {
  const fields: string[] = [];
  const n = line.length;
  // Every line of a log passes here: a one-character delimiter is compared by its code.
  const single = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  let i = 0;
  for (;;) {
    const index = fields.length;
    if (line.charCodeAt(i) === QUOTE_CODE) {
      let from = i + 1;
      let close = line.indexOf(QUOTE, from);
      if (close < 0) return { ok: false, field: index, reason: 'unterminated quoted field (the line ends inside quotes)' };
      let value = line.slice(from, close);
      while (line.charCodeAt(close + 1) === QUOTE_CODE) {
        from = close + 2;
        close = line.indexOf(QUOTE, from);
        if (close < 0) return { ok: false, field: index, reason: 'unterminated quoted field (the line ends inside quotes)' };
        value += QUOTE + line.slice(from, close);
      }
      i = close + 1;
      if (i < n && (single >= 0 ? line.charCodeAt(i) !== single : !line.startsWith(delimiter, i))) {
        return { ok: false, field: index, reason: `unexpected ${JSON.stringify(line[i])} after the closing quote` };
      }
      fields.push(value);
    } else {
      // A quote inside an unquoted field is kept as text, as spreadsheet programs do.
      const next = line.indexOf(delimiter, i);
      const end = next < 0 ? n : next;
      fields.push(line.slice(i, end));
      i = end;
    }
    if (i >= n) return { ok: true, fields };
    i += delimiter.length;
    // A delimiter at the very end opens one last, empty field (Print Logger rows end this way).
    if (i >= n) {
      fields.push('');
      return { ok: true, fields };
    }
  }
}
