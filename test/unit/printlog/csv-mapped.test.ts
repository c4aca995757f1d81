import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvRecordReader, csvMapped } from '../../../shared/domain/printlog/formats/csv-mapped.js';
import { MappingError } from '../../../shared/domain/printlog/mapping.js';
import { fixturesDir, jobsOf, loadExpected, parseFixture, runParser, summarize } from '../../helpers/printlog-fixtures.js';

const FIXTURE = 'csv/joblog-honcho-2024-10.csv';
const fixtureMapping = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(fixturesDir(), 'csv/joblog-mapping.json'), 'utf8')) as Record<string, unknown>;

const HEADER = '印刷日時,ユーザー名,プリンター名,文書名,ページ数,部数,両面,カラー,用紙サイズ,集約';
const run = (lines: readonly string[], mapping: unknown = fixtureMapping(), timeZone = 'Asia/Tokyo') => runParser(csvMapped, lines, { timeZone, mapping });

describe('csv fixture (joblog-mapping.json)', () => {
  const expected = loadExpected()[FIXTURE];
  const { events, summary } = parseFixture(csvMapped, FIXTURE, { timeZone: 'Asia/Tokyo', mapping: fixtureMapping() });

  it('counts jobs, pages and sheets as expected.json says', () => {
    expect(expected).toBeDefined();
    expect(summary.jobs).toBe(expected?.jobs);
    expect(summary.pages).toBe(expected?.pages);
    expect(summary.sheets).toBe(expected?.sheets);
    expect(summary.byFiscalYear).toEqual(expected?.byFiscalYear);
    expect(summary.rejected).toEqual(expected?.rejected);
  });

  it('reads each column of a row, the time as Tokyo wall clock', () => {
    expect(events[1]).toEqual({
      kind: 'job',
      line: 3,
      job: {
        time: '2024-10-01T02:48:22.000Z', user: 'nakamura-t', printer: 'TOYOHIRA-PRN01', client: '', document: '支出負担行為伺い.pdf',
        // 10 pages a copy, 5 copies, two-sided 2in1: ceil(10 ÷ 4) × 5.
        pages: 50, sheets: 15, copies: 5, sides: 2, nUp: 2, color: false, paperSize: 'B4',
      },
    });
  });

  it('keeps quoted commas and doubled quotes in a document name', () => {
    expect(jobsOf(events).map((j) => j.document)).toContain('Report, final "v2".docx');
  });
});

describe('csv counting rules', () => {
  const row = (pages: number, copies: number, duplex: string, nup: string) => `2024/10/01 09:00:00,u,P,d,${pages},${copies},${duplex},白黒,A4,${nup}`;

  it.each([
    [12, 1, '片面', '4in1', 12, 3],
    [31, 1, '両面', '4in1', 31, 4],
    [17, 3, '両面', 'なし', 51, 27],
    [1, 5, '片面', '4in1', 5, 5],
    [3, 1, '両面', '2in1', 3, 1],
  ])('%i pages × %i copies, %s, %s → pages %i, sheets %i', (pages, copies, duplex, nup, wantPages, wantSheets) => {
    expect(jobsOf(run([HEADER, row(pages, copies, duplex, nup)]))).toMatchObject([{ pages: wantPages, sheets: wantSheets }]);
  });

  it("with pagesMean 'total' divides the copies out first", () => {
    const out = run([HEADER, row(51, 3, '両面', 'なし'), row(10, 3, '片面', 'なし')], { ...fixtureMapping(), pagesMean: 'total' });
    expect(jobsOf(out)).toMatchObject([{ pages: 51, sheets: 27, copies: 3 }]);
    expect(out[1]).toMatchObject({ kind: 'reject', line: 3, reason: expect.stringContaining("'ページ数' (columns.pages)") });
  });

  it('counts an empty duplex cell one-sided, marked sides unknown; empty colour is unknown, empty N-up is 1', () => {
    expect(jobsOf(run([HEADER, '2024/10/01 09:00:00,u,P,d,5,2,,,A4,']))).toMatchObject([{ pages: 10, sheets: 10, sides: null, color: null, nUp: 1 }]);
  });
});

describe('csv rejects, naming the column', () => {
  it.each([
    ['2024/10/01 09:00:00,u,P,d,5,1,三面,白黒,A4,なし', "column '両面' (columns.duplex): unknown word '三面' (expected 両面, 片面)"],
    ['2024/10/01 09:00:00,u,P,d,5,1,片面,セピア,A4,なし', "column 'カラー' (columns.color): unknown word 'セピア'"],
    ['2024/10/01 09:00:00,u,P,d,5,1,片面,白黒,A4,3in1', "column '集約' (columns.nup): unknown word '3in1'"],
    ['2024/10/01 09:00:00,u,P,d,five,1,片面,白黒,A4,なし', "column 'ページ数' (columns.pages): 'five' is not a whole number"],
    ['2024/10/01 09:00:00,u,P,d,-3,1,片面,白黒,A4,なし', "column 'ページ数' (columns.pages): '-3' is not a whole number"],
    ['2024/10/01 09:00:00,u,P,d,5,0,片面,白黒,A4,なし', "column '部数' (columns.copies): 0 is less than 1"],
    ['2024/10/01 09:00:00,u,P,d,,1,片面,白黒,A4,なし', "column 'ページ数' (columns.pages): empty"],
    ['2024/02/30 09:00:00,u,P,d,5,1,片面,白黒,A4,なし', "column '印刷日時' (columns.time): '2024/02/30 09:00:00' is not a real date and time"],
    ['10/01/2024 09:00,u,P,d,5,1,片面,白黒,A4,なし', "does not match the time format 'yyyy/MM/dd HH:mm:ss'"],
    ['2024/10/01 09:00:00,u,P,d,5,1', "only 6 fields: '両面' is field 7"],
  ])('%s', (line, reason) => {
    const out = run([HEADER, line, '2024/10/01 09:00:00,u,P,d,1,1,片面,白黒,A4,なし']);
    expect(out[0]).toMatchObject({ kind: 'reject', line: 2, reason: expect.stringContaining(reason) });
    expect(summarize(out)).toMatchObject({ jobs: 1, rejected: [2] });
  });

  it('rejects the header when a mapped column is missing, and each row with the same reason', () => {
    const out = run(['印刷日時,ユーザー名,プリンター名,文書名,ページ数,両面,カラー,用紙サイズ,集約', '2024/10/01 09:00:00,u,P,d,5,片面,白黒,A4,なし']);
    expect(out).toMatchObject([
      { kind: 'reject', line: 1, reason: expect.stringContaining("column '部数' (columns.copies) is not in the header") },
      { kind: 'reject', line: 2, reason: expect.stringContaining("column '部数' (columns.copies) is not in the header") },
    ]);
  });

  it('rejects a row of a file read from the middle (its header unseen)', () => {
    const parser = csvMapped.createParser({ timeZone: 'Asia/Tokyo', mapping: fixtureMapping() });
    expect(parser.push('2024/10/01 09:00:00,u,P,d,5,1,片面,白黒,A4,なし', 7)).toMatchObject([{ kind: 'reject', line: 7, reason: expect.stringContaining('header (line 1) was not read') }]);
  });

  it('recovers after a quote that is never closed', () => {
    const out = run([HEADER, '2024/10/01 09:00:00,u,P,"broken,5,1,片面,白黒,A4,なし', '2024/10/01 09:00:01,u,P,d,2,1,片面,白黒,A4,なし']);
    expect(out).toMatchObject([
      { kind: 'reject', line: 2, reason: expect.stringContaining('not closed') },
      { kind: 'job', line: 3, job: { pages: 2 } },
    ]);
  });
});

describe('csv mapping options', () => {
  it('reads columns by number with headerRow 0, tab-separated, the time split over two columns', () => {
    const mapping = {
      format: 'csv', delimiter: 'tab', headerRow: 0, timeFormat: 'yyyy-MM-dd h:mm:ss tt',
      columns: { time: 1, timeOfDay: 2, user: 3, pages: 4, copies: 5, duplex: 6 },
      values: { duplex: { D: true, S: false } },
    };
    expect(jobsOf(run(['2024-04-01\t12:30:00 AM\tito\t7\t2\tD'], mapping))).toEqual([
      { time: '2024-03-31T15:30:00.000Z', user: 'ito', printer: '', client: '', document: '', pages: 14, sheets: 8, copies: 2, sides: 2, nUp: 1, color: null, paperSize: '' },
    ]);
  });

  it('skips banner lines above headerRow and blank lines', () => {
    const mapping = { ...fixtureMapping(), headerRow: 3 };
    const out = run(['Job log export', 'exported 2024/10/05', HEADER, '', '2024/10/01 09:00:00,u,P,d,5,1,片面,白黒,A4,なし'], mapping);
    expect(out).toMatchObject([{ kind: 'job', line: 5 }]);
  });

  it("uses the mapping's time zone, or an ISO time's own offset", () => {
    const utc = { ...fixtureMapping(), timeZone: 'UTC' };
    expect(jobsOf(run([HEADER, '2024/10/01 09:00:00,u,P,d,5,1,片面,白黒,A4,なし'], utc))[0]?.time).toBe('2024-10-01T09:00:00.000Z');
    const iso = { ...fixtureMapping(), timeFormat: 'iso' };
    expect(jobsOf(run([HEADER, '2024-10-01T09:00:00+02:00,u,P,d,5,1,片面,白黒,A4,なし'], iso))[0]?.time).toBe('2024-10-01T07:00:00.000Z');
  });

  it('finds header names regardless of width, case and spaces; words likewise', () => {
    const mapping = { format: 'csv', columns: { time: 'Time', pages: 'PAGES', color: 'Colour' }, timeFormat: 'yyyy/M/d H:mm' };
    expect(jobsOf(run([' time ,Ｐａｇｅｓ,colour', '2024/4/1 9:05,１２,Colour'], mapping))).toMatchObject([{ pages: 12, color: true, time: '2024-04-01T00:05:00.000Z' }]);
  });

  it('reads a quoted field across lines, holding its first line as pending', () => {
    const parser = csvMapped.createParser({ timeZone: 'Asia/Tokyo', mapping: fixtureMapping() });
    parser.push(HEADER, 1);
    expect(parser.push('2024/10/01 09:00:00,u,P,"two', 2)).toEqual([]);
    expect(parser.pendingSince()).toBe(2);
    expect(parser.push('lines",5,1,片面,白黒,A4,なし', 3)).toMatchObject([{ kind: 'job', line: 2, job: { document: 'two\nlines' } }]);
    expect(parser.pendingSince()).toBeNull();
  });

  it('refuses to start without a valid csv mapping', () => {
    expect(() => csvMapped.createParser({ timeZone: 'Asia/Tokyo' })).toThrow(MappingError);
    expect(() => csvMapped.createParser({ timeZone: 'Asia/Tokyo', mapping: { format: 'counter', columns: { month: 1, sheets: 2, department: 3 } } })).toThrow(/format: this is a 'counter' mapping/);
    expect(() => csvMapped.createParser({ timeZone: 'Asia/Tokyo', mapping: { format: 'csv', columns: { time: 'a' } } })).toThrow(/columns\.pages: required/);
  });

  it('is never auto-detected', () => {
    expect(csvMapped.detect([HEADER, '2024/10/01 09:00:00,u,P,d,5,1,片面,白黒,A4,なし'])).toBeNull();
    expect(csvMapped.needsMapping).toBe(true);
  });
});

describe('CsvRecordReader', () => {
  it('splits RFC 4180 records, keeping empty fields and text after a stray quote', () => {
    const r = new CsvRecordReader(';');
    expect(r.push('a;"b;c";;"d""e"', 1)).toEqual([{ kind: 'record', line: 1, fields: ['a', 'b;c', '', 'd"e'] }]);
    expect(r.push('x"y;z', 2)).toEqual([{ kind: 'record', line: 2, fields: ['x"y', 'z'] }]);
  });

  it('gives up on an open quote after maxLines and re-reads the lines after it', () => {
    const r = new CsvRecordReader(',', 2);
    expect(r.push('"open,1', 1)).toEqual([]);
    expect(r.push('a,b', 2)).toEqual([]);
    expect(r.push('c,d', 3)).toEqual([
      { kind: 'broken', line: 1, reason: expect.stringContaining('within 2 lines') },
      { kind: 'record', line: 2, fields: ['a', 'b'] },
      { kind: 'record', line: 3, fields: ['c', 'd'] },
    ]);
  });
});
