import type { FormatModule, LineParser, ParseEvent } from '../format.js';
import { sheetsOf, type PrintJob } from '../job.js';
import { wallClockToIso, type WallClock } from '../local-time.js';
import { splitCsvLine } from './csv-line.js';
import { parseCount } from './numbers.js';
import { hasControlCharacters, shown } from './reason-text.js';

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

// The fields as the logger writes them, returned without allocating: every line passes here.
const SIDES_AS_WRITTEN: Readonly<Record<string, Field<1 | 2 | null>>> = { DUPLEX: { ok: true, value: 2 }, 'NOT DUPLEX': { ok: true, value: 1 }, '': { ok: true, value: null } };
const COLOR_AS_WRITTEN: Readonly<Record<string, Field<boolean | null>>> = {
  GRAYSCALE: { ok: true, value: false }, 'NOT GRAYSCALE': { ok: true, value: true }, '': { ok: true, value: null },
};

/** Duplex is `DUPLEX` / `NOT DUPLEX`; empty means the driver did not say. Any other word is refused so that a row whose columns shifted is not counted with wrong numbers. */
function sidesOf(text: string): Field<1 | 2 | null> {
  const written = SIDES_AS_WRITTEN[text];
  if (written) return written;
  const value = text.trim().toUpperCase();
  if (value === 'DUPLEX') return { ok: true, value: 2 };
  if (value === 'NOT DUPLEX') return { ok: true, value: 1 };
  if (value === '') return { ok: true, value: null };
  return { ok: false, reason: `Duplex: ${shown(text)} is neither DUPLEX nor NOT DUPLEX` };
}

/** Grayscale is `GRAYSCALE` (not colour) / `NOT GRAYSCALE` (colour). */
function colorOf(text: string): Field<boolean | null> {
  const written = COLOR_AS_WRITTEN[text];
  if (written) return written;
  const value = text.trim().toUpperCase();
  if (value === 'GRAYSCALE') return { ok: true, value: false };
  if (value === 'NOT GRAYSCALE') return { ok: true, value: true };
  if (value === '') return { ok: true, value: null };
  return { ok: false, reason: `Grayscale: ${shown(text)} is neither GRAYSCALE nor NOT GRAYSCALE` };
}

const digit = (text: string, i: number): number => text.charCodeAt(i) - 0x30;
const isDigitAt = (text: string, i: number): boolean => text.charCodeAt(i) - 0x30 >>> 0 <= 9;
const twoDigits = (text: string, i: number): number => digit(text, i) * 10 + digit(text, i + 1);

/** `YYYY-MM-DD HH:MM:SS` exactly, as the logger writes it: read without a regular expression. */
function wallClockAsWritten(text: string): WallClock | null {
  if (text.length !== 19 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d || text.charCodeAt(10) !== 0x20 || text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return null;
  for (const i of DIGIT_POSITIONS) if (!isDigitAt(text, i)) return null;
  return { year: twoDigits(text, 0) * 100 + twoDigits(text, 2), month: twoDigits(text, 5), day: twoDigits(text, 8), hour: twoDigits(text, 11), minute: twoDigits(text, 14), second: twoDigits(text, 17) };
}
const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

function timeOf(text: string, timeZone: string): Field<string> {
  let wall = wallClockAsWritten(text);
  if (!wall) {
    const m = TIME_PATTERN.exec(text.trim());
    wall = m && { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]) };
  }
  const iso = wall ? wallClockToIso(wall, timeZone) : null;
  if (iso === null) return { ok: false, reason: `Time: ${shown(text)} is not a valid date and time (YYYY-MM-DD HH:MM:SS)` };
  return { ok: true, value: iso };
}

const reject = (line: number, reason: string): ParseEvent => ({ kind: 'reject', line, reason });

function parseRow(row: string, line: number, timeZone: string): ParseEvent {
  if (hasControlCharacters(row)) return reject(line, 'the line holds control characters (binary data, not a Print Logger row)');
  const split = splitCsvLine(row);
  if (!split.ok) return reject(line, `${columnName(split.field)}: ${split.reason}`);
  const f = split.fields;
  // The trailing comma makes 15 fields; accept 14 too, in case a tool re-saved the file without it.
  if (f.length < COLUMNS.length) {
    return reject(line, `too few columns: ${f.length} where a Print Logger row has ${COLUMNS.length} (${COLUMNS[0]} … ${COLUMNS[COLUMNS.length - 1]})`);
  }

  const time = timeOf(f[TIME] ?? '', timeZone);
  if (!time.ok) return reject(line, time.reason);
  const pages = parseCount(f[PAGES] ?? '', 'Pages');
  if (!pages.ok) return reject(line, pages.reason);
  const copies = parseCount(f[COPIES] ?? '', 'Copies', 1);
  if (!copies.ok) return reject(line, copies.reason);
  const sides = sidesOf(f[DUPLEX] ?? '');
  if (!sides.ok) return reject(line, sides.reason);
  const color = colorOf(f[GRAYSCALE] ?? '');
  if (!color.ok) return reject(line, color.reason);

  // Pages is one copy's pages (fixtures README): copies multiply both measures.
  const job: PrintJob = {
    time: time.value,
    user: (f[USER] ?? '').trim(),
    printer: (f[PRINTER] ?? '').trim(),
    client: (f[CLIENT] ?? '').trim(),
    document: f[DOCUMENT] ?? '',
    pages: pages.value * copies.value,
    sheets: sheetsOf(pages.value, copies.value, sides.value),
    copies: copies.value,
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
      return [parseRow(row, line, timeZone)];
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
