import { hash } from 'node:crypto';
import type { PrintJob } from '../../../shared/domain/printlog/job.js';

/** 2000-01-01T00:00:00Z in Unix seconds: a job key counts seconds from it. */
const KEY_EPOCH = 946_684_800;
/** Keys per second: 21 bits of the content's SHA-1 place a job within its second. */
const KEYS_PER_SECOND = 2 ** 21;
/** The last second a key starts in (year 2136): every key, probing past it included, stays an exact JS number. */
const LAST_KEY_SECOND = 2 ** 32 - 2;

/** What a job is known by: where its row goes, and its content's SHA-1. */
export interface JobIdentity {
  /**
   * The job's second (UTC, from 2000) × 2^21 + the first 21 bits of the
   * content's SHA-1: the print_jobs id where a search for the job starts
   * (migration 0007). A log is written in time order, so its jobs land at the
   * end of the table.
   */
  key: number;
  /** SHA-1 of the job's content (20 bytes as latin1 text); the format, file and line are left out, so a re-export in another layout still matches. */
  digest: string;
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
function unixSeconds(t: string): number {
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

export function jobIdentity(j: PrintJob): JobIdentity {
  const t = j.time;
  const content = `${t}\u001f${j.user}\u001f${j.printer}\u001f${j.client}\u001f${j.document}\u001f${j.pages}\u001f${j.sheets}\u001f${j.copies}\u001f${j.sides ?? ''}\u001f${j.nUp}\u001f${j.color ?? ''}\u001f${j.paperSize}`;
  // 'binary' (latin1): the 20 bytes as they are, one character each, cheaper to make than base64url.
  const digest = hash('sha1', content, 'binary');
  const seconds = unixSeconds(t) - KEY_EPOCH;
  // Written so that a time Date.parse cannot read (NaN) gives 0, as unixepoch's NULL does in 0007.
  const second = seconds > 0 ? Math.min(LAST_KEY_SECOND, seconds) : 0;
  // The first 21 bits of the SHA-1, as migration 0007 reads them from the base64url text 0004 stored.
  const bits = (digest.charCodeAt(0) << 13) | (digest.charCodeAt(1) << 5) | (digest.charCodeAt(2) >>> 3);
  return { key: second * KEYS_PER_SECOND + bits, digest };
}
