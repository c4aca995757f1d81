/**
 * Paper purchases from a CSV, as a town's 財政・用度 clerk exports it from
 * Excel: a header line naming the columns (年月 / month, 連数 or 冊数 / reams,
 * optionally 備考 / note; other columns are ignored), then one purchase a line.
 * The month may be written 2024-04, 2024/4, 2024/4/15, 2024年4月, 令和6年4月 or
 * R6.4 (a day is ignored); reams are whole numbers ≥ 0 ("1,200" and
 * full-width digits are read). Lines of the same month add up: a town buys
 * paper several times a month. Title lines above the header (one cell), blank
 * lines and 合計 / 小計 / total lines (the word in the month column, or in
 * another column with the month empty) are skipped.
 *
 * The text is already decoded (the core detects UTF-8 / Shift_JIS from the
 * bytes); a BOM left at its start is dropped. Like the mapping CSV
 * (mapping-csv.ts), every mistake is reported with its line, all at once, and
 * any mistake refuses the whole file. Errors are data (line, field, code,
 * value); `describePurchaseCsvError` puts them into Japanese or English.
 */
import type { Language } from '../../api/org.js';
import { splitCsvLine } from '../printlog/formats/csv-line.js';
import { formatYearMonth, type YearMonth } from './months.js';

/** The most reams a month can hold (the API's limit for a month typed in). */
export const MAX_REAMS_PER_MONTH = 10_000_000;
/** The longest note a month keeps (the API's limit for a month typed in). */
export const MAX_PURCHASE_NOTE = 200;
/** Earliest and latest month a purchase can be stored for (the API's YYYY-MM range). */
const FIRST_MONTH = '2000-01';
const LAST_MONTH = '2100-12';

export type PurchaseCsvField = 'month' | 'reams' | 'note';

export type PurchaseCsvErrorCode =
  /** Nothing but blank lines. */
  | 'empty'
  /** The first line with data does not name the columns. */
  | 'noHeader'
  /** The header has no column for `field`. */
  | 'missingColumn'
  /** The header has two columns for `field`. */
  | 'duplicateColumn'
  /** A header and no purchase under it. */
  | 'noRows'
  /** Quotes that do not pair up (the line ends inside quotes, text after a closing quote). */
  | 'quote'
  /** The cell of `field` is empty. */
  | 'missing'
  /** `value` cannot be read as a month. */
  | 'notMonth'
  /** `value` is a month before 2000-01 or after 2100-12. */
  | 'monthRange'
  /** `value` (reams) is not a number. */
  | 'notNumber'
  | 'negative'
  | 'notWhole'
  /** `value` (reams) is more than MAX_REAMS_PER_MONTH. */
  | 'tooLarge'
  /** The note is longer than MAX_PURCHASE_NOTE; `value` is its length. */
  | 'noteTooLong'
  /** The lines of month `value` add up to more than MAX_REAMS_PER_MONTH. */
  | 'monthTotalTooLarge';

export interface PurchaseCsvError {
  /** 1-based line of the file; null for the file as a whole. */
  line: number | null;
  field: PurchaseCsvField | null;
  code: PurchaseCsvErrorCode;
  /** The cell as written (trimmed), or what the code says it is. */
  value: string;
}

/** A month's purchases from the file, its lines added up. */
export interface CsvPurchaseMonth {
  month: YearMonth;
  reams: number;
  /** The lines' notes, distinct ones joined with " / ", at most MAX_PURCHASE_NOTE characters. */
  note: string;
  /** The lines it was added up from. */
  lines: number[];
}

export type PurchasesCsvResult =
  | { ok: true; months: CsvPurchaseMonth[]; rows: number }
  | { ok: false; errors: PurchaseCsvError[] };

/** Header words as normalizeHeader leaves them (NFKC, lower case, no spaces). */
const HEADERS: Readonly<Record<PurchaseCsvField, readonly string[]>> = {
  month: ['年月', '購入年月', '対象年月', '月', '購入月', '年月日', '購入日', '購入年月日', '日付', 'month', 'yearmonth', 'purchasemonth', 'date', 'purchasedate'],
  reams: ['連数', '冊数', '連', '冊', '購入連数', '購入冊数', '購入量(連)', '購入数(連)', '数量(連)', '数量(冊)', 'reams', 'ream', 'reamsbought', 'numberofreams'],
  note: ['備考', 'メモ', '摘要', 'note', 'notes', 'memo', 'remarks', 'comment'],
};
/** A month cell saying the line sums the others up: skipped, never added. */
const TOTAL_WORDS = new Set(['合計', '計', '小計', '総計', '年度計', '年計', 'total', 'sum', 'grandtotal', 'subtotal']);

const normalizeHeader = (cell: string): string => cell.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

function headerField(cell: string): PurchaseCsvField | null {
  const word = normalizeHeader(cell);
  for (const field of ['month', 'reams', 'note'] as const) if (HEADERS[field].includes(word)) return field;
  return null;
}

/** The eras a clerk's Excel may write (和暦 formats): the Gregorian year of their first year, and their span. */
const ERAS: Readonly<Record<string, { offset: number; first: YearMonth; last: YearMonth }>> = {
  令和: { offset: 2018, first: '2019-05', last: '9999-12' },
  r: { offset: 2018, first: '2019-05', last: '9999-12' },
  平成: { offset: 1988, first: '1989-01', last: '2019-04' },
  h: { offset: 1988, first: '1989-01', last: '2019-04' },
};

const SEP = '[-/.]';
const GREGORIAN = [
  new RegExp(`^(\\d{4})${SEP}(\\d{1,2})(?:${SEP}(\\d{1,2}))?$`),
  /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/,
  /^(\d{4})(\d{2})$/,
];
const ERA_KANJI = /^(令和|平成)(元|\d{1,2})年(\d{1,2})月(?:(\d{1,2})日)?$/;
const ERA_LETTER = new RegExp(`^([rh])(元|\\d{1,2})${SEP}(\\d{1,2})(?:${SEP}(\\d{1,2}))?$`);

/** A month cell as 'YYYY-MM', or null when it is no month (a day, when given, must be 1–31 and is dropped). */
export function parsePurchaseMonth(cell: string): YearMonth | null {
  // NFKC: full-width digits, and the one-character era names ㋿ ㍻, become plain text.
  const text = cell.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  const valid = (year: number, month: number, day: string | undefined) =>
    month >= 1 && month <= 12 && (day === undefined || (Number(day) >= 1 && Number(day) <= 31)) ? formatYearMonth(year, month) : null;
  for (const re of GREGORIAN) {
    const m = re.exec(text);
    if (m) return valid(Number(m[1]), Number(m[2]), m[3]);
  }
  const era = ERA_KANJI.exec(text) ?? ERA_LETTER.exec(text);
  if (!era) return null;
  const def = ERAS[era[1] ?? ''];
  if (!def) return null;
  const eraYear = era[2] === '元' ? 1 : Number(era[2]);
  if (eraYear < 1) return null;
  const month = valid(def.offset + eraYear, Number(era[3]), era[4]);
  // 令和元年4月 never was (令和 began on 1 May 2019), nor 平成32年.
  return month !== null && month >= def.first && month <= def.last ? month : null;
}

/** A reams cell as a whole number ≥ 0, or the error code saying why not. */
export function parseReams(cell: string): { ok: true; reams: number } | { ok: false; code: 'missing' | 'notNumber' | 'negative' | 'notWhole' | 'tooLarge' } {
  let text = cell.normalize('NFKC').replace(/\s+/g, '');
  if (text === '') return { ok: false, code: 'missing' };
  // Excel's Japanese negative formats (▲5, △5) and the minus signs NFKC leaves alone.
  const negative = /^[-▲△−‐]/.test(text);
  text = text.replace(/^[-+▲△−‐]/, '').replace(/[連冊]$/, '');
  // "1,200": a thousands separator from a formatted cell.
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(text)) return { ok: false, code: 'notNumber' };
  const value = Number(text);
  if (negative && value !== 0) return { ok: false, code: 'negative' };
  // A cell formatted with decimals writes 12 as "12.0": still whole.
  if (!Number.isInteger(value)) return { ok: false, code: 'notWhole' };
  if (value > MAX_REAMS_PER_MONTH) return { ok: false, code: 'tooLarge' };
  return { ok: true, reams: value };
}

/** Tab-separated when the header has tabs and no commas (Excel's テキスト（タブ区切り）); else commas. */
const delimiterOf = (line: string) => (line.includes('\t') && !line.includes(',') ? '\t' : ',');

export function parsePurchasesCsv(text: string): PurchasesCsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const errors: PurchaseCsvError[] = [];
  const fail = (line: number | null, field: PurchaseCsvField | null, code: PurchaseCsvErrorCode, value = '') => {
    errors.push({ line, field, code, value });
  };
  let columns: Record<PurchaseCsvField, number> | null = null;
  let delimiter = ',';
  const months = new Map<YearMonth, CsvPurchaseMonth & { notes: string[] }>();
  let rows = 0;
  let sawAnything = false;

  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    if (raw.trim() === '') continue;
    if (columns === null) delimiter = delimiterOf(raw);
    const split = splitCsvLine(raw, delimiter);
    if (!split.ok) {
      fail(line, null, 'quote', split.reason);
      // Without its header nothing below can be read: stop at the first line.
      if (columns === null) return { ok: false, errors };
      continue;
    }
    const cells = split.fields.map((f) => f.trim());
    const filled = cells.filter((c) => c !== '').length;
    if (filled === 0) continue;
    sawAnything = true;

    if (columns === null) {
      // A title above the header ("令和6年度 用紙購入実績") fills one cell; a purchase always fills two.
      if (filled === 1) continue;
      const found: Partial<Record<PurchaseCsvField, number>> = {};
      const twice = new Set<PurchaseCsvField>();
      cells.forEach((cell, index) => {
        const field = headerField(cell);
        if (field === null) return;
        if (found[field] !== undefined) twice.add(field);
        else found[field] = index;
      });
      if (found.month === undefined && found.reams === undefined) {
        fail(line, null, 'noHeader', raw.trim());
        return { ok: false, errors };
      }
      for (const field of ['month', 'reams'] as const) if (found[field] === undefined) fail(line, field, 'missingColumn');
      for (const field of twice) fail(line, field, 'duplicateColumn');
      if (errors.length > 0) return { ok: false, errors };
      columns = { month: found.month ?? -1, reams: found.reams ?? -1, note: found.note ?? -1 };
      continue;
    }

    const monthCell = cells[columns.month] ?? '';
    const reamsCell = cells[columns.reams] ?? '';
    const note = columns.note >= 0 ? (cells[columns.note] ?? '') : '';
    // A total line (合計 in the month column, or in another column with the month left empty) sums the others up.
    const isTotal = (cell: string) => TOTAL_WORDS.has(normalizeHeader(cell));
    if (isTotal(monthCell) || (monthCell === '' && cells.some((c, index) => index !== columns?.note && isTotal(c)))) continue;
    rows += 1;
    let month: YearMonth | null = null;
    if (monthCell === '') fail(line, 'month', 'missing');
    else {
      month = parsePurchaseMonth(monthCell);
      if (month === null) fail(line, 'month', 'notMonth', monthCell);
      else if (month < FIRST_MONTH || month > LAST_MONTH) {
        fail(line, 'month', 'monthRange', monthCell);
        month = null;
      }
    }
    const reams = parseReams(reamsCell);
    if (!reams.ok) fail(line, 'reams', reams.code, reamsCell);
    if (note.length > MAX_PURCHASE_NOTE) fail(line, 'note', 'noteTooLong', String(note.length));
    if (month === null || !reams.ok) continue;
    let entry = months.get(month);
    if (!entry) months.set(month, (entry = { month, reams: 0, note: '', lines: [], notes: [] }));
    entry.reams += reams.reams;
    entry.lines.push(line);
    if (note !== '' && !entry.notes.includes(note)) entry.notes.push(note);
  }

  if (!sawAnything) return { ok: false, errors: [{ line: null, field: null, code: 'empty', value: '' }] };
  if (columns === null) {
    // Only title-like lines: there is no header to read the purchases by.
    return { ok: false, errors: [{ line: null, field: null, code: 'noHeader', value: '' }] };
  }
  for (const entry of months.values()) {
    if (entry.reams > MAX_REAMS_PER_MONTH) fail(entry.lines.at(-1) ?? null, 'reams', 'monthTotalTooLarge', entry.month);
  }
  if (errors.length === 0 && rows === 0) fail(null, null, 'noRows');
  if (errors.length > 0) return { ok: false, errors };
  const out = [...months.values()]
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .map(({ notes, ...m }): CsvPurchaseMonth => ({ ...m, note: joinNotes(notes) }));
  return { ok: true, months: out, rows };
}

function joinNotes(notes: readonly string[]): string {
  const joined = notes.join(' / ');
  return joined.length <= MAX_PURCHASE_NOTE ? joined : `${joined.slice(0, MAX_PURCHASE_NOTE - 1)}…`;
}

const FIELD_TEXT: Readonly<Record<PurchaseCsvField, Record<Language, string>>> = {
  month: { ja: '年月', en: 'month' },
  reams: { ja: '連数', en: 'reams' },
  note: { ja: '備考', en: 'note' },
};

const MONTH_EXAMPLES = '2024/4, 2024-04, 令和6年4月, R6.4';
const max = MAX_REAMS_PER_MONTH.toLocaleString('en-US');

/** The header words a missing column may have, as the message suggests them. */
const COLUMN_HINT: Readonly<Record<PurchaseCsvField, string>> = { month: '年月, 購入日, month', reams: '連数, 冊数, reams', note: '備考, メモ, note' };

/** One error's words, without the line: `f` is the field's name, `v` the value as written, `e` the error. */
const ERROR_TEXT: Readonly<Record<PurchaseCsvErrorCode, Record<Language, (f: string, v: string, e: PurchaseCsvError) => string>>> = {
  empty: { ja: () => 'ファイルが空です', en: () => 'the file is empty' },
  noHeader: {
    ja: () => '見出しの行がありません。1行目に列名「年月」「連数」（と「備考」）を入れてください',
    en: () => 'no header line: the first line must name the columns month, reams (and note)',
  },
  missingColumn: {
    ja: (f, _v, e) => `見出しに「${f}」の列がありません（列名は ${e.field === null ? '' : COLUMN_HINT[e.field]} のいずれか）`,
    en: (f, _v, e) => `the header has no ${f} column (name it one of ${e.field === null ? '' : COLUMN_HINT[e.field]})`,
  },
  duplicateColumn: { ja: (f) => `見出しに「${f}」の列が2つあります`, en: (f) => `the header has two ${f} columns` },
  noRows: { ja: () => '見出しの下に購入の行がありません', en: () => 'there is no purchase under the header' },
  quote: { ja: () => '引用符（"）の対応が正しくありません', en: (_f, v) => `the quotes (") do not pair up: ${v}` },
  missing: { ja: (f) => `${f}が空欄です`, en: (f) => `no ${f} given` },
  notMonth: {
    ja: (f, v) => `${f}「${v}」は年月として読めません（例: ${MONTH_EXAMPLES}）`,
    en: (f, v) => `${f} "${v}" is not a month (e.g. ${MONTH_EXAMPLES})`,
  },
  monthRange: { ja: (f, v) => `${f}「${v}」は2000年1月〜2100年12月の範囲外です`, en: (f, v) => `${f} "${v}" is outside 2000-01 to 2100-12` },
  notNumber: { ja: (f, v) => `${f}「${v}」は数値ではありません`, en: (f, v) => `${f} "${v}" is not a number` },
  negative: { ja: (f, v) => `${f}「${v}」は負の数です（0以上の整数で）`, en: (f, v) => `${f} "${v}" is negative (0 or more)` },
  notWhole: { ja: (f, v) => `${f}「${v}」は整数ではありません`, en: (f, v) => `${f} "${v}" is not a whole number` },
  tooLarge: { ja: (f, v) => `${f}「${v}」が大きすぎます（${max}まで）`, en: (f, v) => `${f} "${v}" is too large (at most ${max})` },
  noteTooLong: {
    ja: (f, v) => `${f}が長すぎます（${v}文字。${MAX_PURCHASE_NOTE}文字まで）`,
    en: (f, v) => `the ${f} is too long (${v} characters, at most ${MAX_PURCHASE_NOTE})`,
  },
  monthTotalTooLarge: {
    ja: (f, v) => `${v}の${f}の合計が大きすぎます（${max}まで）`,
    en: (f, v) => `the ${f} of ${v} add up to more than ${max}`,
  },
};

/** 行 3: 連数「abc」は数値ではありません / line 3: reams "abc" is not a number. */
export function describePurchaseCsvError(e: PurchaseCsvError, lang: Language): string {
  const field = e.field === null ? '' : FIELD_TEXT[e.field][lang];
  const text = ERROR_TEXT[e.code][lang](field, e.value, e);
  if (e.line === null) return text;
  return lang === 'ja' ? `行 ${e.line}: ${text}` : `line ${e.line}: ${text}`;
}
