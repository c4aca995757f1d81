import type { FormatModule, LineParser, ParseEvent } from '../format.js';
import { sheetsOf, type PrintJob } from '../job.js';
import { localHourStart, localTimeToIso, minuteSecondText } from '../local-time.js';
import { splitCsvLine } from './csv-line.js';
import { parseCount, plainCount } from './numbers.js';
import { hasControlCharacters, shown } from './reason-text.js';
import { WordCache } from './word-cache.js';

/**
 * PaperCut Print Logger CSV (fixtures README, "papercut-logger"): a banner
 * line, a header line, then one job per line ending with an extra comma.
 *
 * Columns are read by position because the header is translated on
 * non-English Windows; the English names below are only for reject reasons.
 */
const COLUMNS = [
  'Time', 'User', 'Pages', 'Copies', 'Printer', 'Document Name', 'Client',
  'Paper Size', 'Language', 'Height', 'Width', 'Duplex', 'Grayscale', 'Size',
] as const;

const TIME = 0;
const USER = 1;
const PAGES = 2;
const COPIES = 3;
const PRINTER = 4;
const DOCUMENT = 5;
const CLIENT = 6;
const PAPER_SIZE = 7;
const DUPLEX = 11;
const GRAYSCALE = 12;

const BANNER = 'PaperCut Print Logger';
const ENGLISH_HEADER = 'Time,User,Pages,Copies,Printer,Document Name,';

/** `2024-03-25 09:13:36`, local time of the machine running the logger. */
const TIME_PATTERN = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})$/;

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function columnName(index: number): string {
  return COLUMNS[index] ?? `column ${index + 1}`;
}

type Field<T> = { ok: true; value: T } | { ok: false; reason: string };

// The fields as the logger writes them, returned without allocating or a property lookup by the text: every line passes here.
const DUPLEX_SIDES: Field<2> = { ok: true, value: 2 };
const ONE_SIDE: Field<1> = { ok: true, value: 1 };
const COLOUR: Field<true> = { ok: true, value: true };
const GREYSCALE: Field<false> = { ok: true, value: false };
const NOT_SAID: Field<null> = { ok: true, value: null };

/** Duplex is `DUPLEX` / `NOT DUPLEX`; empty means the driver did not say. Any other word is refused so that a row whose columns shifted is not counted with wrong numbers. */
function sidesOf(text: string): Field<1 | 2 | null> {
  switch (text) {
    case 'NOT DUPLEX':
      return ONE_SIDE;
    case 'DUPLEX':
      return DUPLEX_SIDES;
    case '':
      return NOT_SAID;
  }
  const value = text.trim().toUpperCase();
  if (value === 'DUPLEX') return DUPLEX_SIDES;
  if (value === 'NOT DUPLEX') return ONE_SIDE;
  if (value === '') return NOT_SAID;
  return { ok: false, reason: `Duplex: ${shown(text)} is neither DUPLEX nor NOT DUPLEX` };
}

/** Grayscale is `GRAYSCALE` (not colour) / `NOT GRAYSCALE` (colour). */
function colorOf(text: string): Field<boolean | null> {
  switch (text) {
    case 'GRAYSCALE':
      return GREYSCALE;
    case 'NOT GRAYSCALE':
      return COLOUR;
    case '':
      return NOT_SAID;
  }
  const value = text.trim().toUpperCase();
  if (value === 'GRAYSCALE') return GREYSCALE;
  if (value === 'NOT GRAYSCALE') return COLOUR;
  if (value === '') return NOT_SAID;
  return { ok: false, reason: `Grayscale: ${shown(text)} is neither GRAYSCALE nor NOT GRAYSCALE` };
}

const digit = (text: string, i: number): number => text.charCodeAt(i) - 0x30;
const isDigitAt = (text: string, i: number): boolean => text.charCodeAt(i) - 0x30 >>> 0 <= 9;
const twoDigits = (text: string, i: number): number => digit(text, i) * 10 + digit(text, i + 1);

/**
 * `YYYY-MM-DD HH:MM:SS` exactly, as the logger writes it: read without a
 * regular expression or an object per line. `at`: where in `text` the time
 * starts, the whole text being the time unless given.
 */
function isoAsWritten(text: string, timeZone: string, at = -1): string | null {
  const o = at < 0 ? 0 : at;
  if (at < 0 && text.length !== 19) return null;
  if (!hasTimeShape(text, o)) return null;
  return localTimeToIso(
    twoDigits(text, o) * 100 + twoDigits(text, o + 2), twoDigits(text, o + 5), twoDigits(text, o + 8), twoDigits(text, o + 11), twoDigits(text, o + 14), twoDigits(text, o + 17), timeZone,
  );
}
const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

/** `text` holds `DDDD-DD-DD DD:DD:DD` (D a digit) from `o` on. */
function hasTimeShape(text: string, o: number): boolean {
  if (text.charCodeAt(o + 4) !== 0x2d || text.charCodeAt(o + 7) !== 0x2d || text.charCodeAt(o + 10) !== 0x20 || text.charCodeAt(o + 13) !== 0x3a || text.charCodeAt(o + 16) !== 0x3a) return false;
  for (const i of DIGIT_POSITIONS) if (!isDigitAt(text, o + i)) return false;
  return true;
}

/** `:MM:SS` from index 13 on (D a digit). */
const minutesShape = (text: string): boolean =>
  text.charCodeAt(13) === 0x3a && text.charCodeAt(16) === 0x3a && isDigitAt(text, 14) && isDigitAt(text, 15) && isDigitAt(text, 17) && isDigitAt(text, 18);

/**
 * What a parser keeps from row to row to read the rows in the logger's own
 * form quickly: the words met, and the hour of the last time read, so that a
 * time in the same hour (most rows: a log runs in time order) is that hour's
 * UTC text and instant plus its minutes and seconds.
 */
export class PlainRows {
  readonly words = new WordCache();
  /** The Unix second of the last time `time` read, or null when it was read the long way. */
  second: number | null = null;
  /** `YYYY-MM-DD HH` of the hour below, as the rows write it. */
  private hourText = '';
  private isoPrefix = '';
  private hourSeconds = 0;

  constructor(private readonly timeZone: string) {}

  /** The time at the start of `row` exactly as `isoAsWritten(row, timeZone, 0)` reads it. */
  time(row: string): string | null {
    this.second = null;
    // In the hour of the row before (its text checked then): only the minutes and seconds are left to check.
    const sameHour = this.hourText.length === 13 && row.startsWith(this.hourText);
    if (sameHour ? !minutesShape(row) : !hasTimeShape(row, 0)) return null;
    const minute = twoDigits(row, 14);
    const second = twoDigits(row, 17);
    if (minute > 59 || second > 59) return null;
    if (!sameHour) {
      const start = localHourStart(twoDigits(row, 0) * 100 + twoDigits(row, 2), twoDigits(row, 5), twoDigits(row, 8), twoDigits(row, 11), this.timeZone);
      if (start === null) {
        this.hourText = '';
        return isoAsWritten(row, this.timeZone, 0);
      }
      this.hourText = row.slice(0, 13);
      this.isoPrefix = start.isoPrefix;
      this.hourSeconds = start.unixSeconds;
    }
    this.second = this.hourSeconds + minute * 60 + second;
    return this.isoPrefix + minuteSecondText(minute * 60 + second);
  }
}

function timeOf(text: string, timeZone: string): Field<string> {
  let iso = isoAsWritten(text, timeZone);
  if (iso === null) {
    const m = TIME_PATTERN.exec(text.trim());
    iso = m && localTimeToIso(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), timeZone);
  }
  if (iso === null) return { ok: false, reason: `Time: ${shown(text)} is not a valid date and time (YYYY-MM-DD HH:MM:SS)` };
  return { ok: true, value: iso };
}

const reject = (line: number, reason: string): ParseEvent => ({ kind: 'reject', line, reason });

const COMMA = 0x2c;
const QUOTE = 0x22;
/** A control character, tab included: never part of a row as the logger writes it. */
// eslint-disable-next-line no-control-regex -- finding control characters is what it is for.
const CONTROL = /[\x00-\x1f\x7f]/;

/** The count of 1 to 15 ASCII digits from `from` up to `to`, or -1. */
function countIn(row: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = row.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The field from `from` to `to` is exactly `word` (or empty when `word` is ''). */
const fieldIs = (row: string, from: number, to: number, word: string): boolean => to - from === word.length && row.startsWith(word, from);

/**
 * A row exactly as the logger writes it, read without a regular expression
 * over its fields or a string per field (every line of a log passes here):
 * no control character and no quote outside a quoted Document Name, Time as
 * `YYYY-MM-DD HH:MM:SS`, Pages and Copies in plain digits (at least one copy),
 * Duplex and Grayscale as their words or empty, 14 fields or 15 with the
 * trailing comma's empty one. Any other row is null: it goes through
 * `splitCsvLine` and the readers that name what is wrong, which read a row
 * accepted here the same way (a test holds this reader to the regular
 * expression it replaced). Fields are found with `indexOf`, which looks
 * through a row faster than a loop over its characters.
 */
export function plainRow(row: string, line: number, rows: PlainRows): ParseEvent | null {
  const { words } = rows;
  if (row.charCodeAt(19) !== COMMA || CONTROL.test(row)) return null;
  // Before the Document Name, and after it, no quote at all.
  const firstQuote = row.indexOf('"');
  const userEnd = row.indexOf(',', 20);
  const pagesEnd = row.indexOf(',', userEnd + 1);
  const copiesEnd = row.indexOf(',', pagesEnd + 1);
  const printerEnd = row.indexOf(',', copiesEnd + 1);
  if (userEnd < 0 || pagesEnd < 0 || copiesEnd < 0 || printerEnd < 0 || (firstQuote >= 0 && firstQuote <= printerEnd)) return null;
  const pagesPerCopy = countIn(row, userEnd + 1, pagesEnd);
  const copies = countIn(row, pagesEnd + 1, copiesEnd);
  // Copies 0 is refused by the general reader, with its reason.
  if (pagesPerCopy < 0 || copies < 1) return null;
  let document: string;
  let documentEnd: number;
  if (firstQuote === printerEnd + 1) {
    // "…" with "" for a quote inside: ends at a quote followed by a comma.
    let doubled = false;
    let close = row.indexOf('"', firstQuote + 1);
    while (close >= 0 && row.charCodeAt(close + 1) === QUOTE) {
      doubled = true;
      close = row.indexOf('"', close + 2);
    }
    if (close < 0 || row.charCodeAt(close + 1) !== COMMA) return null;
    const quoted = row.slice(firstQuote + 1, close);
    document = doubled ? quoted.replace(DOUBLED_QUOTE, '"') : quoted;
    documentEnd = close + 1;
    if (row.indexOf('"', documentEnd) >= 0) return null;
  } else {
    if (firstQuote >= 0) return null;
    documentEnd = row.indexOf(',', printerEnd + 1);
    if (documentEnd < 0) return null;
    document = row.slice(printerEnd + 1, documentEnd);
  }
  const clientEnd = row.indexOf(',', documentEnd + 1);
  const paperEnd = row.indexOf(',', clientEnd + 1);
  // Language, Height and Width: not read.
  const widthEnd = row.indexOf(',', row.indexOf(',', row.indexOf(',', paperEnd + 1) + 1) + 1);
  const duplexEnd = row.indexOf(',', widthEnd + 1);
  const grayEnd = row.indexOf(',', duplexEnd + 1);
  // indexOf from 0 after a -1 would find an earlier comma: each end must come after the one before.
  if (clientEnd < 0 || paperEnd <= clientEnd || widthEnd <= paperEnd || duplexEnd <= widthEnd || grayEnd <= duplexEnd) return null;
  let sides: 1 | 2 | null;
  if (fieldIs(row, widthEnd + 1, duplexEnd, 'NOT DUPLEX')) sides = 1;
  else if (fieldIs(row, widthEnd + 1, duplexEnd, 'DUPLEX')) sides = 2;
  else if (duplexEnd === widthEnd + 1) sides = null;
  else return null;
  let color: boolean | null;
  if (fieldIs(row, duplexEnd + 1, grayEnd, 'GRAYSCALE')) color = false;
  else if (fieldIs(row, duplexEnd + 1, grayEnd, 'NOT GRAYSCALE')) color = true;
  else if (grayEnd === duplexEnd + 1) color = null;
  else return null;
  // Size, then the trailing comma or the end of the row.
  const sizeEnd = row.indexOf(',', grayEnd + 1);
  if (sizeEnd >= 0 && sizeEnd !== row.length - 1) return null;
  // A time that is no real time is refused by the general reader, with its reason.
  const time = rows.time(row);
  if (time === null) return null;
  const job: PrintJob = {
    time,
    user: words.trimmed(row, 20, userEnd, USER),
    printer: words.trimmed(row, copiesEnd + 1, printerEnd, PRINTER),
    client: words.trimmed(row, documentEnd + 1, clientEnd, CLIENT),
    document,
    pages: pagesPerCopy * copies,
    sheets: sheetsOf(pagesPerCopy, copies, sides),
    copies,
    sides,
    nUp: 1,
    color,
    paperSize: words.trimmed(row, clientEnd + 1, paperEnd, PAPER_SIZE),
  };
  return rows.second === null ? { kind: 'job', line, job } : { kind: 'job', line, job, second: rows.second };
}
const DOUBLED_QUOTE = /""/g;

function parseRow(row: string, line: number, timeZone: string, rows: PlainRows): ParseEvent {
  const plain = plainRow(row, line, rows);
  if (plain !== null) return plain;
  if (hasControlCharacters(row)) return reject(line, 'the line holds control characters (binary data, not a Print Logger row)');
  const split = splitCsvLine(row);
  if (!split.ok) return reject(line, `${columnName(split.field)}: ${split.reason}`);
  const f = split.fields;
  // The trailing comma makes 15 fields; accept 14 too, in case a tool re-saved the file without it.
  if (f.length < COLUMNS.length) {
    return reject(line, `too few columns: ${f.length} where a Print Logger row has ${COLUMNS.length} (${COLUMNS[0]} … ${COLUMNS[COLUMNS.length - 1]})`);
  }

  // Each field as the logger writes it is read without a result object (every line passes here);
  // anything else goes through the reader that names what is wrong.
  const timeText = f[TIME] ?? '';
  let time = isoAsWritten(timeText, timeZone);
  if (time === null) {
    const read = timeOf(timeText, timeZone);
    if (!read.ok) return reject(line, read.reason);
    time = read.value;
  }
  const pagesText = f[PAGES] ?? '';
  let pages = plainCount(pagesText);
  if (pages === null) {
    const read = parseCount(pagesText, 'Pages');
    if (!read.ok) return reject(line, read.reason);
    pages = read.value;
  }
  const copiesText = f[COPIES] ?? '';
  let copies = plainCount(copiesText);
  if (copies === null || copies < 1) {
    const read = parseCount(copiesText, 'Copies', 1);
    if (!read.ok) return reject(line, read.reason);
    copies = read.value;
  }
  const sides = sidesOf(f[DUPLEX] ?? '');
  if (!sides.ok) return reject(line, sides.reason);
  const color = colorOf(f[GRAYSCALE] ?? '');
  if (!color.ok) return reject(line, color.reason);

  // Pages is one copy's pages (fixtures README): copies multiply both measures.
  const job: PrintJob = {
    time,
    user: (f[USER] ?? '').trim(),
    printer: (f[PRINTER] ?? '').trim(),
    client: (f[CLIENT] ?? '').trim(),
    document: f[DOCUMENT] ?? '',
    pages: pages * copies,
    sheets: sheetsOf(pages, copies, sides.value),
    copies,
    sides: sides.value,
    nUp: 1,
    color: color.value,
    paperSize: (f[PAPER_SIZE] ?? '').trim(),
  };
  return { kind: 'job', line, job };
}

function createParser(timeZone: string): LineParser {
  // The header is recognised by place (line 1, or right after a banner) and not
  // by its words, because it is translated; a data row there starts with a digit.
  // By line number, not "first line pushed": a resumed read starts mid-file.
  let headerMayFollow = false;
  const rows = new PlainRows(timeZone);
  return {
    push(text, line) {
      const row = line === 1 ? stripBom(text) : text;
      if (row.trim() === '') return [];
      // Banners are skipped anywhere, so daily files concatenated into one still read.
      if (row.startsWith(BANNER)) {
        headerMayFollow = true;
        return [];
      }
      const maybeHeader = headerMayFollow || line === 1;
      headerMayFollow = false;
      if (maybeHeader && !/^\d/.test(row.trimStart())) return [];
      return [parseRow(row, line, timeZone, rows)];
    },
    end: () => [],
    // Every line is a whole record: nothing is ever held.
    pendingSince: () => null,
  };
}

export const papercutLogger: FormatModule = {
  name: 'papercut-logger',
  description: 'PaperCut Print Logger CSV (papercut-print-log-*.csv): one job per row; pages × copies, sheets from the Duplex column.',
  resumeFromStart: false,
  needsMapping: false,
  detect(head) {
    const first = stripBom(head[0] ?? '');
    if (first.startsWith(BANNER)) return { confidence: 95, reason: `line 1 starts with '${BANNER}'` };
    if (first.startsWith(ENGLISH_HEADER)) return { confidence: 80, reason: `line 1 is the Print Logger header ('${ENGLISH_HEADER}…')` };
    return null;
  },
  createParser: (opts) => createParser(opts.timeZone),
};
