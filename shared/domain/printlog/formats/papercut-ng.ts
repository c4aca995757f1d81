import type { FormatModule, LineParser, ParseEvent } from '../format.js';
import { sheetsOf, type PrintJob } from '../job.js';
import { wallClockToIso } from '../local-time.js';
import { parseCount } from './numbers.js';
import { hasControlCharacters, shown } from './reason-text.js';

/**
 * PaperCut NG/MF daily print log (`printlog_yyyy_mm_dd.log`): tab-separated,
 * no header. Only the documented leading fields are read; PaperCut appends
 * more in later versions, so extra fields are ignored rather than refused.
 */
const FIELDS = [
  'Date', 'Time', 'Server', 'Printer', 'User', 'Account', 'Client', 'Document', 'Total pages', 'Total colour pages',
] as const;

const DATE = 0;
const TIME = 1;
const PRINTER = 3;
const USER = 4;
const CLIENT = 6;
const DOCUMENT = 7;
const TOTAL_PAGES = 8;
const COLOUR_PAGES = 9;

const DATE_PATTERN = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
/** `h:mm:ss AM` — a 12-hour clock, so 12:05:00 AM is five past midnight. */
const TIME_PATTERN = /^(\d{1,2}):(\d{2}):(\d{2}) ?([AaPp][Mm])$/;

function isoOf(date: string, time: string, timeZone: string): string | null {
  const d = DATE_PATTERN.exec(date.trim());
  const t = TIME_PATTERN.exec(time.trim());
  if (!d || !t) return null;
  const hour12 = Number(t[1]);
  if (hour12 < 1 || hour12 > 12) return null;
  const pm = (t[4] ?? '').toUpperCase() === 'PM';
  const hour = (hour12 % 12) + (pm ? 12 : 0);
  return wallClockToIso({ year: Number(d[1]), month: Number(d[2]), day: Number(d[3]), hour, minute: Number(t[2]), second: Number(t[3]) }, timeZone);
}

function parseRow(row: string, line: number, timeZone: string): ParseEvent {
  const reject = (reason: string): ParseEvent => ({ kind: 'reject', line, reason });
  if (hasControlCharacters(row)) return reject('the line holds control characters (binary data, not a print log row)');
  const f = row.split('\t');
  if (f.length < FIELDS.length) {
    return reject(`too few tab-separated fields: ${f.length} where a PaperCut print log row has at least ${FIELDS.length} (${FIELDS[0]} … ${FIELDS[FIELDS.length - 1]})`);
  }
  const at = (i: number): string => f[i] ?? '';
  const time = isoOf(at(DATE), at(TIME), timeZone);
  if (time === null) return reject(`Date/Time: ${shown(`${at(DATE)} ${at(TIME)}`)} is not a valid date and time (YYYY-MM-DD h:mm:ss AM/PM)`);
  const pages = parseCount(at(TOTAL_PAGES), 'Total pages');
  if (!pages.ok) return reject(pages.reason);
  const colourPages = parseCount(at(COLOUR_PAGES), 'Total colour pages');
  if (!colourPages.ok) return reject(colourPages.reason);

  // No duplex field among the documented ones: sheets = pages, marked "sides unknown".
  const job: PrintJob = {
    time,
    user: at(USER).trim(),
    printer: at(PRINTER).trim(),
    client: at(CLIENT).trim(),
    document: at(DOCUMENT),
    pages: pages.value,
    sheets: sheetsOf(pages.value, 1, null),
    copies: 1,
    sides: null,
    nUp: 1,
    color: colourPages.value > 0,
    paperSize: '',
  };
  return { kind: 'job', line, job };
}

/** Whether a line has the shape of a print log row: enough tab fields, a date and a 12-hour time first. */
function looksLikeRow(line: string): boolean {
  const f = line.split('\t');
  return f.length >= FIELDS.length && DATE_PATTERN.test(f[DATE] ?? '') && TIME_PATTERN.test(f[TIME] ?? '');
}

export const papercutNg: FormatModule = {
  name: 'papercut-ng',
  description: 'PaperCut NG/MF print log (printlog_yyyy_mm_dd.log, tab-separated): one job per line; sheets = total pages, sides unknown.',
  resumeFromStart: false,
  needsMapping: false,
  detect(head) {
    const lines = head.map((l, i) => ({ text: l.charCodeAt(0) === 0xfeff ? l.slice(1) : l, number: i + 1 }))
      .filter((l) => l.text.trim() !== '')
      .slice(0, 5);
    const first = lines[0];
    if (!first || !looksLikeRow(first.text)) return null;
    const all = lines.every((l) => looksLikeRow(l.text));
    return {
      confidence: all ? 85 : 60,
      reason: `line ${first.number} has ${first.text.split('\t').length} tab-separated fields starting with a date and an h:mm:ss AM/PM time`
        + (all ? '' : ', though not every line that follows does'),
    };
  },
  createParser(opts): LineParser {
    const timeZone = opts.timeZone;
    return {
      push(text, line) {
        const row = line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
        if (row.trim() === '') return [];
        return [parseRow(row, line, timeZone)];
      },
      end: () => [],
      // One job per line: nothing is held.
      pendingSince: () => null,
    };
  },
};
