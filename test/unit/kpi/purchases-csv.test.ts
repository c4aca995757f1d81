import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../electron/app/kpi/purchases-import.js';
import {
  describePurchaseCsvError,
  parsePurchaseMonth,
  parsePurchasesCsv,
  type PurchaseCsvError,
  type PurchasesCsvResult,
} from '../../../shared/domain/kpi/purchases-csv.js';

/** What a clerk's Excel sheet gives: a title line, the header, several purchases a month, a total line. */
const clerkSheet = [
  '令和6年度 用紙購入実績,,,',
  '購入日,品名,冊数,備考',
  '2024/4/8,コピー用紙A4,40,庁舎一括',
  '2024/4/22,コピー用紙A4,"1,200",追加',
  '2024/5/10,コピー用紙A3,10,',
  '2024/4/30,コピー用紙A4,5,庁舎一括',
  '合計,,"1,255",',
].join('\r\n');

function errorsOf(result: PurchasesCsvResult): PurchaseCsvError[] {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.months)}`);
  return result.errors;
}

const ja = (r: PurchasesCsvResult) => errorsOf(r).map((e) => describePurchaseCsvError(e, 'ja'));
const en = (r: PurchasesCsvResult) => errorsOf(r).map((e) => describePurchaseCsvError(e, 'en'));

describe('parsePurchasesCsv', () => {
  it('adds up the lines of a month, skipping the title, the total line and unknown columns', () => {
    expect(parsePurchasesCsv(clerkSheet)).toEqual({
      ok: true,
      rows: 4,
      months: [
        { month: '2024-04', reams: 1245, note: '庁舎一括 / 追加', lines: [3, 4, 6] },
        { month: '2024-05', reams: 10, note: '', lines: [5] },
      ],
    });
  });

  it('skips a total line whose word stands in another column, the month left empty', () => {
    const r = parsePurchasesCsv('年月,品名,連数,備考\n2024-04,A4,10,\n,小計,10,\n2024-05,A4,5,\n,合計,15,合計\n');
    expect(r).toEqual({ ok: true, rows: 2, months: [{ month: '2024-04', reams: 10, note: '', lines: [2] }, { month: '2024-05', reams: 5, note: '', lines: [4] }] });
    // Only the month column's emptiness with a total word elsewhere: a purchase noted 合計 is still refused without its month.
    expect(errorsOf(parsePurchasesCsv('年月,連数,備考\n,10,合計\n')).map((e) => e.code)).toEqual(['missing']);
  });

  it('reads English headers, a BOM, LF line ends and a file without a note column', () => {
    const r = parsePurchasesCsv('\uFEFFMonth,Reams\n2024-04,37\n2025-03,0\n');
    expect(r).toEqual({ ok: true, rows: 2, months: [{ month: '2024-04', reams: 37, note: '', lines: [2] }, { month: '2025-03', reams: 0, note: '', lines: [3] }] });
  });

  it('reads tab-separated text, full-width digits and the UI column title 購入量（連）', () => {
    const r = parsePurchasesCsv('年月\t購入量（連）\tメモ\n２０２４年４月\t１２\t窓口\n');
    expect(r).toEqual({ ok: true, rows: 1, months: [{ month: '2024-04', reams: 12, note: '窓口', lines: [2] }] });
  });

  it('keeps a joined note within 200 characters', () => {
    const r = parsePurchasesCsv(`年月,連数,備考\n2024-04,1,${'あ'.repeat(150)}\n2024-04,1,${'い'.repeat(150)}\n`);
    if (!r.ok) throw new Error('refused');
    expect(r.months[0]?.note).toHaveLength(200);
    expect(r.months[0]?.note.endsWith('…')).toBe(true);
  });

  it('names every bad line and field at once, in Japanese and English', () => {
    const r = parsePurchasesCsv([
      '年月,連数,備考',
      '2024-04,10,',
      '2024-04,abc,',
      '2024/13,5,',
      ',5,',
      '2024-05,,',
      '2024-06,-3,',
      '2024-07,2.5,',
      '2024-08,▲4,',
      '1999-04,1,',
      '2024-09,10000001,',
      `2024-10,1,${'x'.repeat(201)}`,
      '2024-11,"1,"2",',
    ].join('\n'));
    expect(ja(r)).toEqual([
      '行 3: 連数「abc」は数値ではありません',
      '行 4: 年月「2024/13」は年月として読めません（例: 2024/4, 2024-04, 令和6年4月, R6.4）',
      '行 5: 年月が空欄です',
      '行 6: 連数が空欄です',
      '行 7: 連数「-3」は負の数です（0以上の整数で）',
      '行 8: 連数「2.5」は整数ではありません',
      '行 9: 連数「▲4」は負の数です（0以上の整数で）',
      '行 10: 年月「1999-04」は2000年1月〜2100年12月の範囲外です',
      '行 11: 連数「10000001」が大きすぎます（10,000,000まで）',
      '行 12: 備考が長すぎます（201文字。200文字まで）',
      '行 13: 引用符（"）の対応が正しくありません',
    ]);
    expect(en(r).slice(0, 4)).toEqual([
      'line 3: reams "abc" is not a number',
      'line 4: month "2024/13" is not a month (e.g. 2024/4, 2024-04, 令和6年4月, R6.4)',
      'line 5: no month given',
      'line 6: no reams given',
    ]);
    expect(errorsOf(r).map((e) => [e.line, e.field, e.code])).toContainEqual([7, 'reams', 'negative']);
  });

  it('refuses a month whose lines add up past the limit', () => {
    const r = parsePurchasesCsv('年月,連数\n2024-04,6000000\n2024-04,6000000\n');
    expect(errorsOf(r)).toEqual([{ line: 3, field: 'reams', code: 'monthTotalTooLarge', value: '2024-04' }]);
  });

  it.each([
    ['', ['ファイルが空です']],
    ['\n\n', ['ファイルが空です']],
    ['2024-04,10\n2024-05,12\n', ['行 1: 見出しの行がありません。1行目に列名「年月」「連数」（と「備考」）を入れてください']],
    ['年月,金額\n2024-04,10\n', ['行 1: 見出しに「連数」の列がありません（列名は 連数, 冊数, reams のいずれか）']],
    ['連数,冊数,年月\n', ['行 1: 見出しに「連数」の列が2つあります']],
    ['年月,連数,備考\n', ['見出しの下に購入の行がありません']],
    ['年月,連数\n合計,100\n', ['見出しの下に購入の行がありません']],
    ['"年月,連数\n2024-04,1\n', ['行 1: 引用符（"）の対応が正しくありません']],
  ])('refuses %j', (text, messages) => {
    expect(ja(parsePurchasesCsv(text))).toEqual(messages);
  });
});

describe('parsePurchaseMonth', () => {
  it.each([
    ['2024-04', '2024-04'],
    ['2024/4', '2024-04'],
    ['2024.4', '2024-04'],
    ['2024/4/15', '2024-04'],
    ['2024-04-30', '2024-04'],
    ['202404', '2024-04'],
    ['2024年4月', '2024-04'],
    ['2024年4月1日', '2024-04'],
    ['令和6年4月', '2024-04'],
    ['令和6年12月3日', '2024-12'],
    ['令和元年5月', '2019-05'],
    ['R6.4', '2024-04'],
    ['r6/4', '2024-04'],
    ['R7.3.31', '2025-03'],
    ['H31.4', '2019-04'],
    ['平成30年4月', '2018-04'],
    ['㋿6年4月', '2024-04'],
    [' ２０２４／４ ', '2024-04'],
  ])('reads %j as %s', (cell, month) => {
    expect(parsePurchaseMonth(cell)).toBe(month);
  });

  it.each(['4月', '2024', '2024/13', '2024/4/32', '令和元年4月', 'H32.1', 'R0.4', 'Apr-24', '45383', 'S60.4'])('refuses %j', (cell) => {
    expect(parsePurchaseMonth(cell)).toBeNull();
  });
});

describe('the bytes of an Excel CSV', () => {
  const text = '年月,冊数,備考\r\n令和6年4月,40,庁舎一括購入\r\n令和6年4月,12,支所（芸北）\r\nR6.5,8,～追加分～\r\n';
  const expected = {
    ok: true,
    rows: 3,
    months: [
      { month: '2024-04', reams: 52, note: '庁舎一括購入 / 支所（芸北）', lines: [2, 3] },
      { month: '2024-05', reams: 8, note: '～追加分～', lines: [4] },
    ],
  };

  it('reads Shift_JIS (CP932, Excel「CSV（コンマ区切り）」), detected from the bytes', () => {
    const bytes = iconv.encode(text, 'cp932');
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.encoding).toBe('cp932');
    expect(parsePurchasesCsv(decoded.text)).toEqual(expected);
  });

  it('reads UTF-8 with a BOM (Excel「CSV UTF-8」) and without', () => {
    const withBom = decodeCsvBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(withBom.encoding).toBe('utf-8');
    expect(withBom.text.startsWith('\uFEFF')).toBe(false);
    expect(parsePurchasesCsv(withBom.text)).toEqual(expected);
    const plain = decodeCsvBytes(Buffer.from(text, 'utf8'));
    expect(plain.encoding).toBe('utf-8');
    expect(parsePurchasesCsv(plain.text)).toEqual(expected);
  });
});
