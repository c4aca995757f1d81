import type { FormatModule, LineParser, ParseEvent } from '../format.js';
import { sheetsOf, type PrintJob } from '../job.js';
import { wallClockToIso } from '../local-time.js';
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

/** Duplex is `DUPLEX` / `NOT DUPLEX`; empty means the driver did not say. Any other word is refused so that a row whose columns shifted is not counted with wrong numbers. */
function sidesOf(text: string): Field<1 | 2 | null> {
  const value = text.trim().toUpperCase();
  if (value === 'DUPLEX') return { ok: true, value: 2 };
  if (value === 'NOT DUPLEX') return { ok: true, value: 1 };
  if (value === '') return { ok: true, value: null };
  return { ok: false, reason: `Duplex: ${shown(text)} is neither DUPLEX nor NOT DUPLEX` };
}

/** Grayscale is `GRAYSCALE` (not colour) / `NOT GRAYSCALE` (colour). */
function colorOf(text: string): Field<boolean | null> {
  const value = text.trim().toUpperCase();
  if (value === 'GRAYSCALE') return { ok: true, value: false };
  if (value === 'NOT GRAYSCALE') return { ok: true, value: true };
  if (value === '') return { ok: true, value: null };
  return { ok: false, reason: `Grayscale: ${shown(text)} is neither GRAYSCALE nor NOT GRAYSCALE` };
}

function timeOf(text: string, timeZone: string): Field<string> {
  const m = TIME_PATTERN.exec(text.trim());
  const iso = m
    ? wallClockToIso({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]) }, timeZone)
    : null;
  if (iso === null) return { ok: false, reason: `Time: ${shown(text)} is not a valid date and time (YYYY-MM-DD HH:MM:SS)` };
  return { ok: true, value: iso };
}

function parseRow(row: string, line: number, timeZone: string): ParseEvent {
  const reject = (reason: string): ParseEvent => ({ kind: 'reject', line, reason });
  if (hasControlCharacters(row)) return reject('the line holds control characters (binary data, not a Print Logger row)');
  const split = splitCsvLine(row);
  if (!split.ok) return reject(`${columnName(split.field)}: ${split.reason}`);
  const f = split.fields;
  // The trailing comma makes 15 fields; accept 14 too, in case a tool re-saved the file without it.
  if (f.length < COLUMNS.length) {
    return reject(`too few columns: ${f.length} where a Print Logger row has ${COLUMNS.length} (${COLUMNS[0]} … ${COLUMNS[COLUMNS.length - 1]})`);
  }
  const at = (i: number): string => f[i] ?? '';

  const time = timeOf(at(TIME), timeZone);
  if (!time.ok) return reject(time.reason);
  const pages = parseCount(at(PAGES), 'Pages');
  if (!pages.ok) return reject(pages.reason);
  const copies = parseCount(at(COPIES), 'Copies', 1);
  if (!copies.ok) return reject(copies.reason);
  const sides = sidesOf(at(DUPLEX));
  if (!sides.ok) return reject(sides.reason);
  const color = colorOf(at(GRAYSCALE));
  if (!color.ok) return reject(color.reason);

  // Pages is one copy's pages (fixtures README): copies multiply both measures.
  const job: PrintJob = {
    time: time.value,
    user: at(USER).trim(),
    printer: at(PRINTER).trim(),
    client: at(CLIENT).trim(),
    document: at(DOCUMENT),
    pages: pages.value * copies.value,
    sheets: sheetsOf(pages.value, copies.value, sides.value),
    copies: copies.value,
    sides: sides.value,
    nUp: 1,
    color: color.value,
    paperSize: at(PAPER_SIZE).trim(),
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
