import { localDateOf } from '../../../shared/domain/kpi/months.js';

/** The calendar day in Tokyo of an instant, `YYYY-MM-DD` (proxies run by the day; 施行日 defaults to today). */
export function tokyoDate(iso: string): string {
  const { year, month, day } = localDateOf(iso);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
