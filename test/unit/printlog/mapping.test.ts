import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeEncoding } from '../../../electron/app/printlog/encoding.js';
import {
  compileTimeFormat,
  formatJsonPath,
  normalizeMappingEncoding,
  parseMapping,
  parseMappingJson,
  requireMapping,
  validateMapping,
} from '../../../shared/domain/printlog/mapping.js';
import { fixturesDir } from '../../helpers/printlog-fixtures.js';

const fixtureJson = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(fixturesDir(), name), 'utf8')) as Record<string, unknown>;
const jobMapping = () => fixtureJson('csv/joblog-mapping.json');
const counterMapping = () => fixtureJson('csv/counter-mapping.json');

function errorsOf(input: unknown): string[] {
  const r = validateMapping(input);
  if (r.ok) throw new Error('expected the mapping to be refused');
  return r.errors;
}

describe('the fixtures’ mapping files', () => {
  it('accept the job-log mapping, with the encoding named for the pipeline', () => {
    const r = validateMapping(jobMapping());
    expect(r).toMatchObject({ ok: true, encoding: 'cp932' });
    if (!r.ok || r.mapping.format !== 'csv') throw new Error('not a csv mapping');
    expect(r.mapping).toEqual({
      format: 'csv',
      encoding: 'cp932',
      delimiter: ',',
      headerRow: 1,
      columns: {
        time: '印刷日時', user: 'ユーザー名', printer: 'プリンター名', document: '文書名', pages: 'ページ数',
        copies: '部数', duplex: '両面', color: 'カラー', paper: '用紙サイズ', nup: '集約',
      },
      timeFormat: 'yyyy/MM/dd HH:mm:ss',
      timeZone: 'Asia/Tokyo',
      values: { duplex: { 両面: true, 片面: false }, color: { カラー: true, 白黒: false }, nup: { なし: 1, '2in1': 2, '4in1': 4 } },
      pagesMean: 'per-copy',
    });
  });

  it('accept the counter mapping', () => {
    expect(validateMapping(counterMapping())).toEqual({
      ok: true,
      encoding: 'cp932',
      mapping: {
        format: 'counter', encoding: 'cp932', delimiter: ',', headerRow: 1, monthFormat: 'yyyy/MM',
        columns: { month: '年月', department: '部門名', monoSheets: '白黒(枚)', colorSheets: 'カラー(枚)', sheets: '合計(枚)' },
      },
    });
  });

  it('fill in defaults for a minimal mapping and leave the encoding to detection', () => {
    const r = validateMapping({ format: 'csv', columns: { time: 1, pages: 2 } });
    expect(r).toEqual({
      ok: true,
      mapping: { format: 'csv', delimiter: ',', headerRow: 1, columns: { time: 1, pages: 2 }, timeFormat: 'yyyy/MM/dd HH:mm:ss', values: {}, pagesMean: 'per-copy' },
    });
  });

  it('allow comment keys starting with _ or $', () => {
    expect(validateMapping({ ...jobMapping(), _comment: '本庁 MFP のログ', $schema: 'x' }).ok).toBe(true);
  });

  it('is also exported as parseMapping for the pipeline', () => {
    expect(parseMapping).toBe(validateMapping);
  });
});

describe('mapping errors name the JSON path', () => {
  it('a missing required column', () => {
    const m = jobMapping();
    const columns = { ...(m['columns'] as Record<string, unknown>) };
    delete columns['pages'];
    expect(errorsOf({ ...m, columns })).toEqual(['columns.pages: required']);
  });

  it('a word mapped to a value of the wrong kind', () => {
    const m = jobMapping();
    expect(errorsOf({ ...m, values: { ...(m['values'] as object), duplex: { 両面: 'yes', 片面: false } } })).toEqual([
      'values.duplex.両面: expected true (two-sided) or false (one-sided)',
    ]);
    expect(errorsOf({ ...m, values: { nup: { '2in1': 0 } } })).toEqual(['values.nup["2in1"]: must be at least 1']);
  });

  it('an unknown key under values, and words for a column that is not mapped', () => {
    expect(errorsOf({ format: 'csv', columns: { time: 1, pages: 2 }, values: { sides: { 両面: 2 }, color: { カラー: true } } })).toEqual([
      'values.sides: unknown key (expected one of duplex, color, nup)',
      'values.color: words are given but columns.color is not set',
    ]);
  });

  it('an encoding the pipeline cannot decode', () => {
    expect(errorsOf({ ...jobMapping(), encoding: 'euc-kr' })).toEqual([
      "encoding: unknown encoding 'euc-kr' (use one of utf-8, cp932 (= shift_jis), utf-16le, utf-16be)",
    ]);
  });

  it('a misspelt key, at the top level and in columns', () => {
    expect(errorsOf({ ...jobMapping(), timeFormatt: 'x', columns: { ...(jobMapping()['columns'] as object), pgaes: 'ページ数' } })).toEqual([
      'timeFormatt: unknown key (expected one of format, encoding, delimiter, headerRow, columns, timeFormat, timeZone, values, pagesMean)',
      'columns.pgaes: unknown key (expected one of time, timeOfDay, user, printer, client, document, pages, copies, duplex, color, paper, nup)',
    ]);
  });

  it.each([
    [{ timeFormat: 'yyyy/mm/dd' }, "timeFormat: 'yyyy/mm/dd': needs MM (MM is the month, mm the minute)"],
    [{ timeFormat: 'yyyy/MM/dd hh:mm' }, "timeFormat: 'yyyy/MM/dd hh:mm': hh is a 12-hour clock and needs tt (AM/PM, 午前/午後); use HH for a 24-hour clock"],
    [{ timeZone: 'Asia/Tokio' }, "timeZone: unknown time zone 'Asia/Tokio' (an IANA name such as 'Asia/Tokyo')"],
    [{ delimiter: ',,' }, 'delimiter: expected one character (",", ";", "|" or "\\t"/"tab"), got \',,\''],
    [{ headerRow: -1 }, 'headerRow: must be at least 0'],
    [{ headerRow: '1' }, 'headerRow: expected a number'],
    [{ pagesMean: 'each' }, "pagesMean: expected 'per-copy' (Pages is one copy) or 'total' (Pages includes copies)"],
    [{ columns: 'x' }, 'columns: expected an object { … }'],
  ])('%j', (patch, error) => {
    expect(errorsOf({ ...jobMapping(), ...patch })).toContain(error);
  });

  it('a header name when the file has no header', () => {
    expect(errorsOf({ format: 'csv', headerRow: 0, columns: { time: 1, pages: 'ページ数' } })).toEqual([
      "columns.pages: 'ページ数' is a header name but headerRow is 0 (no header); give the column number instead",
    ]);
  });

  it('a column reference that is neither text nor a column number', () => {
    expect(errorsOf({ format: 'csv', columns: { time: true, pages: 0 } })).toEqual([
      'columns.time: expected the header text of a column, or its number (1 = first column)',
      'columns.pages: must be at least 1',
    ]);
  });

  it('a counter mapping without sheets or without whose sheets they are', () => {
    expect(errorsOf({ format: 'counter', columns: { month: '年月', monoSheets: '白黒' } })).toEqual([
      'columns.sheets: required (or give both columns.monoSheets and columns.colorSheets)',
      'columns.department: required (or columns.device): a counter row must say whose sheets they are',
    ]);
    expect(errorsOf({ format: 'counter', monthFormat: 'yyyy/MM/dd HH', columns: { month: 1, department: 2, sheets: 3 } })).toEqual([
      "monthFormat: 'yyyy/MM/dd HH': a month format has no time of day",
    ]);
  });

  it('the format, the top level and the JSON itself', () => {
    expect(errorsOf({ columns: {} })).toEqual(["format: required ('csv' for a job log, 'counter' for a counter report)"]);
    expect(errorsOf({ format: 'CSV' })).toEqual(['format: unknown format "CSV" (\'csv\' for a job log, \'counter\' for a counter report)']);
    expect(errorsOf([])).toEqual(['(top level): expected a JSON object { "format": …, "columns": { … } }']);
    expect(parseMappingJson('{ "format": "csv", }')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^\(file\): not valid JSON: /)] });
    expect(parseMappingJson('\uFEFF{ "format": "counter", "columns": { "month": 1, "device": 2, "sheets": 3 } }').ok).toBe(true);
  });

  it('all mistakes of a file at once', () => {
    expect(errorsOf({ format: 'csv', encoding: 'latin1', columns: { time: '日時' }, timeZone: 'Mars/Olympus' })).toEqual([
      "encoding: unknown encoding 'latin1' (use one of utf-8, cp932 (= shift_jis), utf-16le, utf-16be)",
      'columns.pages: required',
      "timeZone: unknown time zone 'Mars/Olympus' (an IANA name such as 'Asia/Tokyo')",
    ]);
  });

  it('a parser asked for one format but handed the other', () => {
    expect(validateMapping(counterMapping(), 'csv')).toEqual({ ok: false, errors: ["format: this is a 'counter' mapping, but the 'csv' format was asked for"] });
    expect(() => requireMapping(undefined, 'counter')).toThrow("the 'counter' format needs a mapping file (--mapping)");
  });
});

describe('encodings', () => {
  const names = ['UTF-8', 'utf8', 'utf-8-bom', 'UTF-16LE', 'utf-16', 'ucs-2', 'utf-16be', 'cp932', 'Shift_JIS', 'shift-jis', 'SJIS', 'Windows-31J', 'MS932', 'shiftjis', 'euc-jp', 'latin1', ''];
  it.each(names)('%j is read the same as the pipeline reads it', (name) => {
    expect(normalizeMappingEncoding(name)).toBe(normalizeEncoding(name));
  });
  it('does not take inherited object keys for encodings', () => {
    expect(normalizeMappingEncoding('constructor')).toBeNull();
  });
});

describe('compileTimeFormat', () => {
  it('reads 24-hour, 12-hour (AM/PM and 午前/午後) and unpadded fields', () => {
    expect(compileTimeFormat('yyyy/MM/dd HH:mm:ss', 'datetime').parse('2024/4/1 9:05:07')).toMatchObject({ year: 2024, month: 4, day: 1, hour: 9, minute: 5, second: 7 });
    expect(compileTimeFormat('M/d/yyyy h:mm:ss tt', 'datetime').parse('4/1/2024 12:30:00 AM')).toMatchObject({ hour: 0, minute: 30 });
    expect(compileTimeFormat('yyyy年M月d日 tt h時mm分', 'datetime').parse('2024年4月1日 午後 1時05分')).toMatchObject({ hour: 13, minute: 5, second: 0 });
    expect(compileTimeFormat("yyyy-MM-dd'T'HH:mm:ss.fff", 'datetime').parse('2024-04-01T09:00:00.123')).toMatchObject({ hour: 9 });
    expect(compileTimeFormat('yyyy/MM/dd', 'datetime').parse('2024/04/01')).toMatchObject({ hour: 0, offsetMinutes: null });
  });

  it('takes ISO 8601 with its offset', () => {
    expect(compileTimeFormat('iso', 'datetime').parse('2024-04-01T09:00:00+09:00')).toMatchObject({ hour: 9, offsetMinutes: 540 });
    expect(compileTimeFormat('iso', 'datetime').parse('2024-04-01 09:00')).toMatchObject({ offsetMinutes: null });
  });

  it('refuses text of another shape', () => {
    expect(compileTimeFormat('yyyy/MM/dd HH:mm:ss', 'datetime').parse('2024-04-01 09:00:00')).toBeNull();
    expect(compileTimeFormat('M/d/yyyy h:mm tt', 'datetime').parse('4/1/2024 13:00 PM')).toBeNull();
  });

  it('explains a format it cannot use', () => {
    expect(() => compileTimeFormat('HH:mm', 'datetime')).toThrow('needs yyyy, MM, dd');
    expect(() => compileTimeFormat('yyyy/MM/dd HH HH', 'datetime')).toThrow('the hour appears twice');
    expect(() => compileTimeFormat("yyyy'", 'month')).toThrow('unclosed quote');
    expect(() => compileTimeFormat('iso', 'month')).toThrow("'iso' is for times");
  });
});

describe('formatJsonPath', () => {
  it('writes identifiers with dots and other keys in brackets', () => {
    expect(formatJsonPath(['values', 'duplex', '両面'])).toBe('values.duplex.両面');
    expect(formatJsonPath(['values', 'color', 'black & white'])).toBe('values.color["black & white"]');
    expect(formatJsonPath(['a', 0])).toBe('a[0]');
    expect(formatJsonPath([])).toBe('(top level)');
  });
});
