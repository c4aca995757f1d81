import { MAX_PAPER_COPIES, type ApprovalEffectSettings } from '../../../shared/api/kpi-approval-effect.js';

/**
 * The e-approval effect's settings form: its values and the body made from
 * them. Pure, so the bounds the screen checks are the API's (0–20 whole copies).
 */

export interface ApprovalEffectValues {
  /** '' while the input is empty; NumberInput gives a number once something is typed. */
  paperCopies: number | string;
  duplex: boolean;
}

export function approvalEffectValues(settings: ApprovalEffectSettings): ApprovalEffectValues {
  return { paperCopies: settings.paperCopies, duplex: settings.duplex };
}

/** A whole number of copies 0 … 20, or null when the input is not one (empty, 1.5, 21, −1). */
export function copiesCount(v: number | string): number | null {
  if (typeof v === 'string' && v.trim() === '') return null;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n <= MAX_PAPER_COPIES ? n : null;
}

/** The PUT body; null while the copies are not a valid count (the form shows why). */
export function approvalEffectBody(values: ApprovalEffectValues): ApprovalEffectSettings | null {
  const paperCopies = copiesCount(values.paperCopies);
  return paperCopies === null ? null : { paperCopies, duplex: values.duplex };
}
