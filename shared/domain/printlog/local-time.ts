/**
 * Log files write wall-clock times without a zone (DOMAIN.md: Asia/Tokyo
 * unless they say otherwise); jobs are stored as UTC instants.
 */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const offsetCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = offsetCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    offsetCache.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in milliseconds, asked of Intl (slow: microseconds a call). */
function offsetFromIntl(epochMs: number, timeZone: string): number {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

const HOUR_MS = 3_600_000;
/** About a year of hours per zone; logs run in time order, so this is only ever cleared by odd files. */
const MAX_CACHED_HOURS = 10_000;
const hourOffsets = new Map<string, Map<number, number>>();

/**
 * The zone's offset from UTC at an instant, in milliseconds. Importing a log
 * asks this for every line, so the offset is remembered per UTC hour, but only
 * for an hour whose first and last second have the same offset: no zone
 * changes its offset twice within an hour, so such an hour has no change in it.
 * An hour right after one remembered (a log runs hour after hour) needs only
 * its last second asked: the hour before ends with the offset it starts with.
 */
function offsetAt(epochMs: number, timeZone: string): number {
  let zone = hourOffsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    hourOffsets.set(timeZone, zone);
  }
  const hour = Math.floor(epochMs / HOUR_MS);
  const cached = zone.get(hour);
  if (cached !== undefined) return cached;
  const start = hour * HOUR_MS;
  const atEnd = offsetFromIntl(start + HOUR_MS - 1000, timeZone);
  if (zone.get(hour - 1) !== atEnd && offsetFromIntl(start, timeZone) !== atEnd) return offsetFromIntl(epochMs, timeZone);
  if (zone.size >= MAX_CACHED_HOURS) zone.clear();
  zone.set(hour, atEnd);
  return atEnd;
}

/** True when the fields form a real calendar date and time (no 31 April, no 25:00). */
export function isValidWallClock(w: WallClock): boolean {
  const { isInteger } = Number;
  if (!(isInteger(w.year) && isInteger(w.month) && isInteger(w.day) && isInteger(w.hour) && isInteger(w.minute) && isInteger(w.second))) return false;
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59 || w.hour < 0 || w.minute < 0 || w.second < 0) return false;
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day));
  return d.getUTCFullYear() === w.year && d.getUTCMonth() === w.month - 1 && d.getUTCDate() === w.day;
}

/** The instant of a valid wall-clock time in `timeZone`, in milliseconds. */
function epochOf(w: WallClock, timeZone: string): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // Two passes settle the offset even across a DST change; Asia/Tokyo has none.
  const epoch = asUtc - offsetAt(asUtc, timeZone);
  return asUtc - offsetAt(epoch, timeZone);
}

/**
 * What `epochOf` makes of the times of one local hour: 'invalid' (no such
 * date), 'mixed' (the zone changes its offset near it: each time is worked
 * out alone), or the offset every time of the hour has, and the start of the
 * hour's UTC ISO text ('2024-03-31T15:') when that offset is whole hours, so
 * that a time's minutes and seconds are its local ones.
 */
type LocalHour = 'invalid' | 'mixed' | { offset: number; isoPrefix: string | null };

const HOUR_END_MS = 3_599_000;

function describeHour(year: number, month: number, day: number, hour: number, timeZone: string): LocalHour {
  const start: WallClock = { year, month, day, hour, minute: 0, second: 0 };
  if (!isValidWallClock(start)) return 'invalid';
  const first = epochOf(start, timeZone);
  // An hour whose first and last second are 59:59 apart has one offset throughout: no zone changes
  // its offset and back within an hour.
  if (epochOf({ ...start, minute: 59, second: 59 }, timeZone) - first !== HOUR_END_MS) return 'mixed';
  const iso = new Date(first).toISOString();
  return { offset: Date.UTC(year, month - 1, day, hour) - first, isoPrefix: iso.endsWith(':00:00.000Z') ? iso.slice(0, -10) : null };
}

/** Every local hour a log has times in, per zone: importing a log asks for one per line. */
const localHours = new Map<string, Map<number, LocalHour>>();
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
/** `MM:SS.000Z` of each second of an hour, made when first asked for: a time is its hour's prefix and one of these, one concatenation. */
let minuteSeconds: string[] | null = null;
/** The `MM:SS.000Z` that ends the ISO text of a time `i` = minute × 60 + second into its hour. */
export const minuteSecondText = (i: number): string =>
  (minuteSeconds ??= Array.from({ length: 3600 }, (_, s) => `${TWO_DIGITS[Math.floor(s / 60)] ?? ''}:${TWO_DIGITS[s % 60] ?? ''}.000Z`))[i] ?? '';
const isIn = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** `describeHour`, remembered: month, day and hour must be in range. */
function localHour(year: number, month: number, day: number, hour: number, timeZone: string): LocalHour {
  let zone = localHours.get(timeZone);
  if (!zone) {
    zone = new Map();
    localHours.set(timeZone, zone);
  }
  // Month, day and hour are in range: the key is one number per hour.
  const key = ((year * 16 + month) * 32 + day) * 24 + hour;
  let known = zone.get(key);
  if (known === undefined) {
    known = describeHour(year, month, day, hour, timeZone);
    if (zone.size >= MAX_CACHED_HOURS) zone.clear();
    zone.set(key, known);
  }
  return known;
}

/**
 * The UTC instant (ISO string) of a wall-clock time in `timeZone`, or null
 * for an impossible time; `wallClockToIso` without the object, for parsers
 * that read one time per line.
 */
export function localTimeToIso(year: number, month: number, day: number, hour: number, minute: number, second: number, timeZone = 'Asia/Tokyo'): string | null {
  if (!(Number.isInteger(year) && isIn(month, 1, 12) && isIn(day, 1, 31) && isIn(hour, 0, 23) && isIn(minute, 0, 59) && isIn(second, 0, 59))) return null;
  const known = localHour(year, month, day, hour, timeZone);
  if (known === 'invalid') return null;
  if (known === 'mixed') return new Date(epochOf({ year, month, day, hour, minute, second }, timeZone)).toISOString();
  if (known.isoPrefix !== null) return known.isoPrefix + minuteSecondText(minute * 60 + second);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - known.offset).toISOString();
}

/**
 * A local hour whose times are its UTC ISO prefix and their local minutes and
 * seconds (`isoPrefix + 'MM:SS.000Z'`, the instant `unixSeconds + MM × 60 +
 * SS`), or null when its times are not that simple (no such hour, an offset
 * change near it, an offset that is not whole hours): then ask
 * `localTimeToIso` time by time.
 */
export function localHourStart(year: number, month: number, day: number, hour: number, timeZone = 'Asia/Tokyo'): { isoPrefix: string; unixSeconds: number } | null {
  if (!(Number.isInteger(year) && isIn(month, 1, 12) && isIn(day, 1, 31) && isIn(hour, 0, 23))) return null;
  const known = localHour(year, month, day, hour, timeZone);
  if (known === 'invalid' || known === 'mixed' || known.isoPrefix === null) return null;
  return { isoPrefix: known.isoPrefix, unixSeconds: (Date.UTC(year, month - 1, day, hour) - known.offset) / 1000 };
}

/** The UTC instant (ISO string) of a wall-clock time in `timeZone`, or null for an impossible time. */
export function wallClockToIso(w: WallClock, timeZone = 'Asia/Tokyo'): string | null {
  return localTimeToIso(w.year, w.month, w.day, w.hour, w.minute, w.second, timeZone);
}
