/**
 * Counting sheets for the KPI: the A3 option and the duplex "what if".
 *
 * DOMAIN.md: an A3 sheet is one sheet, with a setting to report A4-equivalents
 * (A3 = 2) because an A3 sheet is two A4s of paper bought. Logs spell paper sizes
 * every way (IPP names, driver captions, full-width Japanese input), so the
 * test for A3 folds them first.
 */
import { sheetsOf } from '../printlog/job.js';

/** How sheets are counted: each piece of paper once, or A3 as two A4-equivalents. */
export type SheetBasis = 'sheets' | 'a4-equivalent';

/** DOMAIN.md counts an A3 sheet as one sheet unless the office chooses A4-equivalents. */
export const DEFAULT_SHEET_BASIS: SheetBasis = 'sheets';

// After NFKC and lower-casing: an "a3" token not glued to other letters or digits
// ("iso_a3_297x420mm", "a3 (297 x 420 mm)", "a3判", "a3ノビ"), optionally the
// oversize cousins printed on A3-class stock (sra3, ra3, a3+, a3w/a3r): each is
// at least two A4s of paper. "a4", "ba3" or "a30" are not A3.
const A3_TOKEN = /(?:^|[^a-z0-9])(?:s?r)?a3(?:\+|[rw])?(?=$|[^a-z0-9])/;
const SUPER_A3 = /(?:^|[^a-z0-9])super\s*a3(?=$|[^a-z0-9])/;

/** Whether a log's paper size names A3 ('A3', 'a3', 'iso_a3_297x420mm', 'A3 (297 x 420 mm)', 'Ａ３'…). */
export function isA3(paperSize: string): boolean {
  // NFKC turns full-width 'Ａ３' into 'A3'; lower-casing after it catches 'a3'.
  const folded = paperSize.normalize('NFKC').toLowerCase();
  return A3_TOKEN.test(folded) || SUPER_A3.test(folded);
}

/**
 * Sheets on the chosen basis: A3 sheets count 2 when the basis is
 * 'a4-equivalent', every other sheet (and every sheet on the 'sheets' basis) 1.
 * The default basis is the one the function is named for.
 */
export function a4Equivalent(sheets: number, paperSize: string, basis: SheetBasis = 'a4-equivalent'): number {
  return basis === 'a4-equivalent' && isA3(paperSize) ? sheets * 2 : sheets;
}

/** The shape of a job the duplex estimate needs: one copy's pages, not the log's total. */
export interface DuplexJob {
  pagesPerCopy: number;
  copies: number;
  /** 2 = duplex, 1 = one-sided, null = the log does not say (counted one-sided, like sheetsOf). */
  sides: 1 | 2 | null;
  /** Pages per sheet side; 1 when absent. */
  nUp?: number;
}

/**
 * Sheets a job would have saved had it been printed duplex: the "what if
 * every single-sided job of more than one page had been duplex". 0 for a duplex
 * job, for a job of one page per copy (nothing to put on the back) and for a
 * job whose figures are not positive numbers (nothing can be said about it).
 * An estimate shown beside the measured sheets, never subtracted from them.
 */
export function duplexSavings(job: DuplexJob): number {
  // An unreadable N-up is read as 1, as sheetsOf does for values below 1.
  const nUp = job.nUp !== undefined && Number.isFinite(job.nUp) && job.nUp > 1 ? job.nUp : 1;
  if (job.sides === 2) return 0;
  if (!(job.pagesPerCopy > 1) || !(job.copies > 0) || !Number.isFinite(job.pagesPerCopy) || !Number.isFinite(job.copies)) return 0;
  return sheetsOf(job.pagesPerCopy, job.copies, 1, nUp) - sheetsOf(job.pagesPerCopy, job.copies, 2, nUp);
}
