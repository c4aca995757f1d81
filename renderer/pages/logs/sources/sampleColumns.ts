import { BUILTIN_COLOR, BUILTIN_DUPLEX, BUILTIN_NUP, headerKey, timeOf } from '../../../../shared/domain/printlog/formats/csv-mapped.js';
import { splitCsvLine } from '../../../../shared/domain/printlog/formats/csv-line.js';
import { compileTimeFormat, type ColumnRef } from '../../../../shared/domain/printlog/mapping.js';
import { fieldsOf, type ColumnField, type MappingDraft, type WordList, type WordRow } from './mappingDraft.js';

/**
 * The mapping editor's view of the sample: its columns as choices, guesses
 * from header words, the words a column holds, and formats tried on its
 * cells. The sample's lines come decoded from the hub's preview.
 */

// ---------------------------------------------------------------------------
// The sample's columns
// ---------------------------------------------------------------------------

/** The fields of one decoded line; a line the CSV rules cannot split is split at every delimiter. */
export function cellsOf(line: string, delimiter: string): string[] {
  const split = splitCsvLine(line, delimiter);
  return split.ok ? split.fields : line.split(delimiter);
}

export interface ColumnChoice {
  /** What the mapping writes: the header text, or the column's number when there is no (usable) header. */
  ref: ColumnRef;
  /** 1-based. */
  number: number;
  /** The header cell, '' without a header. */
  header: string;
  /** The cell of the first data row, to recognise the column by its content. */
  example: string;
}

/** The columns of the sample as the editor offers them, from the decoded lines and the draft's header row and delimiter. */
export function columnChoices(lines: readonly string[], draft: Pick<MappingDraft, 'headerRow' | 'delimiter'>): ColumnChoice[] {
  const headerLine = draft.headerRow > 0 ? lines[draft.headerRow - 1] : undefined;
  const dataLine = lines.slice(draft.headerRow).find((l) => l.trim() !== '');
  const headers = headerLine === undefined ? [] : cellsOf(headerLine, draft.delimiter).map((h) => h.replace(/^\uFEFF/, '').trim());
  const examples = dataLine === undefined ? [] : cellsOf(dataLine, draft.delimiter);
  const count = Math.max(headers.length, examples.length);
  const keys = headers.map(headerKey);
  return Array.from({ length: count }, (_, i) => {
    const header = headers[i] ?? '';
    // A blank or repeated header cannot name its column unambiguously: the number does.
    const usable = header !== '' && keys.indexOf(headerKey(header)) === i;
    return { ref: usable ? header : i + 1, number: i + 1, header, example: (examples[i] ?? '').trim() };
  });
}

/** A Select's value for a column reference; a header text and a number never collide. */
export function refKey(ref: ColumnRef): string {
  return typeof ref === 'number' ? `#${ref}` : `=${ref}`;
}

export function refFromKey(key: string): ColumnRef | null {
  if (key.startsWith('#')) {
    const n = Number(key.slice(1));
    return Number.isInteger(n) && n >= 1 ? n : null;
  }
  return key.startsWith('=') && key.length > 1 ? key.slice(1) : null;
}

/** The 0-based index of a reference in the sample's columns, or -1. */
export function columnIndex(choices: readonly ColumnChoice[], ref: ColumnRef): number {
  if (typeof ref === 'number') return ref - 1;
  const exact = choices.findIndex((c) => c.header === ref.trim());
  return exact !== -1 ? exact : choices.findIndex((c) => c.header !== '' && headerKey(c.header) === headerKey(ref));
}

// Header words commonly written by Japanese copier and print-management exports,
// and their English equivalents; compared the way the importer compares headers.
const HEADER_WORDS: Readonly<Record<ColumnField, readonly string[]>> = {
  time: ['印刷日時', '日時', '出力日時', '受付日時', '印刷日', '日付', 'time', 'date', 'datetime', 'date time', 'timestamp', 'printed'],
  timeOfDay: ['時刻', '印刷時刻', '受付時刻', 'time of day'],
  user: ['ユーザー名', 'ユーザー', 'ユーザ名', 'ユーザ', '利用者', '利用者名', 'ログイン名', 'user', 'user name', 'username', 'login'],
  printer: ['プリンター名', 'プリンター', 'プリンタ名', 'プリンタ', '出力機器', 'printer', 'printer name', 'queue'],
  client: ['クライアント', 'クライアント名', '端末', '端末名', 'コンピューター名', 'client', 'computer', 'host'],
  document: ['文書名', 'ドキュメント名', 'ファイル名', 'ジョブ名', 'document', 'document name', 'job name', 'title'],
  pages: ['ページ数', 'ページ', '印刷ページ数', 'pages', 'page count', 'total pages'],
  copies: ['部数', 'copies', 'copy'],
  duplex: ['両面', '両面印刷', '片面/両面', '両面/片面', 'duplex', 'sides'],
  color: ['カラー', 'カラーモード', '色', 'カラー/白黒', '白黒/カラー', 'color', 'colour', 'color mode'],
  paper: ['用紙サイズ', '用紙', 'paper', 'paper size'],
  nup: ['集約', 'ページ集約', 'nup', 'n-up', 'pages per sheet'],
  month: ['年月', '対象年月', '月', '集計月', 'month'],
  department: ['部門名', '部門', '部署', '部署名', '所属', '課', 'department', 'dept'],
  device: ['機器名', '機器', 'デバイス', '複合機', 'device', 'copier'],
  sheets: ['合計(枚)', '合計', '合計枚数', '総枚数', '枚数', 'total', 'sheets', 'total sheets'],
  monoSheets: ['白黒(枚)', '白黒', 'モノクロ', 'モノクロ(枚)', 'mono', 'black'],
  colorSheets: ['カラー(枚)', 'カラー', 'color', 'colour'],
};

const guessKey = (text: string): string => headerKey(text).replace(/\s+/g, ' ');

/**
 * Fills the columns the user has not chosen from header words the importer's
 * users commonly have ("印刷日時" → time). Never overrides a choice, and never
 * gives one column to two fields.
 */
export function guessColumns(draft: MappingDraft, choices: readonly ColumnChoice[]): MappingDraft['columns'] {
  const columns = { ...draft.columns };
  const taken = new Set(Object.values(columns).map((ref) => columnIndex(choices, ref)));
  for (const field of fieldsOf(draft.format)) {
    if (columns[field] !== undefined) continue;
    const words = HEADER_WORDS[field].map(guessKey);
    const index = choices.findIndex((c, i) => !taken.has(i) && c.header !== '' && words.includes(guessKey(c.header)));
    const choice = choices[index];
    if (!choice) continue;
    columns[field] = choice.ref;
    taken.add(index);
  }
  return columns;
}

/** The different words in one column of the sample's data rows, for the value tables. */
export function distinctWords(lines: readonly string[], draft: Pick<MappingDraft, 'headerRow' | 'delimiter'>, index: number, limit = 20): string[] {
  const out: string[] = [];
  for (const line of lines.slice(draft.headerRow)) {
    if (line.trim() === '') continue;
    const word = (cellsOf(line, draft.delimiter)[index] ?? '').trim();
    if (word !== '' && !out.includes(word)) out.push(word);
    if (out.length >= limit) break;
  }
  return out;
}

// The importer's built-in words, used to suggest a value for a word found in the sample.
const BUILTIN: Readonly<Record<WordList, Readonly<Record<string, boolean | number>>>> = { duplex: BUILTIN_DUPLEX, color: BUILTIN_COLOR, nup: BUILTIN_NUP };

/** What a word most likely means: a built-in word's meaning, `Nin1`/a plain number for N-up, else a neutral default. */
export function suggestValue(list: WordList, word: string): boolean | number {
  const key = headerKey(word);
  for (const [w, v] of Object.entries(BUILTIN[list])) if (headerKey(w) === key) return v;
  if (list === 'nup') {
    const m = /^(\d+)(?:\s*in\s*1)?$/i.exec(key);
    const n = m?.[1] ? Number(m[1]) : NaN;
    return Number.isInteger(n) && n >= 1 ? n : 1;
  }
  return false;
}

/** Adds the sample's words that the list does not have yet, each with its suggested value. */
export function withSampleWords(rows: readonly WordRow[], list: WordList, words: readonly string[]): WordRow[] {
  const have = new Set(rows.map((r) => headerKey(r.word)));
  const added = words.filter((w) => !have.has(headerKey(w))).map((word) => ({ word, value: suggestValue(list, word) }));
  return [...rows, ...added];
}

// ---------------------------------------------------------------------------
// Time and month formats against the sample
// ---------------------------------------------------------------------------

export type FormatCheck =
  /** The format itself is wrong (`needs yyyy, MM, dd`); the domain's words. */
  | { kind: 'badFormat'; message: string }
  /** No sample cell to try it on. */
  | { kind: 'noSample' }
  /** The cell reads as this instant (time) or `YYYY-MM` (month). */
  | { kind: 'ok'; cell: string; value: string }
  | { kind: 'mismatch'; cell: string; problem: string };

/**
 * Tries a time or month format on the sample's first cell, with the
 * importer's own code, so the user sees "2024/10/01 08:26:10 → 令和6年10月1日"
 * (or why not) while choosing the format.
 */
export function checkFormat(format: string, need: 'datetime' | 'month', cell: string | null, timeZone: string): FormatCheck {
  let compiled;
  try {
    compiled = compileTimeFormat(format, need);
  } catch (error) {
    return { kind: 'badFormat', message: error instanceof Error ? error.message : String(error) };
  }
  if (cell === null || cell.trim() === '') return { kind: 'noSample' };
  if (need === 'month') {
    const m = compiled.parse(cell);
    if (!m || m.month < 1 || m.month > 12) return { kind: 'mismatch', cell, problem: `'${cell}' does not match '${format}'` };
    return { kind: 'ok', cell, value: `${String(m.year).padStart(4, '0')}-${String(m.month).padStart(2, '0')}` };
  }
  const zone = timeZone.trim() === '' ? 'Asia/Tokyo' : timeZone.trim();
  try {
    const read = timeOf(cell, compiled, zone);
    return 'iso' in read ? { kind: 'ok', cell, value: read.iso } : { kind: 'mismatch', cell, problem: read.problem };
  } catch (error) {
    // An unknown time zone: the validator names it under timeZone.
    return { kind: 'mismatch', cell, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** The sample cell a field's format is tried on: its column in the first data row (date and time columns joined). */
export function sampleCell(choices: readonly ColumnChoice[], draft: Pick<MappingDraft, 'columns'>, field: 'time' | 'month'): string | null {
  const ref = draft.columns[field];
  if (ref === undefined) return null;
  const cell = choices[columnIndex(choices, ref)]?.example;
  if (cell === undefined) return null;
  const todRef = field === 'time' ? draft.columns.timeOfDay : undefined;
  if (todRef === undefined) return cell;
  const tod = choices[columnIndex(choices, todRef)]?.example;
  return tod === undefined ? cell : `${cell} ${tod}`;
}
