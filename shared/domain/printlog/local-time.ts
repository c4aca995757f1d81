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
  const offset = offsetFromIntl(epochMs, timeZone);
  const start = hour * HOUR_MS;
  if (offsetFromIntl(start, timeZone) === offset && offsetFromIntl(start + HOUR_MS - 1000, timeZone) === offset) {
    if (zone.size >= MAX_CACHED_HOURS) zone.clear();
    zone.set(hour, offset);
  }
  return offset;
}

/** True when the fields form a real calendar date and time (no 31 April, no 25:00). */
export function isValidWallClock(w: WallClock): boolean {
  const { isInteger } = Number;
  if (!(isInteger(w.year) && isInteger(w.month) && isInteger(w.day) && isInteger(w.hour) && isInteger(w.minute) && isInteger(w.second))) return false;
  if (w.month < 1 || w.month > 12 || w.day < 1 || w.hour > 23 || w.minute > 59 || w.second > 59 || w.hour < 0 || w.minute < 0 || w.second < 0) return false;
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day));
  return d.getUTCFullYear() === w.year && d.getUTCMonth() === w.month - 1 && d.getUTCDate() === w.day;
}

/** The UTC instant (ISO string) of a wall-clock time in `timeZone`, or null for an impossible time. */
export function wallClockToIso(w: WallClock, timeZone = 'Asia/Tokyo'): string | null {
  if (!isValidWallClock(w)) return null;
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // Two passes settle the offset even across a DST change; Asia/Tokyo has none.
  let epoch = asUtc - offsetAt(asUtc, timeZone);
  epoch = asUtc - offsetAt(epoch, timeZone);
  return new Date(epoch).toISOString();
}
