import { describe, expect, it } from 'vitest';
import { papercutNg } from '../../../shared/domain/printlog/formats/papercut-ng.js';
import type { ParseEvent } from '../../../shared/domain/printlog/format.js';
import { fixturesOf, jobsOf, loadExpected, parseFixture, runParser } from '../../helpers/printlog-fixtures.js';

function line(time: string, pages = '4', colour = '0', date = '2024-09-02'): string {
  return [date, time, 'SRV01', 'OASA-MFP01', 'kato-n', 'kato-n', 'PC-1', 'Report, final "v2".docx', pages, colour].join('\t');
}

function rejectsOf(events: ParseEvent[]) {
  return events.flatMap((e) => (e.kind === 'reject' ? [{ line: e.line, reason: e.reason }] : []));
}

describe('papercut-ng fixtures match expected.json', () => {
  const expected = loadExpected();
  const files = fixturesOf('papercut-ng');

  it('has fixtures to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s', (file) => {
    const want = expected[file];
    const { summary } = parseFixture(papercutNg, file);
    expect(summary).toEqual({
      jobs: want?.jobs, pages: want?.pages, sheets: want?.sheets, byFiscalYear: want?.byFiscalYear, rejected: want?.rejected,
    });
  });
});

describe('papercut-ng rows', () => {
  it('reads a 12-hour clock in Asia/Tokyo: 12 AM is midnight, 12 PM is noon', () => {
    const times = jobsOf(runParser(papercutNg, [line('12:23:48 AM'), line('12:00:34 PM'), line('1:20:31 PM'), line('11:37:44 AM')])).map((j) => j.time);
    expect(times).toEqual([
      '2024-09-01T15:23:48.000Z', // 00:23:48 JST
      '2024-09-02T03:00:34.000Z', // 12:00:34 JST
      '2024-09-02T04:20:31.000Z', // 13:20:31 JST
      '2024-09-02T02:37:44.000Z',
    ]);
  });

  it('counts sheets = total pages with sides unknown, and colour from the colour pages', () => {
    const [mono, colour] = jobsOf(runParser(papercutNg, [line('9:00:00 AM', '7', '0'), line('9:01:00 AM', '7', '2')]));
    expect(mono).toMatchObject({ pages: 7, sheets: 7, copies: 1, sides: null, nUp: 1, color: false, printer: 'OASA-MFP01', user: 'kato-n', client: 'PC-1', document: 'Report, final "v2".docx' });
    expect(colour?.color).toBe(true);
  });

  it('ignores fields after the documented ten', () => {
    expect(jobsOf(runParser(papercutNg, [`${line('9:00:00 AM', '5')}\tA4\tDUPLEX\textra`])).map((j) => j.pages)).toEqual([5]);
  });

  it.each([
    ['too few fields', 'a\tb\tc', /^too few tab-separated fields: 3 /],
    ['an impossible time', line('13:00:00 PM'), /^Date\/Time: '2024-09-02 13:00:00 PM' is not a valid/],
    ['an impossible date', line('9:00:00 AM', '1', '0', '2024-02-30'), /^Date\/Time: /],
    ['a word for pages', line('9:00:00 AM', 'five'), /^Total pages: 'five' is not a number$/],
    ['negative colour pages', line('9:00:00 AM', '3', '-1'), /^Total colour pages: '-1' is negative$/],
  ])('rejects %s and goes on', (_name, bad, reason) => {
    const events = runParser(papercutNg, [line('9:00:00 AM'), bad, line('9:05:00 AM')]);
    expect(jobsOf(events)).toHaveLength(2);
    expect(rejectsOf(events)).toEqual([{ line: 2, reason: expect.stringMatching(reason) }]);
  });

  it('holds nothing between lines', () => {
    const parser = papercutNg.createParser({ timeZone: 'Asia/Tokyo' });
    parser.push(line('9:00:00 AM'), 1);
    expect(parser.pendingSince()).toBeNull();
    expect(parser.end()).toEqual([]);
  });

  it('makes two events of two identical lines', () => {
    expect(jobsOf(runParser(papercutNg, [line('9:00:00 AM'), line('9:00:00 AM')]))).toHaveLength(2);
  });
});
