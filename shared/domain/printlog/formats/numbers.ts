import { shown } from './reason-text.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * A count as print logs write it (pages, copies): ASCII digits only. Anything
 * else is a reject with a reason naming the column, never a guess: a job
 * counted wrong silently skews the paper KPI, a rejected line is visible.
 */
export function parseCount(text: string, column: string, min = 0): Parsed<number> {
  const value = text.trim();
  if (value === '') return { ok: false, reason: `${column}: empty, expected a number` };
  if (!/^\d+$/.test(value)) {
    if (/^-\d+(\.\d+)?$/.test(value)) return { ok: false, reason: `${column}: ${shown(value)} is negative` };
    if (/^\+?\d+\.\d+$/.test(value)) return { ok: false, reason: `${column}: ${shown(value)} is not a whole number` };
    return { ok: false, reason: `${column}: ${shown(value)} is not a number` };
  }
  const n = Number(value);
  if (!Number.isSafeInteger(n)) return { ok: false, reason: `${column}: ${shown(value)} is too large` };
  if (n < min) return { ok: false, reason: `${column}: ${shown(value)} must be at least ${min}` };
  return { ok: true, value: n };
}
