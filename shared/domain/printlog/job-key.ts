import type { PrintJob } from './job.js';

/**
 * Where a job's row is looked for (migrations 0007 and 0015): its second (UTC,
 * counted from 2000) × 2^21 plus 21 bits of a hash of its content. A log is
 * written in time order, so its jobs land at the end of print_jobs; the rows
 * of one content take the first free ids from that key on. The hash only
 * spreads the jobs of one second: which jobs are the same job is decided by
 * comparing every column the hash covers (printlog.repo.ts), so two contents
 * with the same bits cost a search, never a wrong answer.
 *
 * The hash is FNV-1a over the fields (the time as its Unix second, each
 * text's UTF-16 code units and a separator, each number as two 32-bit
 * words) with murmur3's finaliser, in plain JavaScript: a cryptographic hash
 * through node:crypto cost a microsecond a job, a fifth of a whole import.
 */

/** 2000-01-01T00:00:00Z in Unix seconds: a key counts seconds from it. */
const KEY_EPOCH = 946_684_800;
/** Keys per second: 21 bits of the content's hash place a job within its second. */
const KEYS_PER_SECOND = 2 ** 21;
/** The last second a key starts in (year 2136): every key, probing past it included, stays an exact JS number. */
const LAST_KEY_SECOND = 2 ** 32 - 2;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Ends each text, so that moving characters from one field to the next changes the hash. */
const SEPARATOR = 0x1f;

function mixText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return Math.imul(h ^ SEPARATOR, FNV_PRIME);
}

/** A whole number below 2^53 (the counts, a second), as its low and high 32-bit words; anything else as what `>>> 0` makes of it. */
function mixNumber(h: number, n: number): number {
  h = Math.imul(h ^ (n >>> 0), FNV_PRIME);
  return Math.imul(h ^ (Math.floor(n / 2 ** 32) >>> 0), FNV_PRIME);
}

/** murmur3's fmix32: every input bit reaches the top bits the key keeps. */
function finish(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The 21 bits of a job's content hash that place it within its second. The
 * time is hashed as its second, `unixSeconds(j.time)`, which the caller has
 * worked out already: two times within one second differ only in the key's
 * search, never in which jobs are the same.
 */
export function contentBits(j: PrintJob, second: number): number {
  let h = FNV_OFFSET;
  h = mixNumber(h, second);
  h = mixText(h, j.user);
  h = mixText(h, j.printer);
  h = mixText(h, j.client);
  h = mixText(h, j.document);
  h = mixNumber(h, j.pages);
  h = mixNumber(h, j.sheets);
  h = mixNumber(h, j.copies);
  h = mixNumber(h, j.sides ?? 0);
  h = mixNumber(h, j.nUp);
  h = mixNumber(h, j.color === null ? 2 : j.color ? 1 : 0);
  h = mixText(h, j.paperSize);
  return finish(h) >>> 11;
}

/**
 * A job's content as one text, exactly: two jobs are the same job when these
 * are equal. For counting the jobs of one content on one line (an XML export
 * may hold every job on line 1); the database compares the columns instead.
 */
export function contentText(j: PrintJob): string {
  // JSON, not the fields joined by a separator: a field holding the separator cannot pass for two.
  return JSON.stringify([j.time, j.user, j.printer, j.client, j.document, j.pages, j.sheets, j.copies, j.sides, j.nUp, j.color, j.paperSize]);
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];
const isDigit = (t: string, i: number): boolean => t.charCodeAt(i) - 0x30 >>> 0 <= 9;
const twoDigits = (t: string, i: number): number => (t.charCodeAt(i) - 0x30) * 10 + t.charCodeAt(i + 1) - 0x30;
/** The Unix milliseconds of each hour met; a log's jobs come hour after hour. */
const hourStarts = new Map<number, number>();
const MAX_CACHED_HOURS = 10_000;
/** The hour (`2024-04-01T00`) `unixSeconds` read last, and its start in Unix milliseconds. */
let lastHour = '';
let lastHourStart = 0;

/**
 * Math.floor(Date.parse(t) / 1000), read without Date.parse for the text every
 * parser writes (Date#toISOString: `2024-04-01T00:30:00.000Z`): the hour
 * through a cache, the minutes and seconds from their digits. Anything else,
 * and any hour Date.parse refuses, gives what Date.parse gives.
 */
export function unixSeconds(t: string): number {
  // The hour of the job before, most often this one's too: then only its minutes and seconds are read.
  if (t.length === 24 && lastHour.length === 13 && t.startsWith(lastHour) && t.charCodeAt(13) === 0x3a && t.charCodeAt(16) === 0x3a && t.charCodeAt(19) === 0x2e && t.charCodeAt(23) === 0x5a
    && isDigit(t, 14) && isDigit(t, 15) && isDigit(t, 17) && isDigit(t, 18) && isDigit(t, 20) && isDigit(t, 21) && isDigit(t, 22)) {
    const minute = twoDigits(t, 14);
    const second = twoDigits(t, 17);
    if (minute <= 59 && second <= 59) return lastHourStart / 1000 + minute * 60 + second;
  }
  if (t.length !== 24 || t.charCodeAt(13) !== 0x3a || t.charCodeAt(16) !== 0x3a || t.charCodeAt(19) !== 0x2e || t.charCodeAt(23) !== 0x5a) {
    return Math.floor(Date.parse(t) / 1000);
  }
  for (const i of DIGIT_POSITIONS) if (!isDigit(t, i)) return Math.floor(Date.parse(t) / 1000);
  const minute = twoDigits(t, 14);
  const second = twoDigits(t, 17);
  // 24:00 is read by Date.parse as the next day's 00:00, but only without minutes or seconds.
  if (twoDigits(t, 11) > 23 || minute > 59 || second > 59) return Math.floor(Date.parse(t) / 1000);
  // A small integer per hour (months of 32 days: a key never meets another), so that the Map hashes it cheaply.
  const hourKey = (((twoDigits(t, 0) * 100 + twoDigits(t, 2)) * 13 + twoDigits(t, 5)) * 32 + twoDigits(t, 8)) * 24 + twoDigits(t, 11);
  let start = hourStarts.get(hourKey);
  if (start === undefined) {
    start = Date.parse(`${t.slice(0, 13)}:00:00.000Z`);
    if (hourStarts.size >= MAX_CACHED_HOURS) hourStarts.clear();
    hourStarts.set(hourKey, start);
  }
  lastHour = t.slice(0, 13);
  lastHourStart = start;
  return start / 1000 + minute * 60 + second;
}

/**
 * The print_jobs id where the search for a job's row starts. `second`:
 * `unixSeconds(j.time)`, when the parser knows it already (it read the time
 * from its digits).
 */
export function jobKey(j: PrintJob, second = unixSeconds(j.time)): number {
  const seconds = second - KEY_EPOCH;
  // Written so that a time Date.parse cannot read (NaN) gives 0.
  const keySecond = seconds > 0 ? Math.min(LAST_KEY_SECOND, seconds) : 0;
  return keySecond * KEYS_PER_SECOND + contentBits(j, second);
}
