import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParseEvent } from '../../../shared/domain/printlog/format.js';
import { counter } from '../../../shared/domain/printlog/formats/counter.js';
import type { CounterReading } from '../../../shared/domain/printlog/job.js';
import { fixturesDir, parseFixture, runParser } from '../../helpers/printlog-fixtures.js';

const FIXTURE = 'csv/counter-2024.csv';
const fixtureMapping = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(fixturesDir(), 'csv/counter-mapping.json'), 'utf8')) as Record<string, unknown>;

interface CounterExpected {
  format: string;
  rows: number;
  sheetsByMonth: Record<string, number>;
  rejected: number[];
}

function expectedCounter(): CounterExpected | undefined {
  const all = JSON.parse(readFileSync(join(fixturesDir(), 'expected.json'), 'utf8')) as { files: Record<string, CounterExpected> };
  return all.files[FIXTURE];
}

const readings = (events: readonly ParseEvent[]): CounterReading[] => events.flatMap((e) => (e.kind === 'counter' ? [e.reading] : []));
const HEADER = '年月,部門名,白黒(枚),カラー(枚),合計(枚)';
const run = (lines: readonly string[], mapping: unknown = fixtureMapping()) => runParser(counter, lines, { timeZone: 'Asia/Tokyo', mapping });

describe('counter fixture (counter-mapping.json)', () => {
  const expected = expectedCounter();
  const { events } = parseFixture(counter, FIXTURE, { timeZone: 'Asia/Tokyo', mapping: fixtureMapping() });

  it('gives one reading per row, and no jobs', () => {
    expect(expected?.format).toBe('counter');
    expect(readings(events)).toHaveLength(expected?.rows ?? -1);
    expect(events.filter((e) => e.kind !== 'counter')).toEqual([]);
    expect(expected?.rejected).toEqual([]);
  });

  it('sums sheets by month as expected.json says', () => {
    const byMonth: Record<string, number> = {};
    for (const r of readings(events)) {
      const key = r.month.replace('-', '/');
      byMonth[key] = (byMonth[key] ?? 0) + r.sheets;
    }
    expect(byMonth).toEqual(expected?.sheetsByMonth);
  });

  it('reads the department, the total and the colour part of a row', () => {
    expect(events[0]).toEqual({ kind: 'counter', line: 2, reading: { month: '2024-04', department: '総務課', device: '', sheets: 6005, colorSheets: 1103 } });
  });
});

describe('counter rows', () => {
  it('adds black-and-white and colour when the report has no total', () => {
    const mapping = { format: 'counter', columns: { month: '年月', department: '部門名', monoSheets: '白黒(枚)', colorSheets: 'カラー(枚)' } };
    expect(readings(run([HEADER, '2024/04,総務課,4902,1103,'], mapping))).toEqual([{ month: '2024-04', department: '総務課', device: '', sheets: 6005, colorSheets: 1103 }]);
  });

  it('rejects a total that is not the sum of its parts, naming the column', () => {
    expect(run([HEADER, '2024/04,総務課,4902,1103,6006'])).toEqual([
      { kind: 'reject', line: 2, reason: "column '合計(枚)' (columns.sheets): 6006 is not the sum of the black-and-white (4902) and colour (1103) sheets" },
    ]);
  });

  it.each([
    ['2024/13,総務課,1,1,2', "column '年月' (columns.month): '2024/13' has no month 13"],
    ['April 2024,総務課,1,1,2', "column '年月' (columns.month): 'April 2024' does not match the month format 'yyyy/MM'"],
    ['2024/04,総務課,1,x,2', "column 'カラー(枚)' (columns.colorSheets): 'x' is not a whole number"],
    ['2024/04,総務課,1', "only 3 fields: 'カラー(枚)' is field 4, '合計(枚)' is field 5"],
  ])('%s', (line, reason) => {
    expect(run([HEADER, line])).toEqual([{ kind: 'reject', line: 2, reason }]);
  });

  it('reads a Japanese month format, a device column and thousands separators', () => {
    const mapping = { format: 'counter', monthFormat: 'yyyy年M月', columns: { month: 1, device: 2, sheets: 3 } };
    expect(readings(run(['月,機器,枚数', '2024年4月,MFP-01,"12,345"'], mapping))).toEqual([{ month: '2024-04', department: '', device: 'MFP-01', sheets: 12345, colorSheets: null }]);
  });

  it('is never auto-detected and needs its mapping', () => {
    expect(counter.detect([HEADER, '2024/04,総務課,4902,1103,6005'])).toBeNull();
    expect(() => counter.createParser({ timeZone: 'Asia/Tokyo' })).toThrow(/needs a mapping file/);
  });
});
