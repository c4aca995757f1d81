import { shown } from './reason-text.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Up to 15 ASCII digits and nothing else, as logs write counts: read without trimming, a regular expression or a result object. */
export function plainCount(text: string): number | null {
  if (text.length === 0 || text.length > 15) return null;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return null;
    n = n * 10 + d;
  }
  return n;
}

/**
 * A count as print logs write it (pages, copies): ASCII digits only. Anything
 * else is a reject with a reason naming the column, never a guess: a job
 * counted wrong silently skews the paper KPI, a rejected line is visible.
 */
export function parseCount(text: string, column: string, min = 0): Parsed<number> {
  const plain = plainCount(text);
  if (plain !== null && plain >= min) return { ok: true, value: plain };
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
