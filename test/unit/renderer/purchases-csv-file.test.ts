import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkPurchasesCsv, decodeCsvFile, toBase64 } from '../../../renderer/pages/paper/purchasesCsv.js';

const text = '年月,連数,備考\r\n令和6年4月,40,庁舎一括～\r\n';

describe('the purchases CSV as the screen reads it', () => {
  it('detects Shift_JIS, UTF-8 with and without BOM, and UTF-16 with BOM, like the core', () => {
    expect(decodeCsvFile(iconv.encode(text, 'cp932'))).toEqual({ text, encoding: 'shift_jis' });
    expect(decodeCsvFile(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsvFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsvFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf-16le' });
  });

  it('checks the file with the shared parser before anything is sent', () => {
    expect(checkPurchasesCsv(iconv.encode(text, 'cp932'))).toEqual({ ok: true, rows: 1, months: [{ month: '2024-04', reams: 40, note: '庁舎一括～', lines: [2] }] });
    expect(checkPurchasesCsv(iconv.encode('年月,連数\r\n令和6年4月,四十\r\n', 'cp932')).ok).toBe(false);
  });

  it('sends the bytes as base64, large files included', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
