/**
 * The e-approval effect (電子決裁の効果): sheets a paper route would have used for
 * the cases approved electronically. An ESTIMATE from a setting (how many paper
 * copies a paper route needs), shown apart from the measured reduction and never
 * added into it: the measured figure already contains whatever e-approval saved,
 * so adding this would count those sheets twice.
 */
import { sheetsOf } from '../printlog/job.js';

export interface ApprovalCase {
  /** Pages of the case's attachments (what a paper route would print). */
  pages: number;
}

function assertCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${String(value)}`);
}

/**
 * Sheets avoided: per case, its pages printed `paperCopies` times, one-sided
 * unless `duplex` (then ceil(pages ÷ 2) sheets a copy), summed. A RangeError for
 * a negative or fractional count rather than a quietly wrong estimate.
 */
export function approvalEffect(cases: readonly ApprovalCase[], paperCopies: number, options: { duplex?: boolean } = {}): number {
  assertCount(paperCopies, 'paperCopies');
  const sides = options.duplex ? 2 : 1;
  let sheets = 0;
  cases.forEach((c, i) => {
    assertCount(c.pages, `cases[${i}].pages`);
    sheets += sheetsOf(c.pages, paperCopies, sides);
  });
  return sheets;
}
