import type { api, BodyOf } from '../../../shared/api/index.js';
import type { EvaluationRowOut } from '../../../shared/api/kpi-evaluation.js';
import { isApiError } from '../../api/ApiError.js';

/**
 * The values of the evaluation row form and the paper purchase form, and the
 * request bodies made from them. Pure, so the PUT that replaces a whole year's
 * rows from one edited row is pinned down by tests rather than found out from
 * a row that silently vanished.
 */

export type EvaluationBody = BodyOf<typeof api.setKpiEvaluation>;
export type EvaluationRowBody = EvaluationBody['rows'][number];

export interface RowValues {
  labelJa: string;
  labelEn: string;
  unitJa: string;
  unitEn: string;
  /** '' for none yet; NumberInput gives a number once something is typed. */
  target: number | string;
  actual: number | string;
  comment: string;
}

export const blankRow: RowValues = { labelJa: '', labelEn: '', unitJa: '', unitEn: '', target: '', actual: '', comment: '' };

export function rowValues(row: EvaluationRowOut): RowValues {
  return {
    labelJa: row.label.ja,
    labelEn: row.label.en,
    unitJa: row.unit.ja,
    unitEn: row.unit.en,
    target: row.target ?? '',
    actual: row.actual ?? '',
    comment: row.comment,
  };
}

const blank = (v: number | string) => typeof v === 'string' && v.trim() === '';

/** A typed figure: '' is "none"; anything else goes as typed so a bad one is refused by the server, not dropped. */
function typed(v: number | string): number | null {
  return blank(v) ? null : Number(v);
}

/** True when a figure is blank or a number ≥ 0 (hours and rates may have decimals). */
export function figureOk(v: number | string): boolean {
  if (blank(v)) return true;
  const value = Number(v);
  return Number.isFinite(value) && value >= 0;
}

export function rowBody(key: string, v: RowValues): EvaluationRowBody {
  return {
    key,
    label: { ja: v.labelJa.trim(), en: v.labelEn.trim() },
    unit: { ja: v.unitJa.trim(), en: v.unitEn.trim() },
    target: typed(v.target),
    actual: typed(v.actual),
    comment: v.comment.trim(),
  };
}

/** A stored row as sent back unchanged, so saving one row keeps the others as they are. */
export function storedRowBody(row: EvaluationRowOut): EvaluationRowBody {
  return { key: row.key, label: row.label, unit: row.unit, target: row.target, actual: row.actual, comment: row.comment };
}

/** A key for a new row that no row of the year has: keys are never shown, only unique. */
export function newRowKey(taken: readonly string[], now: number = Date.now()): string {
  let i = 0;
  let key = `kpi-${now.toString(36)}`;
  while (taken.includes(key)) key = `kpi-${now.toString(36)}-${++i}`;
  return key;
}

/**
 * The PUT body after one row was edited, added (index = rows.length) or
 * removed (values null). The paperless comment is left out: unchanged.
 */
export function evaluationBody(fiscalYear: number, rows: readonly EvaluationRowOut[], index: number, edit: { key: string; values: RowValues } | null): EvaluationBody {
  const typedIn = rows.filter((r) => !r.fromData).map(storedRowBody);
  if (edit === null) typedIn.splice(index, 1);
  else typedIn.splice(index, index < typedIn.length ? 1 : 0, rowBody(edit.key, edit.values));
  return { fiscalYear, rows: typedIn };
}

const ROW_FIELDS: Record<string, keyof RowValues> = {
  'label.ja': 'labelJa',
  label: 'labelJa',
  'label.en': 'labelEn',
  'unit.ja': 'unitJa',
  unit: 'unitJa',
  'unit.en': 'unitEn',
  target: 'target',
  actual: 'actual',
  comment: 'comment',
  // A key is made here, never typed: a refusal of it is about the row as a whole, shown with its label.
  key: 'labelJa',
};

/**
 * The input of the row form a server error belongs to: `body.rows.2.label.ja`
 * is the 日本語 label when row 2 is the one being edited; `body.paperlessComment`
 * is the comment of the paperless row. null: show it above the form.
 */
export function rowFieldOf(error: unknown, index: number | 'paperless'): keyof RowValues | null {
  if (!isApiError(error) || !error.field) return null;
  if (index === 'paperless') return error.field === 'body.paperlessComment' ? 'comment' : null;
  const match = /^body\.rows\.(\d+)\.(.+)$/.exec(error.field);
  if (!match || Number(match[1]) !== index) return null;
  return ROW_FIELDS[match[2] ?? ''] ?? null;
}

/** 161% / —: the achievement as the table shows it. */
export function percentText(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}

export interface PurchaseValues {
  reams: number | string;
  note: string;
}

/** Whole reams 0 … 10,000,000 (the API's bounds), or null when the typed value is not one. */
export function reamCount(v: number | string): number | null {
  if (blank(v)) return null;
  const value = Number(v);
  return Number.isInteger(value) && value >= 0 && value <= 10_000_000 ? value : null;
}

export function purchaseBody(month: string, v: PurchaseValues): BodyOf<typeof api.setKpiPurchase> {
  // A blank is 0 reams: emptying a month says nothing was bought; a bad figure goes as typed for the server to refuse.
  return { month, reams: blank(v.reams) ? 0 : Number(v.reams), note: v.note.trim() };
}
