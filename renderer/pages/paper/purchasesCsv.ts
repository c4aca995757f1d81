import { parsePurchasesCsv, type PurchasesCsvResult } from '../../../shared/domain/kpi/purchases-csv.js';

/**
 * The purchases CSV as the screen reads it before sending it: decoded the
 * way the core decodes it (a BOM decides, else valid UTF-8 is UTF-8, else
 * Shift_JIS), then checked with the same parser, so a bad line is named in
 * the user's language at once and nothing is sent. The core decodes and checks
 * the bytes again; what it stores is what it answers.
 */

export type CsvTextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';

export function decodeCsvFile(bytes: Uint8Array): { text: string; encoding: CsvTextEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    // A UTF-8 BOM is dropped by the decoder.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // The browser's Shift_JIS is Windows' (CP932) for everything a purchase record holds.
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
  }
}

/** Bytes as base64 for the JSON body, in slices so a large file does not overflow the argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function checkPurchasesCsv(bytes: Uint8Array): PurchasesCsvResult {
  return parsePurchasesCsv(decodeCsvFile(bytes).text);
}
