import { describe, expect, it } from 'vitest';
import { cups } from '../../../shared/domain/printlog/formats/cups.js';
import type { ParseEvent } from '../../../shared/domain/printlog/format.js';
import { fiscalYearOf } from '../../../shared/domain/wareki.js';
import { fixturesOf, jobsOf, loadExpected, parseFixture, runParser } from '../../helpers/printlog-fixtures.js';

function total(job: number, date: string, n: number, name = 'a b.pdf', media = 'iso_a4_210x297mm', sides = 'one-sided', printer = 'P1'): string {
  return `${printer} tanaka-h ${job} [${date}] total ${n} - 10.1.2.3 ${name} ${media} ${sides}`;
}

function page(job: number, date: string, pageNo: number, copies: number, sides = 'two-sided-long-edge', printer = 'P1'): string {
  return `${printer} user${job} ${job} [${date}] ${pageNo} ${copies} - 10.1.2.${job % 250} job ${job}.pdf iso_a4_210x297mm ${sides}`;
}

function rejectsOf(events: ParseEvent[]) {
  return events.flatMap((e) => (e.kind === 'reject' ? [{ line: e.line, reason: e.reason }] : []));
}

describe('cups fixtures match expected.json', () => {
  const expected = loadExpected();
  const files = fixturesOf('cups');

  it('has the rotated pair and the per-page file', () => {
    expect(files).toEqual(['cups/page_log', 'cups/page_log-cups22', 'cups/page_log.1.gz']);
  });

  it.each(files)('%s', (file) => {
    const want = expected[file];
    const { summary } = parseFixture(cups, file);
    expect(summary).toEqual({
      jobs: want?.jobs, pages: want?.pages, sheets: want?.sheets, byFiscalYear: want?.byFiscalYear, rejected: want?.rejected,
    });
  });

  it('reads job names with spaces and quotes, and media and sides from the right', () => {
    const jobs = jobsOf(parseFixture(cups, 'cups/page_log-cups22').events);
    expect(jobs[0]).toMatchObject({
      printer: 'HONCHO-ZAISEI-MFP01', user: 'kobayashi-e', client: '10.1.2.15', document: 'Report, final "v2".docx',
      paperSize: 'iso_a4_210x297mm', sides: 2, pages: 30, sheets: 15, copies: 5, time: '2024-08-05T00:05:45.000Z',
    });
    const names = jobsOf(parseFixture(cups, 'cups/page_log.1.gz').events).map((j) => j.document);
    expect(names).toContain('議会答弁書 ①.docx');
  });
});

describe('cups total lines (CUPS ≥ 2.3)', () => {
  it('uses the offset of the line, +0900 or another, not the configured zone', () => {
    const jobs = jobsOf(runParser(cups, [
      total(1, '31/Mar/2024:23:30:00 +0900', 1),
      total(2, '31/Mar/2024:19:30:00 -0500', 1),
      total(3, '31/Mar/2024:23:59:59 +0000', 1),
    ], { timeZone: 'UTC' }));
    expect(jobs.map((j) => j.time)).toEqual(['2024-03-31T14:30:00.000Z', '2024-04-01T00:30:00.000Z', '2024-03-31T23:59:59.000Z']);
    // The fiscal year follows the Tokyo date: 31 March 23:30 JST is FY2023; 31 March 19:30 -0500 and 23:59 UTC are 1 April in Tokyo.
    expect(jobs.map((j) => fiscalYearOf(j.time))).toEqual([2023, 2024, 2024]);
  });

  it('counts pages = N and sheets = ceil(N ÷ sides), copies 1, emitted at once', () => {
    const parser = cups.createParser({ timeZone: 'Asia/Tokyo' });
    const events = parser.push(total(7, '01/Jul/2024:11:18:18 +0900', 5, 'x.pdf', 'iso_a4_210x297mm', 'two-sided-short-edge'), 1);
    expect(parser.pendingSince()).toBeNull();
    expect(jobsOf(events)).toEqual([expect.objectContaining({ pages: 5, sheets: 3, copies: 1, sides: 2, color: null, nUp: 1 })]);
    expect(parser.end()).toEqual([]);
  });

  it("treats '-' as a missing value and an unknown sides keyword as unknown", () => {
    const [job] = jobsOf(runParser(cups, ['P1 u 5 [01/Jul/2024:11:18:18 +0900] total 3 - - - - -']));
    expect(job).toMatchObject({ client: '', document: '', paperSize: '', sides: null, pages: 3, sheets: 3 });
  });
});

describe('cups per-page lines (CUPS ≤ 2.2)', () => {
  it('sums interleaved jobs by job id and emits each at its first line, timed by it', () => {
    const lines = [
      page(10, '05/Aug/2024:09:00:00 +0900', 1, 2),
      page(11, '05/Aug/2024:09:00:01 +0900', 1, 1, 'one-sided', 'P2'),
      page(10, '05/Aug/2024:09:00:02 +0900', 2, 2),
      page(11, '05/Aug/2024:09:00:03 +0900', 2, 1, 'one-sided', 'P2'),
      page(10, '05/Aug/2024:09:00:04 +0900', 3, 2),
      page(12, '05/Aug/2024:09:00:05 +0900', 1, 1, 'one-sided'), // same queue as job 10, e.g. a class
      page(10, '05/Aug/2024:09:00:06 +0900', 4, 2),
    ];
    const events = runParser(cups, lines);
    expect(events.map((e) => [e.kind, e.line])).toEqual([['job', 1], ['job', 2], ['job', 6]]);
    const [j10, j11, j12] = jobsOf(events);
    expect(j10).toMatchObject({ user: 'user10', pages: 8, sheets: 4, copies: 2, sides: 2, time: '2024-08-05T00:00:00.000Z' });
    expect(j11).toMatchObject({ user: 'user11', printer: 'P2', pages: 2, sheets: 2, copies: 1, sides: 1, time: '2024-08-05T00:00:01.000Z' });
    expect(j12).toMatchObject({ user: 'user12', pages: 1, sheets: 1 });
  });

  it('reports the first line of the oldest open job as pending, and nothing after end()', () => {
    const parser = cups.createParser({ timeZone: 'Asia/Tokyo' });
    expect(parser.pendingSince()).toBeNull();
    expect(parser.push(page(10, '05/Aug/2024:09:00:00 +0900', 1, 1), 1)).toEqual([]);
    expect(parser.pendingSince()).toBe(1);
    parser.push(page(11, '05/Aug/2024:09:00:01 +0900', 1, 1, 'one-sided', 'P2'), 2);
    parser.push(total(99, '05/Aug/2024:09:00:02 +0900', 4), 3);
    parser.push(page(10, '05/Aug/2024:09:00:03 +0900', 2, 1), 4);
    expect(parser.pendingSince()).toBe(1);
    const ended = parser.end();
    expect(ended.map((e) => e.line)).toEqual([1, 2]);
    expect(parser.pendingSince()).toBeNull();
  });

  it('counts impressions as the sum of copies and sheets = ceil(impressions ÷ sides); copies 1 when pages disagree', () => {
    const [job] = jobsOf(runParser(cups, [
      page(20, '05/Aug/2024:09:00:00 +0900', 1, 3),
      page(20, '05/Aug/2024:09:00:01 +0900', 2, 2),
    ]));
    expect(job).toMatchObject({ pages: 5, sheets: 3, copies: 1 });
  });

  it('lets a total line of an open job replace its page lines', () => {
    const events = runParser(cups, [
      page(30, '05/Aug/2024:09:00:00 +0900', 1, 1, 'one-sided'),
      page(30, '05/Aug/2024:09:00:01 +0900', 2, 1, 'one-sided'),
      'P1 user30 30 [05/Aug/2024:09:00:05 +0900] total 3 - 10.1.2.30 job 30.pdf iso_a4_210x297mm one-sided',
    ]);
    expect(events.map((e) => e.line)).toEqual([1]);
    expect(jobsOf(events)[0]).toMatchObject({ pages: 3, sheets: 3, time: '2024-08-05T00:00:00.000Z' });
  });
});

describe('cups malformed lines', () => {
  it.each([
    ['not a page_log line', 'localhost - - "POST / HTTP/1.1" 200', /^not a page_log line/],
    ['an impossible date', total(1, '31/Apr/2024:10:00:00 +0900', 1), /^Date: '31\/Apr\/2024:10:00:00 \+0900' is not a valid/],
    ['an unknown month', total(1, '01/Foo/2024:10:00:00 +0900', 1), /^Date: /],
    ['a word for the total', 'P1 u 1 [01/Jul/2024:11:18:18 +0900] total many - h d.pdf iso_a4_210x297mm one-sided', /^Total: 'many' is not a number$/],
    ['a word for the page', 'P1 u 1 [01/Jul/2024:11:18:18 +0900] first 1 - h d.pdf iso_a4_210x297mm one-sided', /^Page: 'first' is not a number \(or 'total'\)$/],
    ['a job id that is not a number', 'P1 u x1 [01/Jul/2024:11:18:18 +0900] total 1 - h d.pdf iso_a4_210x297mm one-sided', /^Job ID: 'x1'/],
    ['too few fields', 'P1 u 1 [01/Jul/2024:11:18:18 +0900] total 1 - h', /^too few fields after the copies/],
    ['binary garbage', '\u0000\u0001\u0002garbage\u007f', /control characters/],
  ])('rejects %s and goes on', (_name, bad, reason) => {
    const events = runParser(cups, [total(1, '01/Jul/2024:10:00:00 +0900', 1), bad, total(2, '01/Jul/2024:10:00:01 +0900', 1)]);
    expect(jobsOf(events)).toHaveLength(2);
    expect(rejectsOf(events)).toEqual([{ line: 2, reason: expect.stringMatching(reason) }]);
  });

  it('makes two events of two identical total lines', () => {
    const l = total(1, '01/Jul/2024:10:00:00 +0900', 2);
    expect(jobsOf(runParser(cups, [l, l]))).toHaveLength(2);
  });
});
