import holidayJp from '@holiday-jp/holiday_jp';

/**
 * Working days (開庁日) in Asia/Tokyo: not a Saturday or Sunday, not a national
 * holiday (国民の祝日, 振替休日 and 国民の休日, from `@holiday-jp/holiday_jp`,
 * which knows them up to 2050) and not the year-end closure 12/29–1/3 that town
 * halls keep (年末年始の休庁日). Pure and clock-free: instants come in as ISO strings.
 */

const DAY_MS = 86_400_000;
/** Tokyo has kept UTC+9 all year since 1951 (as ../tokyo-date.ts). */
const TOKYO_OFFSET_MS = 9 * 3_600_000;

/** `YYYY-MM-DD` of each holiday, read once: the package's own `isHoliday` scans its whole table on every call. */
const holidays: ReadonlySet<string> = new Set(Object.keys(holidayJp.holidays));

/** Days since 1970-01-01 of the Tokyo calendar day of an instant. */
function tokyoDayNumber(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid date: ${iso}`);
  return Math.floor((ms + TOKYO_OFFSET_MS) / DAY_MS);
}

function isWorkingDayNumber(day: number): boolean {
  const date = new Date(day * DAY_MS);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const ymd = date.toISOString().slice(0, 10);
  const md = ymd.slice(5);
  if (md >= '12-29' || md <= '01-03') return false;
  return !holidays.has(ymd);
}

/** Whether a calendar day (`YYYY-MM-DD`) is a working day of a Japanese town hall. */
export function isWorkingDay(ymd: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd)) throw new RangeError(`Invalid day: ${ymd}`);
  return isWorkingDayNumber(Math.floor(Date.parse(`${ymd}T00:00:00Z`) / DAY_MS));
}

/**
 * How many working days have passed from `from` to `to` (ISO instants), counted
 * by Tokyo calendar day: the working days after the day of `from` up to and
 * including the day of `to`. Received on a Friday, it is 0 that Friday and 1
 * on Monday; received on a Saturday, 1 on Monday. Never negative.
 */
export function workingDaysBetween(from: string, to: string): number {
  const start = tokyoDayNumber(from);
  const end = tokyoDayNumber(to);
  let n = 0;
  for (let day = start + 1; day <= end; day++) if (isWorkingDayNumber(day)) n++;
  return n;
}
