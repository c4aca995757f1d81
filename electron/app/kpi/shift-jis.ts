import iconv from 'iconv-lite';

/**
 * Unicode characters whose look-alikes Windows' Shift_JIS (CP932) has under
 * another code point: JIS-based text often arrives with the former, Excel
 * reads CP932 with the latter. Without this, iconv writes '?' for them.
 */
const CP932_LOOKALIKES: Readonly<Record<string, string>> = {
  '\u2212': '\uff0d', // − MINUS SIGN → － FULLWIDTH HYPHEN-MINUS
  '\u301c': '\uff5e', // 〜 WAVE DASH → ～ FULLWIDTH TILDE
  '\u2016': '\u2225', // ‖ DOUBLE VERTICAL LINE → ∥ PARALLEL TO
  '\u2014': '\u2015', // — EM DASH → ― HORIZONTAL BAR
  '\u00a2': '\uffe0', // ¢ → ￠
  '\u00a3': '\uffe1', // £ → ￡
  '\u00ac': '\uffe2', // ¬ → ￢
};
const lookalike = new RegExp(`[${Object.keys(CP932_LOOKALIKES).join('')}]`, 'g');

/** Text as CP932 bytes for Excel, look-alikes swapped in first; what CP932 cannot hold at all becomes '?'. */
export function encodeShiftJis(text: string): Buffer {
  return iconv.encode(text.replace(lookalike, (c) => CP932_LOOKALIKES[c] ?? c), 'cp932');
}

/** Text as UTF-8 with the byte-order mark Excel needs to read it as UTF-8. */
export function encodeUtf8WithBom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
