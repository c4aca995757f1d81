/**
 * Mapping files: how to read a vendor or in-house CSV (`format: "csv"`, one
 * print job per row) or a copier counter report (`format: "counter"`, one
 * department-month per row). The user writes them by hand (docs/mapping-files.md),
 * so every error names the JSON path it is about ("columns.pages: required").
 */
import { z } from 'zod';
import type { WallClock } from './local-time.js';

/** The encodings the ingest pipeline decodes; the same names as its `Encoding`. */
export const MAPPING_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'cp932'] as const;
export type MappingEncoding = (typeof MAPPING_ENCODINGS)[number];

// The spellings people write (case, `_` or `-` ignored); kept in step with the
// pipeline's normalizeEncoding so a name it accepts on the command line is also
// accepted in a mapping file.
const ENCODING_NAMES: Readonly<Record<string, MappingEncoding>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16': 'utf-16le',
  'ucs-2': 'utf-16le',
  'utf-16be': 'utf-16be',
  cp932: 'cp932',
  'shift-jis': 'cp932',
  shiftjis: 'cp932',
  sjis: 'cp932',
  'windows-31j': 'cp932',
  ms932: 'cp932',
};

/** 'Shift_JIS' → 'cp932'; null for a name the pipeline cannot decode. */
export function normalizeMappingEncoding(name: string): MappingEncoding | null {
  const n = name.trim().toLowerCase().replace(/[_\s]/g, '-');
  return Object.hasOwn(ENCODING_NAMES, n) ? (ENCODING_NAMES[n] ?? null) : null;
}

const DELIMITER_WORDS: Readonly<Record<string, string>> = { tab: '\t', comma: ',', semicolon: ';', pipe: '|' };

// ---------------------------------------------------------------------------
// Time and month formats
// ---------------------------------------------------------------------------

/** A wall-clock time read from a cell, with the offset when the cell states one. */
export interface ParsedTime extends WallClock {
  /** Minutes east of UTC written in the cell (ISO 8601), else null: the mapping's time zone applies. */
  offsetMinutes: number | null;
}

export interface CompiledTimeFormat {
  readonly source: string;
  /** The fields of a cell, or null when the cell does not have the format's shape. */
  parse(text: string): ParsedTime | null;
}

type Field = 'year' | 'month' | 'day' | 'hour' | 'hour12' | 'minute' | 'second' | 'fraction' | 'ampm';

// Longest first so 'yyyy' is not read as four 'y's and 'MM' not as two 'M's.
// Two-letter numeric tokens also accept one digit: logs drop zero padding often
// enough that insisting on it would only produce rejected rows.
const TOKENS: readonly { token: string; field: Field; pattern: string }[] = [
  { token: 'yyyy', field: 'year', pattern: '(\\d{4})' },
  { token: 'fff', field: 'fraction', pattern: '(\\d{1,9})' },
  { token: 'SSS', field: 'fraction', pattern: '(\\d{1,9})' },
  { token: 'MM', field: 'month', pattern: '(\\d{1,2})' },
  { token: 'dd', field: 'day', pattern: '(\\d{1,2})' },
  { token: 'HH', field: 'hour', pattern: '(\\d{1,2})' },
  { token: 'hh', field: 'hour12', pattern: '(\\d{1,2})' },
  { token: 'mm', field: 'minute', pattern: '(\\d{1,2})' },
  { token: 'ss', field: 'second', pattern: '(\\d{1,2})' },
  { token: 'tt', field: 'ampm', pattern: '(AM|PM|A\\.M\\.|P\\.M\\.|午前|午後)' },
  { token: 'M', field: 'month', pattern: '(\\d{1,2})' },
  { token: 'd', field: 'day', pattern: '(\\d{1,2})' },
  { token: 'H', field: 'hour', pattern: '(\\d{1,2})' },
  { token: 'h', field: 'hour12', pattern: '(\\d{1,2})' },
  { token: 'm', field: 'minute', pattern: '(\\d{1,2})' },
  { token: 's', field: 'second', pattern: '(\\d{1,2})' },
  { token: 'a', field: 'ampm', pattern: '(AM|PM|A\\.M\\.|P\\.M\\.|午前|午後)' },
];

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function parseIso(text: string): ParsedTime | null {
  const m = ISO_PATTERN.exec(text.trim());
  if (!m) return null;
  let offsetMinutes: number | null = null;
  const zone = m[7];
  if (zone) {
    if (zone.toUpperCase() === 'Z') offsetMinutes = 0;
    else {
      const digits = zone.slice(1).replace(':', '');
      offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
    }
  }
  return {
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3]),
    hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? '0'), offsetMinutes,
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles a .NET/Java-style pattern ('yyyy/MM/dd HH:mm:ss', 'yyyy年M月') or
 * 'iso'. Text in single quotes is literal; a run of spaces matches any run of
 * whitespace. Throws a RangeError naming what is missing.
 */
export function compileTimeFormat(format: string, need: 'datetime' | 'month'): CompiledTimeFormat {
  if (format.trim().toLowerCase() === 'iso') {
    if (need === 'month') throw new RangeError("'iso' is for times; write a month format such as 'yyyy/MM' or 'yyyy-MM'");
    return { source: format, parse: parseIso };
  }
  const fields: Field[] = [];
  let pattern = '';
  for (let i = 0; i < format.length; ) {
    const ch = format[i] ?? '';
    if (ch === "'") {
      const close = format.indexOf("'", i + 1);
      if (close === -1) throw new RangeError(`unclosed quote at position ${i + 1}`);
      pattern += escapeRegExp(format.slice(i + 1, close));
      i = close + 1;
      continue;
    }
    if (/\s/.test(ch)) {
      while (i < format.length && /\s/.test(format[i] ?? '')) i++;
      pattern += '\\s+';
      continue;
    }
    const tok = TOKENS.find((t) => format.startsWith(t.token, i));
    if (tok) {
      fields.push(tok.field);
      pattern += tok.pattern;
      i += tok.token.length;
      continue;
    }
    pattern += escapeRegExp(ch);
    i++;
  }
  const has = (f: Field): boolean => fields.includes(f);
  const repeated = fields.find((f, i) => fields.indexOf(f) !== i);
  if (repeated) throw new RangeError(`the ${repeated === 'hour12' ? 'hour' : repeated} appears twice`);
  const missing: string[] = [];
  if (!has('year')) missing.push('yyyy');
  if (!has('month')) missing.push('MM');
  if (need === 'datetime' && !has('day')) missing.push('dd');
  if (missing.length > 0) throw new RangeError(`needs ${missing.join(', ')} (MM is the month, mm the minute)`);
  if (has('hour12') && !has('ampm')) throw new RangeError('hh is a 12-hour clock and needs tt (AM/PM, 午前/午後); use HH for a 24-hour clock');
  if (has('hour') && has('hour12')) throw new RangeError('write either HH (24-hour) or hh (12-hour), not both');
  if (need === 'month' && (has('hour') || has('hour12') || has('minute') || has('second'))) throw new RangeError('a month format has no time of day');
  const re = new RegExp(`^${pattern}$`, 'i');
  return {
    source: format,
    parse(text: string): ParsedTime | null {
      const m = re.exec(text.trim());
      if (!m) return null;
      const out: ParsedTime = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, offsetMinutes: null };
      let hour12: number | null = null;
      let pm: boolean | null = null;
      for (let k = 0; k < fields.length; k++) {
        const f = fields[k];
        const v = m[k + 1] ?? '';
        if (f === 'ampm') pm = /^(p|午後)/i.test(v);
        else if (f === 'hour12') hour12 = Number(v);
        else if (f !== undefined && f !== 'fraction') out[f] = Number(v);
      }
      if (hour12 !== null) {
        if (hour12 < 1 || hour12 > 12) return null;
        out.hour = (hour12 % 12) + (pm ? 12 : 0);
      }
      return out;
    },
  };
}

// ---------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------

/** A column by its header text, or by its 1-based position (needed when `headerRow` is 0). */
const columnRef = z.union([z.string().trim().min(1), z.number().int().min(1)], {
  error: (iss) => (iss.input === undefined ? 'required' : 'expected the header text of a column, or its number (1 = first column)'),
});
export type ColumnRef = z.infer<typeof columnRef>;

const encoding = z.string().transform((name, ctx) => {
  const enc = normalizeMappingEncoding(name);
  if (enc) return enc;
  ctx.addIssue({ code: 'custom', message: `unknown encoding '${name}' (use one of utf-8, cp932 (= shift_jis), utf-16le, utf-16be)` });
  return z.NEVER;
});

const delimiter = z.string().transform((raw, ctx) => {
  const d = Object.hasOwn(DELIMITER_WORDS, raw.toLowerCase()) ? (DELIMITER_WORDS[raw.toLowerCase()] ?? raw) : raw;
  if ([...d].length === 1 && d !== '"' && d !== '\r' && d !== '\n') return d;
  ctx.addIssue({ code: 'custom', message: `expected one character (",", ";", "|" or "\\t"/"tab"), got '${raw}'` });
  return z.NEVER;
});

const headerRow = z.number().int().min(0, { message: 'expected 0 (no header) or the line number of the header (1 = first line)' });

const timeZone = z.string().transform((tz, ctx) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    ctx.addIssue({ code: 'custom', message: `unknown time zone '${tz}' (an IANA name such as 'Asia/Tokyo')` });
    return z.NEVER;
  }
});

function formatString(need: 'datetime' | 'month') {
  return z.string().transform((f, ctx) => {
    try {
      compileTimeFormat(f, need);
      return f;
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `'${f}': ${err instanceof Error ? err.message : String(err)}` });
      return z.NEVER;
    }
  });
}

const wordMap = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

export const jobColumnsSchema = z.object({
  /** The job's date and time (or just the date, with `timeOfDay` holding the time). */
  time: columnRef,
  /** A separate time-of-day column; its text is appended to `time`'s, with a space, before `timeFormat` reads it. */
  timeOfDay: columnRef.optional(),
  user: columnRef.optional(),
  printer: columnRef.optional(),
  client: columnRef.optional(),
  document: columnRef.optional(),
  /** Printed pages: of one copy, or of all copies, per `pagesMean`. */
  pages: columnRef,
  copies: columnRef.optional(),
  duplex: columnRef.optional(),
  color: columnRef.optional(),
  paper: columnRef.optional(),
  /** Pages per sheet side (N-up, 集約). */
  nup: columnRef.optional(),
});

export const jobValuesSchema = z.object({
  duplex: wordMap(z.boolean({ error: 'expected true (two-sided) or false (one-sided)' })).optional(),
  color: wordMap(z.boolean({ error: 'expected true (colour) or false (black and white)' })).optional(),
  nup: wordMap(z.number({ error: 'expected a whole number of pages per sheet side (1, 2, 4 …)' }).int().min(1)).optional(),
});

const common = {
  /** For the pipeline's decoder; absent = detect (BOM, else UTF-8 if valid, else CP932). */
  encoding: encoding.optional(),
  delimiter: delimiter.default(','),
  headerRow: headerRow.default(1),
};

export const jobMappingSchema = z.object({
  format: z.literal('csv'),
  ...common,
  columns: jobColumnsSchema,
  timeFormat: formatString('datetime').default('yyyy/MM/dd HH:mm:ss'),
  /** Zone of times written without an offset; absent = the importer's (Asia/Tokyo). */
  timeZone: timeZone.optional(),
  values: jobValuesSchema.default({}),
  pagesMean: z.enum(['per-copy', 'total'], { error: "expected 'per-copy' (Pages is one copy) or 'total' (Pages includes copies)" }).default('per-copy'),
});

export const counterColumnsSchema = z.object({
  month: columnRef,
  department: columnRef.optional(),
  device: columnRef.optional(),
  /** Total sheets; when absent, monoSheets + colorSheets. */
  sheets: columnRef.optional(),
  monoSheets: columnRef.optional(),
  colorSheets: columnRef.optional(),
});

export const counterMappingSchema = z.object({
  format: z.literal('counter'),
  ...common,
  columns: counterColumnsSchema,
  monthFormat: formatString('month').default('yyyy/MM'),
});

export type JobMapping = z.infer<typeof jobMappingSchema>;
export type CounterMapping = z.infer<typeof counterMappingSchema>;
export type Mapping = JobMapping | CounterMapping;
export type MappingFormat = Mapping['format'];

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

/** `encoding` repeats the mapping's (canonical) encoding for the pipeline's decoder; absent = detect. */
export type MappingResult<M extends Mapping = Mapping> = { ok: true; mapping: M; encoding?: MappingEncoding } | { ok: false; errors: string[] };

/** Thrown by a parser handed a mapping that does not validate; `errors` as from validateMapping. */
export class MappingError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`Invalid mapping file:\n${errors.map((e) => `  ${e}`).join('\n')}`);
    this.name = 'MappingError';
  }
}

/** `columns.pages`, `values.duplex.両面`, `values.color["black & white"]`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const key = String(seg);
      out += /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(key) ? (out ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
    }
  }
  return out || '(top level)';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Keys starting with '_' or '$' are left for comments and `$schema`.
function unknownKeys(obj: unknown, known: readonly string[], path: readonly string[], out: string[]): void {
  if (!isRecord(obj)) return;
  for (const key of Object.keys(obj)) {
    if (known.includes(key) || key.startsWith('_') || key.startsWith('$')) continue;
    out.push(`${formatJsonPath([...path, key])}: unknown key (expected one of ${known.join(', ')})`);
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  // zod's own wording starts "Invalid input"; the schema's own messages are kept.
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    const expected = issue.expected === 'number' ? 'a number' : issue.expected === 'string' ? 'text' : issue.expected === 'object' ? 'an object { … }' : issue.expected;
    return `expected ${expected}`;
  }
  if (issue.code === 'invalid_value' && issue.path.length === 1 && issue.path[0] === 'format') return "expected 'csv' (a job log) or 'counter' (a counter report)";
  if (issue.code === 'too_small' && issue.origin === 'number') return `must be at least ${String(issue.minimum)}`;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'must not be empty';
  return issue.message;
}

// Checks between fields, run on whatever parts are well-typed so every mistake
// in the file shows at once (zod stops refining once a field has failed).
function crossChecks(raw: Record<string, unknown>, out: string[]): void {
  const columns = isRecord(raw['columns']) ? raw['columns'] : {};
  const headerRowValue = raw['headerRow'];
  if (headerRowValue === 0) {
    for (const [key, ref] of Object.entries(columns)) {
      if (typeof ref === 'string') out.push(`columns.${key}: '${ref}' is a header name but headerRow is 0 (no header); give the column number instead`);
    }
  }
  if (raw['format'] === 'csv' && isRecord(raw['values']) && isRecord(raw['columns'])) {
    for (const key of Object.keys(raw['values'])) {
      if (['duplex', 'color', 'nup'].includes(key) && columns[key] === undefined) out.push(`values.${key}: words are given but columns.${key} is not set`);
    }
    for (const [key, words] of Object.entries(raw['values'])) {
      if (isRecord(words) && Object.keys(words).length === 0) out.push(`values.${key}: empty; list the words the file uses, or leave values.${key} out for the built-in words`);
    }
  }
  if (raw['format'] === 'counter') {
    const hasTotal = columns['sheets'] !== undefined;
    const hasMono = columns['monoSheets'] !== undefined;
    const hasColor = columns['colorSheets'] !== undefined;
    if (!hasTotal && !(hasMono && hasColor)) {
      out.push(`columns.sheets: required (or give both columns.monoSheets and columns.colorSheets)`);
    }
    if (columns['department'] === undefined && columns['device'] === undefined) {
      out.push('columns.department: required (or columns.device): a counter row must say whose sheets they are');
    }
  }
}

/**
 * Validates a parsed JSON value as a mapping file. `expect` restricts it to one
 * format (a parser handed a mapping for the other one). Errors are
 * `path: problem`, one per mistake, in file order where possible.
 */
export function validateMapping(input: unknown, expect?: MappingFormat): MappingResult {
  if (!isRecord(input)) return { ok: false, errors: ['(top level): expected a JSON object { "format": …, "columns": { … } }'] };
  const format = input['format'];
  if (format !== 'csv' && format !== 'counter') {
    const got = format === undefined ? 'required' : `unknown format ${JSON.stringify(format)}`;
    return { ok: false, errors: [`format: ${got} ('csv' for a job log, 'counter' for a counter report)`] };
  }
  if (expect && format !== expect) return { ok: false, errors: [`format: this is a '${format}' mapping, but the '${expect}' format was asked for`] };

  const schema = format === 'csv' ? jobMappingSchema : counterMappingSchema;
  const errors: string[] = [];
  const parsed = schema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(`${formatJsonPath(issue.path)}: ${describeIssue(issue)}`);
  }
  unknownKeys(input, Object.keys(schema.shape), [], errors);
  unknownKeys(input['columns'], Object.keys(format === 'csv' ? jobColumnsSchema.shape : counterColumnsSchema.shape), ['columns'], errors);
  if (format === 'csv') unknownKeys(input['values'], Object.keys(jobValuesSchema.shape), ['values'], errors);
  crossChecks(input, errors);
  if (errors.length > 0 || !parsed.success) return { ok: false, errors: [...new Set(errors)] };
  return parsed.data.encoding ? { ok: true, mapping: parsed.data, encoding: parsed.data.encoding } : { ok: true, mapping: parsed.data };
}

/** The name the ingest pipeline and the CLI call validateMapping by. */
export const parseMapping = validateMapping;

/** validateMapping of a file's text, reporting a JSON syntax error as such. */
export function parseMappingJson(text: string, expect?: MappingFormat): MappingResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, errors: [`(file): not valid JSON: ${err instanceof Error ? err.message : String(err)}`] };
  }
  return validateMapping(value, expect);
}

/** For a parser: the typed mapping, or a MappingError. */
export function requireMapping(input: unknown, format: 'csv'): JobMapping;
export function requireMapping(input: unknown, format: 'counter'): CounterMapping;
export function requireMapping(input: unknown, format: MappingFormat): Mapping {
  if (input === undefined) throw new MappingError([`(file): the '${format}' format needs a mapping file (--mapping)`]);
  const r = validateMapping(input, format);
  if (!r.ok) throw new MappingError(r.errors);
  return r.mapping;
}
