import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeShiftJis, encodeUtf8WithBom } from '../../../electron/app/kpi/shift-jis.js';

describe('encodeShiftJis', () => {
  it('keeps CP932 vendor characters and swaps in look-alikes instead of writing ?', () => {
    const text = '令和6年度 ①㈱～ 1,000枚 − 900枚 〜 ‖ — ¢£¬';
    const decoded = iconv.decode(encodeShiftJis(text), 'cp932');
    expect(decoded).not.toContain('?');
    expect(decoded).toBe('令和6年度 ①㈱～ 1,000枚 － 900枚 ～ ∥ ― ￠￡￢');
  });

  it('still marks what CP932 cannot hold at all', () => {
    expect(iconv.decode(encodeShiftJis('😀'), 'cp932')).toBe('?');
  });
});

describe('encodeUtf8WithBom', () => {
  it('starts with the BOM Excel needs', () => {
    const bytes = encodeUtf8WithBom('指標');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('指標');
  });
});
