/**
 * `csv`: a vendor or in-house job log read through a mapping file
 * (docs/mapping-files.md). One row is one job.
 *
 * Counting (README of the fixtures, DOMAIN.md "Sheets"): with `pagesMean:
 * "per-copy"` the Pages column is one copy, so pages = Pages × Copies and
 * sheets = ceil(Pages ÷ (sides × N-up)) × Copies. A row whose duplex cell is
 * empty counts one-sided and is marked sides = null ("sides unknown").
 */
import type { FormatModule, LineParser, ParseEvent, ParserOptions } from '../format.js';
import { sheetsOf, type PrintJob } from '../job.js';
import { wallClockToIso } from '../local-time.js';
import { compileTimeFormat, requireMapping, type ColumnRef, type CompiledTimeFormat, type JobMapping } from '../mapping.js';
import { shown } from './reason-text.js';

// ---------------------------------------------------------------------------
// CSV records over fed lines (shared by the mapped formats and the Windows
// Get-WinEvent CSV fallback)
// ---------------------------------------------------------------------------

export type CsvOutput =
  | { kind: 'record'; line: number; fields: string[] }
  | { kind: 'broken'; line: number; reason: string };

interface HeldLine {
  text: string;
  line: number;
}

/** One record from the start of `lines`, or null while a quoted field is still open at their end. */
function scanRecord(lines: readonly HeldLine[], delimiter: string): { fields: string[]; consumed: number } | null {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let atFieldStart = true;
  for (let li = 0; li < lines.length; li++) {
    const text = lines[li]?.text ?? '';
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (inQuotes) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else inQuotes = false;
        } else field += ch;
      } else if (ch === delimiter) {
        fields.push(field);
        field = '';
        atFieldStart = true;
        continue;
      } else if (ch === '"' && atFieldStart) {
        inQuotes = true;
      } else {
        // A quote inside an unquoted field, or text after a closing quote, is
        // kept as written: rejecting it would lose rows Excel itself accepts.
        field += ch;
      }
      atFieldStart = false;
    }
    if (!inQuotes) {
      fields.push(field);
      return { fields, consumed: li + 1 };
    }
    field += '\n';
  }
  return null;
}

/**
 * RFC 4180 records from lines fed one at a time: a quoted field may span lines.
 * A quote never closed within `maxLines` lines (or by the end of the file) is
 * reported at its first line and the lines after it are read afresh, so one
 * stray quote costs one row, not the rest of the file.
 */
export class CsvRecordReader {
  private held: HeldLine[] = [];

  constructor(
    private readonly delimiter = ',',
    private readonly maxLines = 50,
  ) {}

  push(text: string, line: number): CsvOutput[] {
    this.held.push({ text, line });
    return this.drain(false);
  }

  end(): CsvOutput[] {
    return this.drain(true);
  }

  pendingSince(): number | null {
    return this.held[0]?.line ?? null;
  }

  private drain(atEnd: boolean): CsvOutput[] {
    const out: CsvOutput[] = [];
    while (this.held.length > 0) {
      const first = this.held[0];
      if (!first) break;
      const r = scanRecord(this.held, this.delimiter);
      if (r) {
        out.push({ kind: 'record', line: first.line, fields: r.fields });
        this.held.splice(0, r.consumed);
        continue;
      }
      if (!atEnd && this.held.length <= this.maxLines) break;
      this.held.shift();
      out.push({
        kind: 'broken',
        line: first.line,
        reason: atEnd ? 'a quoted field ("…) is not closed before the end of the file' : `a quoted field ("…) is not closed within ${this.maxLines} lines`,
      });
    }
    return out;
  }
}

// ---------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------

/** Header text compared loosely: full-width/half-width, case and surrounding spaces do not matter. */
export function headerKey(text: string): string {
  return text.replace(/^\uFEFF/, '').normalize('NFKC').trim().toLowerCase();
}

/** A whole number as people write it: '12', '１２', '1,234'; null otherwise. */
export function parseCount(text: string): number | null {
  const t = text.normalize('NFKC').trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d{1,3}(,\d{3})+$/.test(t)) return Number(t.replace(/,/g, ''));
  return null;
}

export interface ResolvedColumn {
  key: string;
  index: number;
  /** As the user knows it: the header text, or "column 3". */
  label: string;
}

/**
 * Resolves the mapping's column references against a header row (null when
 * the file has no header): the columns, or the problems, one per column.
 */
export function resolveColumns(
  refs: Readonly<Record<string, ColumnRef | undefined>>,
  header: readonly string[] | null,
): { columns: Map<string, ResolvedColumn>; problems: string[] } {
  const columns = new Map<string, ResolvedColumn>();
  const problems: string[] = [];
  const keys = header?.map(headerKey) ?? [];
  for (const [key, ref] of Object.entries(refs)) {
    if (ref === undefined) continue;
    if (typeof ref === 'number') {
      const label = header?.[ref - 1] !== undefined ? `'${header[ref - 1]?.trim() ?? ''}' (column ${ref})` : `column ${ref}`;
      columns.set(key, { key, index: ref - 1, label });
      continue;
    }
    const exact = header ? header.findIndex((h) => h.replace(/^\uFEFF/, '').trim() === ref.trim()) : -1;
    const index = exact !== -1 ? exact : keys.indexOf(headerKey(ref));
    if (index === -1) problems.push(`column '${ref}' (columns.${key}) is not in the header`);
    else columns.set(key, { key, index, label: `'${ref}'` });
  }
  return { columns, problems };
}

export class RowError extends Error {}

/** Reads cells of one record by mapping key, rejecting with the column's name. */
export class Row {
  constructor(
    private readonly fields: readonly string[],
    private readonly columns: ReadonlyMap<string, ResolvedColumn>,
  ) {
    const widest = Math.max(-1, ...[...columns.values()].map((c) => c.index));
    if (fields.length <= widest) {
      const short = [...columns.values()].filter((c) => c.index >= fields.length).sort((a, b) => a.index - b.index).map((c) => `${c.label} is field ${c.index + 1}`);
      throw new RowError(`only ${fields.length} field${fields.length === 1 ? '' : 's'}: ${short.join(', ')}`);
    }
  }

  has(key: string): boolean {
    return this.columns.has(key);
  }

  /** The cell's text, '' when the mapping has no such column. */
  text(key: string): string {
    const c = this.columns.get(key);
    return c ? (this.fields[c.index] ?? '').trim() : '';
  }

  fail(key: string, problem: string): never {
    const c = this.columns.get(key);
    throw new RowError(`column ${c?.label ?? key} (columns.${key}): ${problem}`);
  }

  count(key: string, min: number): number {
    const raw = this.text(key);
    if (raw === '') this.fail(key, 'empty');
    const n = parseCount(raw);
    if (n === null) this.fail(key, `${shown(raw)} is not a whole number`);
    if (n < min) this.fail(key, `${n} is less than ${min}`);
    return n;
  }
}

/** A word from a mapping's `values` (exactly, or ignoring width and case), else from the built-in list. */
export function lookupWord<T>(word: string, given: Readonly<Record<string, T>> | undefined, builtIn: Readonly<Record<string, T>>): T | undefined {
  const table = given ?? builtIn;
  if (Object.hasOwn(table, word)) return table[word];
  const key = headerKey(word);
  for (const [w, v] of Object.entries(table)) if (headerKey(w) === key) return v;
  return undefined;
}

/** The words the csv format understands without a `values` table (the mapping editor suggests from them too). */
export const BUILTIN_DUPLEX: Readonly<Record<string, boolean>> = {
  両面: true, 片面: false, duplex: true, simplex: false, 'not duplex': false, 'two-sided': true, 'one-sided': false, yes: true, no: false, true: true, false: false,
};
export const BUILTIN_COLOR: Readonly<Record<string, boolean>> = {
  カラー: true, 白黒: false, モノクロ: false, color: true, colour: true, mono: false, monochrome: false, grayscale: false, greyscale: false, 'black & white': false, yes: true, no: false, true: true, false: false,
};
export const BUILTIN_NUP: Readonly<Record<string, number>> = { なし: 1, '1in1': 1, '2in1': 2, '4in1': 4, '6in1': 6, '8in1': 8, '9in1': 9, '16in1': 16 };

function wordsOf(table: Readonly<Record<string, unknown>>): string {
  return Object.keys(table).join(', ');
}

// ---------------------------------------------------------------------------
// The format
// ---------------------------------------------------------------------------

export function timeOf(text: string, format: CompiledTimeFormat, timeZone: string): { iso: string } | { problem: string } {
  const t = format.parse(text);
  if (!t) return { problem: `${shown(text)} does not match the time format '${format.source}'` };
  if (t.offsetMinutes !== null) {
    const local = { ...t };
    const iso = wallClockToIso(local, 'UTC');
    if (!iso) return { problem: `${shown(text)} is not a real date and time` };
    return { iso: new Date(Date.parse(iso) - t.offsetMinutes * 60_000).toISOString() };
  }
  const iso = wallClockToIso(t, timeZone);
  return iso ? { iso } : { problem: `${shown(text)} is not a real date and time` };
}

function jobOf(row: Row, mapping: JobMapping, format: CompiledTimeFormat, timeZone: string): PrintJob {
  let timeText = row.text('time');
  if (timeText === '') row.fail('time', 'empty');
  if (row.has('timeOfDay')) timeText = `${timeText} ${row.text('timeOfDay')}`;
  const time = timeOf(timeText, format, timeZone);
  if ('problem' in time) row.fail('time', time.problem);

  const rawPages = row.count('pages', 0);
  const copies = row.has('copies') ? row.count('copies', 1) : 1;

  let sides: 1 | 2 | null = null;
  const duplexText = row.text('duplex');
  if (duplexText !== '') {
    const duplex = lookupWord(duplexText, mapping.values.duplex, BUILTIN_DUPLEX);
    if (duplex === undefined) row.fail('duplex', `unknown word ${shown(duplexText)} (expected ${wordsOf(mapping.values.duplex ?? BUILTIN_DUPLEX)})`);
    sides = duplex ? 2 : 1;
  }

  let color: boolean | null = null;
  const colorText = row.text('color');
  if (colorText !== '') {
    const c = lookupWord(colorText, mapping.values.color, BUILTIN_COLOR);
    if (c === undefined) row.fail('color', `unknown word ${shown(colorText)} (expected ${wordsOf(mapping.values.color ?? BUILTIN_COLOR)})`);
    color = c;
  }

  let nUp = 1;
  const nupText = row.text('nup');
  if (nupText !== '') {
    const n = lookupWord(nupText, mapping.values.nup, BUILTIN_NUP) ?? parseCount(nupText);
    if (n === null || n === undefined || n < 1) row.fail('nup', `unknown word ${shown(nupText)} (expected ${wordsOf(mapping.values.nup ?? BUILTIN_NUP)} or a number)`);
    nUp = n;
  }

  let pagesPerCopy = rawPages;
  if (mapping.pagesMean === 'total') {
    if (rawPages % copies !== 0) row.fail('pages', `${rawPages} pages in total is not a whole number of pages for each of ${copies} copies (pagesMean is 'total')`);
    pagesPerCopy = rawPages / copies;
  }

  return {
    time: time.iso,
    user: row.text('user'),
    printer: row.text('printer'),
    client: row.text('client'),
    document: row.text('document'),
    pages: pagesPerCopy * copies,
    sheets: sheetsOf(pagesPerCopy, copies, sides, nUp),
    copies,
    sides,
    nUp,
    color,
    paperSize: row.text('paper'),
  };
}

/**
 * The header handling both mapped formats share: rows before `headerRow` are
 * skipped, the header row resolves the columns, and every later row is read
 * through them (or rejected, naming what is wrong with the header).
 */
export function mappedRows(
  mapping: { headerRow: number; delimiter: string; columns: Readonly<Record<string, ColumnRef | undefined>> },
  read: (row: Row, line: number) => ParseEvent,
): LineParser {
  const reader = new CsvRecordReader(mapping.delimiter);
  let columns: Map<string, ResolvedColumn> | null = null;
  let headerProblem: string | null = null;
  if (mapping.headerRow === 0) {
    const r = resolveColumns(mapping.columns, null);
    columns = r.columns;
  }

  const handle = (out: CsvOutput): ParseEvent[] => {
    if (out.kind === 'broken') return [{ kind: 'reject', line: out.line, reason: out.reason }];
    if (mapping.headerRow > 0 && out.line < mapping.headerRow) return [];
    if (mapping.headerRow > 0 && out.line === mapping.headerRow) {
      const r = resolveColumns(mapping.columns, out.fields);
      if (r.problems.length === 0) {
        columns = r.columns;
        return [];
      }
      headerProblem = `the header on line ${out.line} does not fit the mapping: ${r.problems.join('; ')}`;
      return [{ kind: 'reject', line: out.line, reason: `${headerProblem} (found: ${out.fields.map((f) => f.trim()).join(', ')})` }];
    }
    if (out.fields.every((f) => f.trim() === '')) return [];
    if (!columns) {
      return [{
        kind: 'reject',
        line: out.line,
        reason: headerProblem ?? `the header (line ${mapping.headerRow}) was not read: the file must be read from its first line`,
      }];
    }
    try {
      return [read(new Row(out.fields, columns), out.line)];
    } catch (err) {
      if (err instanceof RowError) return [{ kind: 'reject', line: out.line, reason: err.message }];
      throw err;
    }
  };

  return {
    push: (text, line) => reader.push(text, line).flatMap(handle),
    end: () => reader.end().flatMap(handle),
    pendingSince: () => reader.pendingSince(),
  };
}

export const csvMapped: FormatModule = {
  name: 'csv',
  description: 'A CSV job log from a copier vendor or an in-house system, read through a mapping file (--mapping) that names its columns, time format and words.',
  resumeFromStart: true,
  needsMapping: true,
  // Any CSV could be a job log; only its mapping file can say how to read it.
  detect: () => null,
  createParser(opts: ParserOptions): LineParser {
    const mapping = requireMapping(opts.mapping, 'csv');
    const format = compileTimeFormat(mapping.timeFormat, 'datetime');
    const timeZone = mapping.timeZone ?? opts.timeZone;
    return mappedRows(mapping, (row, line) => ({ kind: 'job', line, job: jobOf(row, mapping, format, timeZone) }));
  },
};
