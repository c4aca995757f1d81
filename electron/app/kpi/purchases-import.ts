import { SHEETS_PER_REAM, type PurchaseImport, type PurchaseImportResult } from '../../../shared/api/kpi-evaluation.js';
import { describePurchaseCsvError, parsePurchasesCsv } from '../../../shared/domain/kpi/index.js';
import { AppError } from '../app-error.js';
import { decodeBytes, detectEncoding, type Encoding } from '../printlog/encoding.js';
import type { PurchasesRepo } from './purchases.repo.js';

/** The most line errors one answer lists (a file of the wrong kind fails on every line). */
const MAX_LISTED_ERRORS = 50;

/**
 * A CSV's bytes as text, the encoding detected as for print logs: a BOM
 * decides, else valid UTF-8 is UTF-8 and anything else is CP932 (Shift_JIS,
 * what Excel's 「CSV（コンマ区切り）」 writes on Japanese Windows).
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const detected = detectEncoding(bytes);
  return { text: decodeBytes(bytes.subarray(detected.bomLength), detected.encoding), encoding: detected.encoding };
}

/**
 * POST /api/kpi/purchases/import: reads the CSV (text, or base64 bytes whose
 * encoding is detected), and stores each month it gives, its lines added up,
 * in place of what was stored for that month. Any bad line refuses the whole
 * file (400, every line named in `detail`, English) and nothing is stored.
 */
export function importPurchasesCsv(repo: PurchasesRepo, body: PurchaseImport): PurchaseImportResult {
  const field = body.base64 !== undefined ? 'body.base64' : 'body.csv';
  const read = body.base64 !== undefined ? decodeCsvBytes(Buffer.from(body.base64, 'base64')) : { text: body.csv ?? '', encoding: 'text' as const };
  const parsed = parsePurchasesCsv(read.text);
  if (!parsed.ok) {
    const listed = parsed.errors.slice(0, MAX_LISTED_ERRORS).map((e) => describePurchaseCsvError(e, 'en'));
    const more = parsed.errors.length - listed.length;
    throw new AppError('validation', { field, detail: [...listed, ...(more > 0 ? [`and ${more} more`] : [])].join('; ') });
  }
  const items = repo.replace(parsed.months.map((m) => ({ month: m.month, reams: m.reams, note: m.note })));
  const reams = items.reduce((a, p) => a + p.reams, 0);
  return { months: items.length, reams, sheets: reams * SHEETS_PER_REAM, rows: parsed.rows, encoding: read.encoding, items };
}
