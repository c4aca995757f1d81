/**
 * Japanese fiscal years (年度, April–March) and 和暦 dates.
 *
 * Instants are stored in UTC but a town hall lives in Asia/Tokyo: 2024-03-31T15:30Z
 * is already 1 April 2024 there, i.e. FY2024. Every function therefore reads the
 * calendar fields in a time zone (Asia/Tokyo unless told otherwise).
 */
import type { Language } from '../api/org.js';
import { wallClockToIso } from './printlog/local-time.js';

export type DateInput = Date | string | number;

export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const gregorianFormatters = new Map<string, Intl.DateTimeFormat>();
const eraFormatters = new Map<string, Intl.DateTimeFormat>();

function toDate(input: DateInput): Date {
  const date = input instanceof Date ? input : new Date(input);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(input)}`);
  return date;
}

function gregorianFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = gregorianFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    gregorianFormatters.set(timeZone, f);
  }
  return f;
}

function eraFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = eraFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone });
    eraFormatters.set(timeZone, f);
  }
  return f;
}

function localFields(date: Date, timeZone: string): LocalFields {
  const fields: LocalFields = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const part of gregorianFormatter(timeZone).formatToParts(date)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day' || part.type === 'hour' || part.type === 'minute') {
      fields[part.type] = Number(part.value);
    }
  }
  return fields;
}

/** Era name and year within the era, with 元 for the first year as Japanese documents write it. */
function eraYear(date: Date, timeZone: string): { era: string; year: string } {
  let era = '';
  let year = '';
  for (const part of eraFormatter(timeZone).formatToParts(date)) {
    if (part.type === 'era') era = part.value;
    else if (part.type === 'year') year = part.value;
  }
  // ICU prints the first year as "1"; some builds already print 元.
  return { era, year: year === '1' ? '元' : year };
}

/** The fiscal year (年度) an instant falls in: April 2024 – March 2025 is FY2024. */
export function fiscalYearOf(date: DateInput, timeZone: string = DEFAULT_TIME_ZONE): number {
  const { year, month } = localFields(toDate(date), timeZone);
  return month >= 4 ? year : year - 1;
}

/**
 * The UTC instants (ISO) where the local calendar day of `input` starts and the
 * next one starts: "today" in Tokyo is 15:00Z the day before to 15:00Z.
 */
export function localDayRange(input: DateInput, timeZone: string = DEFAULT_TIME_ZONE): { start: string; end: string } {
  const { year, month, day } = localFields(toDate(input), timeZone);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  const midnight = (y: number, m: number, d: number) => wallClockToIso({ year: y, month: m, day: d, hour: 0, minute: 0, second: 0 }, timeZone);
  const start = midnight(year, month, day);
  const end = midnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
  // Always a real date: the fields come from Intl and the next day from Date.UTC.
  if (start === null || end === null) throw new RangeError(`no local day for ${String(input)}`);
  return { start, end };
}

/** First and last calendar day (YYYY-MM-DD) of a fiscal year. */
export function fiscalYearRange(fiscalYear: number): { start: string; end: string } {
  return { start: `${fiscalYear}-04-01`, end: `${fiscalYear + 1}-03-31` };
}

/**
 * "令和6年度" / "FY2024". The era is the one in force on 1 May of the starting
 * year, because FY2019 is styled 令和元年度 (the era changed on 1 May 2019).
 */
export function fiscalYearLabel(fiscalYear: number, lang: Language): string {
  if (lang === 'en') return `FY${fiscalYear}`;
  // 03:00 UTC is noon in Tokyo, safely inside 1 May.
  const { era, year } = eraYear(new Date(Date.UTC(fiscalYear, 4, 1, 3)), DEFAULT_TIME_ZONE);
  return `${era}${year}年度`;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "令和6年4月1日" / "1 Apr 2024". Month names are fixed so ICU versions ("Sept") cannot change them. */
export function formatWarekiDate(input: DateInput, lang: Language, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = toDate(input);
  const f = localFields(date, timeZone);
  if (lang === 'en') return `${f.day} ${EN_MONTHS[f.month - 1] ?? ''} ${f.year}`;
  const { era, year } = eraYear(date, timeZone);
  return `${era}${year}年${f.month}月${f.day}日`;
}

/** "令和6年4月1日 9:05" / "1 Apr 2024, 09:05" (24-hour clock, as in official records). */
export function formatWarekiDateTime(input: DateInput, lang: Language, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = toDate(input);
  const f = localFields(date, timeZone);
  const minute = String(f.minute).padStart(2, '0');
  const day = formatWarekiDate(date, lang, timeZone);
  if (lang === 'en') return `${day}, ${String(f.hour).padStart(2, '0')}:${minute}`;
  return `${day} ${f.hour}:${minute}`;
}
