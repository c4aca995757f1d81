import { fiscalYearOf, fiscalYearRange } from '../wareki.js';
import type { Retention } from './types.js';

/**
 * 廃棄予定日: the last day of the fiscal year the case was completed in, plus
 * the retention years (a case decided in June 2024, kept 5 years, may be
 * disposed of after 31 March 2030). Permanent records (永年) never are.
 */
export function disposalDate(retention: Retention, completedAt: string): string | null {
  if (retention === 'permanent') return null;
  return fiscalYearRange(fiscalYearOf(completedAt) + Number(retention)).end;
}
