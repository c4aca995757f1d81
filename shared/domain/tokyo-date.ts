/**
 * The calendar day in Tokyo of an instant, `YYYY-MM-DD` (proxies run by the day; 施行日 defaults to today).
 * Tokyo has kept UTC+9 all year since 1951, so this is plain arithmetic: every action asks it several
 * times (a proxy check per pending step), and the Intl time-zone path cost more than the rest of a check.
 */
export function tokyoDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Invalid date: ${iso}`);
  return new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
}
