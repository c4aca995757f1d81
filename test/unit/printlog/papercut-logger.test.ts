import { describe, expect, it } from 'vitest';
import { papercutLogger } from '../../../shared/domain/printlog/formats/papercut-logger.js';
import type { ParseEvent } from '../../../shared/domain/printlog/format.js';
import type { PrintJob } from '../../../shared/domain/printlog/job.js';
import { fixturesOf, jobsOf, loadExpected, parseFixture, runParser, summarize } from '../../helpers/printlog-fixtures.js';

const BANNER = 'PaperCut Print Logger - http://www.papercut.com/';
const HEADER = 'Time,User,Pages,Copies,Printer,Document Name,Client,Paper Size,Language,Height,Width,Duplex,Grayscale,Size';

function row(overrides: Partial<Record<'time' | 'user' | 'pages' | 'copies' | 'printer' | 'doc' | 'duplex' | 'gray', string>> = {}): string {
  const v = { time: '2024-05-01 10:00:00', user: 'tanaka-h', pages: '3', copies: '1', printer: 'OASA-MFP01', doc: '"a.pdf"', duplex: 'NOT DUPLEX', gray: 'GRAYSCALE', ...overrides };
  return `${v.time},${v.user},${v.pages},${v.copies},${v.printer},${v.doc},PC-1,A4,PCL6,,,${v.duplex},${v.gray},10kb,`;
}

function onlyJob(events: ParseEvent[]): PrintJob {
  expect(events.filter((e) => e.kind !== 'job')).toEqual([]);
  const jobs = jobsOf(events);
  expect(jobs).toHaveLength(1);
  return jobs[0] as PrintJob;
}

function rejectsOf(events: ParseEvent[]): Array<{ line: number; reason: string }> {
  return events.flatMap((e) => (e.kind === 'reject' ? [{ line: e.line, reason: e.reason }] : []));
}

describe('papercut-logger fixtures match expected.json', () => {
  const expected = loadExpected();
  const files = fixturesOf('papercut-logger');

  it('has fixtures to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  it.each(files)('%s', (file) => {
    const want = expected[file];
    const { summary } = parseFixture(papercutLogger, file);
    expect(summary.jobs).toBe(want?.jobs);
    expect(summary.rejected).toEqual(want?.rejected);
    if (want?.pages !== undefined) {
      expect(summary.pages).toBe(want.pages);
      expect(summary.sheets).toBe(want.sheets);
      expect(summary.byFiscalYear).toEqual(want.byFiscalYear);
    }
  });

  it('the all-time file holds the same 40 jobs as the daily files together', () => {
    const allTime = 'papercut-logger/papercut-print-log-all-time.csv';
    const dailies = files.filter((f) => f.startsWith('papercut-logger/daily/'));
    expect(expected[allTime]?.duplicatesOf).toBe('papercut-logger/daily/*');
    expect(dailies.length).toBeGreaterThan(1);

    const key = (j: PrintJob) => JSON.stringify([j.time, j.user, j.printer, j.document, j.pages, j.copies]);
    const multiset = (jobs: PrintJob[]) => jobs.map(key).sort();
    const fromAllTime = jobsOf(parseFixture(papercutLogger, allTime).events);
    const fromDailies = dailies.flatMap((f) => jobsOf(parseFixture(papercutLogger, f).events));

    expect(fromAllTime).toHaveLength(40);
    expect(expected[allTime]?.jobs).toBe(40);
    expect(multiset(fromAllTime)).toEqual(multiset(fromDailies));
    // Same jobs, so the same totals: a de-duplicating import counts each once.
    expect(summarize(parseFixture(papercutLogger, allTime).events).sheets)
      .toBe(dailies.reduce((n, f) => n + summarize(parseFixture(papercutLogger, f).events).sheets, 0));
  });

  it('keeps document names with commas, quotes and CP932-only characters', () => {
    const docs = new Set(jobsOf(parseFixture(papercutLogger, 'papercut-logger/papercut-print-log-all-time.csv').events).map((j) => j.document));
    expect(docs).toContain('Report, final "v2".docx');
    expect(docs).toContain('議会答弁書 ①.docx');
    expect(docs).toContain('\u3231北広建設 見積書.pdf'); // ㈱
    expect(docs).toContain('回覧\uff5e全職員.pdf'); // ～ FULLWIDTH TILDE, as CP932 decodes 0x8160
  });

  it('reads the UTF-8 (BOM) bad-lines file: each bad line rejected with its column named', () => {
    const { events } = parseFixture(papercutLogger, 'papercut-logger/bad-lines-utf8.csv');
    const rejects = new Map(rejectsOf(events).map((r) => [r.line, r.reason]));
    expect([...rejects.keys()]).toEqual([4, 6, 8, 10, 12, 18]);
    expect(rejects.get(4)).toMatch(/^Time: '2024-05-01 25:61:00' is not a valid date/);
    expect(rejects.get(6)).toBe("Pages: '-3' is negative");
    expect(rejects.get(8)).toBe("Pages: 'two' is not a number");
    expect(rejects.get(10)).toMatch(/^too few columns: 3 /);
    expect(rejects.get(12)).toMatch(/control characters/);
    expect(rejects.get(18)).toMatch(/^Document Name: unterminated quoted field/);
  });
});

describe('papercut-logger rows', () => {
  it('counts pages × copies and sheets per copy: ceil(Pages ÷ sides) × Copies', () => {
    const job = onlyJob(runParser(papercutLogger, [BANNER, HEADER, row({ pages: '5', copies: '3', duplex: 'DUPLEX', gray: 'NOT GRAYSCALE' })]));
    expect(job).toMatchObject({ pages: 15, sheets: 9, copies: 3, sides: 2, color: true, nUp: 1, paperSize: 'A4', client: 'PC-1' });
    const simplex = onlyJob(runParser(papercutLogger, [BANNER, HEADER, row({ pages: '5', copies: '3' })]));
    expect(simplex).toMatchObject({ pages: 15, sheets: 15, sides: 1, color: false });
  });

  it('reads the time as Asia/Tokyo by default, or the configured zone', () => {
    const line = row({ time: '2024-04-01 08:00:00' });
    expect(onlyJob(runParser(papercutLogger, [BANNER, HEADER, line])).time).toBe('2024-03-31T23:00:00.000Z');
    expect(onlyJob(runParser(papercutLogger, [BANNER, HEADER, line], { timeZone: 'UTC' })).time).toBe('2024-04-01T08:00:00.000Z');
  });

  it('skips the banner and a translated header, neither job nor reject', () => {
    const events = runParser(papercutLogger, [`\ufeff${BANNER}`, '時刻,ユーザー,ページ,部数,プリンター,ドキュメント名,クライアント,用紙サイズ,言語,高さ,幅,両面,グレースケール,サイズ', row()]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'job', line: 3 });
  });

  it('skips a banner and header repeated inside a file (concatenated daily files)', () => {
    const events = runParser(papercutLogger, [BANNER, HEADER, row(), BANNER, HEADER, row()]);
    expect(events.map((e) => [e.kind, e.line])).toEqual([['job', 3], ['job', 6]]);
  });

  it('rejects a bad row right after the header instead of taking it for a header', () => {
    const events = runParser(papercutLogger, [BANNER, HEADER, row({ time: '2024-02-30 10:00:00' })]);
    expect(rejectsOf(events)).toEqual([{ line: 3, reason: expect.stringMatching(/^Time: '2024-02-30 10:00:00'/) }]);
  });

  it('makes two events of two identical rows', () => {
    const events = runParser(papercutLogger, [BANNER, HEADER, row(), row()]);
    expect(events.map((e) => [e.kind, e.line])).toEqual([['job', 3], ['job', 4]]);
    expect(jobsOf(events)[0]).toEqual(jobsOf(events)[1]);
  });

  it('keeps commas, doubled quotes and ①㈱～ in document names', () => {
    const doc = 'Report, final "v2" ① ㈱北広 ～.pdf';
    const job = onlyJob(runParser(papercutLogger, [BANNER, HEADER, row({ doc: `"${doc.replaceAll('"', '""')}"` })]));
    expect(job.document).toBe(doc);
    expect(job.printer).toBe('OASA-MFP01');
  });

  it('rejects an unterminated quote on the last line at that line, and nothing is held', () => {
    const parser = papercutLogger.createParser({ timeZone: 'Asia/Tokyo' });
    const events: ParseEvent[] = [];
    [BANNER, HEADER, row(), `2024-05-01 09:00:00,tanaka-h,1,1,P,"unterminated,C,A4,PCL6,,,DUPLEX,GRAYSCALE,1kb,`].forEach((l, i) => {
      events.push(...parser.push(l, i + 1));
      expect(parser.pendingSince()).toBeNull();
    });
    events.push(...parser.end());
    expect(jobsOf(events)).toHaveLength(1);
    expect(rejectsOf(events)).toEqual([{ line: 4, reason: expect.stringMatching(/^Document Name: unterminated/) }]);
  });

  it.each([
    ['a word for copies', row({ copies: 'one' }), "Copies: 'one' is not a number"],
    ['zero copies', row({ copies: '0' }), "Copies: '0' must be at least 1"],
    ['a fraction of pages', row({ pages: '1.5' }), "Pages: '1.5' is not a whole number"],
    ['empty pages', row({ pages: '' }), 'Pages: empty, expected a number'],
    ['an unknown duplex word (shifted columns)', row({ duplex: 'A4' }), "Duplex: 'A4' is neither DUPLEX nor NOT DUPLEX"],
    ['an unknown grayscale word', row({ gray: 'MONO' }), "Grayscale: 'MONO' is neither GRAYSCALE nor NOT GRAYSCALE"],
    ['text after a closing quote', row({ doc: '"a"b' }), 'Document Name: unexpected "b" after the closing quote'],
  ])('rejects %s with the column named', (_name, line, reason) => {
    expect(rejectsOf(runParser(papercutLogger, [BANNER, HEADER, line]))).toEqual([{ line: 3, reason }]);
  });

  it('accepts an empty Duplex/Grayscale as unknown, and a row without the trailing comma', () => {
    const job = onlyJob(runParser(papercutLogger, [BANNER, HEADER, row({ duplex: '', gray: '', pages: '3', copies: '2' }).slice(0, -1)]));
    expect(job).toMatchObject({ sides: null, color: null, pages: 6, sheets: 6 });
  });

  it('reads a resumed file from a middle line without taking that line for a header', () => {
    const parser = papercutLogger.createParser({ timeZone: 'Asia/Tokyo' });
    expect(parser.push('\u0000garbage', 7)).toEqual([{ kind: 'reject', line: 7, reason: expect.stringMatching(/control characters/) }]);
    expect(parser.push('Time,User,Pages', 8)).toEqual([{ kind: 'reject', line: 8, reason: expect.stringMatching(/^Time: 'Time' is not a valid|^too few columns/) }]);
    expect(jobsOf(parser.push(row(), 9))).toHaveLength(1);
  });

  it('reads a row as the logger writes it (one regular expression) as the general reader reads the same job written otherwise', () => {
    const doc = 'Report, final "v2" ① ㈱北広 ～.pdf';
    const plain = row({ doc: `"${doc.replaceAll('"', '""')}"`, pages: '7', copies: '2', duplex: 'DUPLEX', gray: 'NOT GRAYSCALE' });
    const job = onlyJob(runParser(papercutLogger, [BANNER, HEADER, plain]));
    expect(job).toEqual({
      time: '2024-05-01T01:00:00.000Z', user: 'tanaka-h', printer: 'OASA-MFP01', client: 'PC-1', document: doc,
      pages: 14, sheets: 8, copies: 2, sides: 2, nUp: 1, color: true, paperSize: 'A4',
    });
    // Each of these leaves the one-pass form; the job read is the same.
    const otherwise = [
      plain.replace(',DUPLEX,', ', duplex ,'),
      plain.replace('tanaka-h', ' tanaka-h\t'),
      `${plain}extra,field`,
      plain.replace(',A4,', ',"A4",'),
    ];
    for (const line of otherwise) expect(onlyJob(runParser(papercutLogger, [BANNER, HEADER, line]))).toEqual(job);
    const long = 'x'.repeat(5000);
    expect(onlyJob(runParser(papercutLogger, [BANNER, HEADER, row({ doc: `"${long}"` })])).document).toBe(long);
    expect(onlyJob(runParser(papercutLogger, [BANNER, HEADER, row({ doc: long })])).document).toBe(long);
  });

  it('skips blank lines without rejecting them', () => {
    expect(runParser(papercutLogger, [BANNER, HEADER, '', row(), '  '])).toHaveLength(1);
  });
});
